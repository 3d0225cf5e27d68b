// Data-driven conversation cases: each step is what the person says and what a person
// would then read (text, quick replies, card fallbacks).
import type { Activity } from 'botbuilder';

export type Expectation = string | RegExp;

export interface Step {
  say: string | Partial<Activity>;
  /** Timestamp of the incoming activity: the channel's clock. */
  at?: string;
  expect?: Expectation[];
  /** Must not appear in what the person reads. */
  not?: Expectation[];
  /** Exactly these quick replies on the last reply that has any. */
  buttons?: string[];
  /** Pin this message's triage to two close groups (new parents, mental health): the case is about the dialog, not the scores. */
  stubCloseGroups?: boolean;
}

export interface Case {
  name: string;
  channel?: string;
  steps: Step[];
}

export function check(text: string, e: Expectation): boolean {
  return typeof e === 'string' ? text.includes(e) : e.test(text);
}
