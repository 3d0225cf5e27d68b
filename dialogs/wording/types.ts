import type { AccessRoute, AgeBand, Audience, PriorityGroupId } from '../../knowledge/vocabulary';
import type { NeedLevel } from '../../knowledge/schema/pack';
import type { About } from '../profile';

/** A button: what the person sees and the stable value the dialog gets back. */
export interface Option<V extends string = string> {
  value: V;
  label: string;
  /** Other words people type for the same answer. */
  synonyms?: string[];
}

/**
 * Everything one audience reads during the worry flow. Residents and young people get
 * short, plain sentences; practitioners get professional framing. Text shared by every
 * audience (welcome, interruptions) lives in common.ts.
 */
export interface Wording {
  audience: Audience;
  askWorry: string;
  worryRetry: string;
  /** Asked for the worry again after a reply that said only who it is about ("its for me"). */
  worryAfterWho: string;
  worryGiveUp: string;
  askAbout: string;
  aboutOptions: Option<About>[];
  askAge: (about: About) => string;
  ageOptions: (about: About) => Option<AgeBand>[];
  skipQuestion: string;
  clarify: (a: string, b: string) => string;
  bothLabel: string;
  found: (plainNames: string[]) => string;
  /** The level of need: plain words for residents, the strategy's own for practitioners. */
  level: (level: NeedLevel, audience?: Audience) => string;
  servicesIntro: string;
  /** Said first when a worry is told with how hard things are ("worn out"); empty for practitioners. */
  acknowledgeHard: string;
  /** Said first when the message tells of a death; empty for practitioners. */
  acknowledgeLoss: string;
  /** Before the services chosen again for who or how old, said after they were shown ("17", "it's for me"). */
  servicesAgain: string;
  /**
   * Before the contacts of a risk route the worry is about without risk now (abuse that is over,
   * a question about grooming): who to contact if it is happening now.
   */
  ifHappeningNow: string;
  noServices: (directoryName: string) => string;
  access: Record<AccessRoute, string>;
  whatNext: string;
  whatNextRetry: string;
  /**
   * A question about a service shown ("is there a waiting list?"), which the bot cannot answer:
   * that service can, and how to reach it (`how`: its contact, or how to find it).
   */
  aboutAService: (name: string, how: string) => string;
  /** After "What would you like to do now?" has had no answer it could use: the way on, said once. */
  menuClosed: string;
  nextLabels: { another: string; handoff: string; talk: string; restart: string; done: string };
  askAnother: string;
  goodbye: string;
  handoffIntro: string;
  /** When the worries are an adult's own, with no child involved: no children's portal. */
  handoffIntroAdult: string;
  consentQuestion: string;
  consentYes: string;
  consentNo: string;
  summaryIntro: string;
  noSummary: string;
  portalLine: (url: string) => string;
  /** Headings inside the summary people copy. */
  summary: { heading: string; worries: string; about: string; age: string; level: string; note: string };
  aboutNames: Record<About, string>;
  ageNames: Record<AgeBand, string>;
}

/** Short button labels for each priority group; the pack's plain names are sentences. */
export type TopicLabels = Record<PriorityGroupId, string>;
