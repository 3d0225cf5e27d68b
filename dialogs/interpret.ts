import type { TurnContext } from 'botbuilder';
import type { GroupScore, TriageContext, TriageResult } from '../knowledge/triage/types';
import type { PriorityGroupId } from '../knowledge';
import { isOutOfHours, turnInstant } from './clock';
import type { ConversationDeps } from './deps';
import { sendTriageTrace } from './trace';
import { rememberInterpretation } from './turnFlags';
import { triageOnce } from './turnTriage';
import { inferRole, roleInConcern, statedRoleWords } from '../knowledge/understanding/whoIsAsking';
import type { PractitionerRole } from './profile';
import { roleOptions } from './wording';

/**
 * The role of a practitioner who told a concern: the one they name ("I'm a health visitor and
 * ..."), or the one the concern's words imply ("in my class"). Never the role options' words
 * anywhere in it: a teacher's "the family need housing help" had made them a housing officer,
 * and housing services were left out as their own.
 */
export function roleOfWriter(text: string): PractitionerRole | undefined {
  const stated = statedRoleWords(text);
  return (stated ? inferRole(stated, roleOptions) : undefined) ?? roleInConcern(text);
}

// Thresholds over the triage engine's 0..1 group scores. Named here, in one place, so
// they can be tuned against the evaluation set without hunting through dialogs.
/** A group this strong means the text describes a worry. */
export const WORRY_SCORE = 0.25;
/** Second group within this share of the first: ask which it is more about. */
export const CLOSE_RATIO = 0.8;
/** Above this the first group is clear enough not to ask. */
export const CONFIDENT_SCORE = 0.6;
/** Other groups this close to the first are kept as part of the same worry. */
export const KEEP_RATIO = 0.6;
export const MAX_GROUPS = 3;

/** Triage free text and emit the earlyHelp.triage trace for the turn. */
export async function interpretText(
  context: TurnContext,
  deps: ConversationDeps,
  text: string,
  triageContext: TriageContext,
): Promise<TriageResult> {
  // Usually the risk step has read this very text already this turn: reuse its reading.
  const result = triageOnce(context, deps.triage, text, triageContext);
  await sendTriageTrace(context, result, isOutOfHours(deps.pack, turnInstant(context.activity)));
  return result;
}

/**
 * A worry typed where the bot asked something else (the role question, the menu): read with who
 * is asking, kept for the step that follows (interpretedThisTurn), and true when it names a
 * worry. Fewer than `minWords` words are left to the question's own answers ("no", "teacher").
 */
export async function typedWorry(context: TurnContext, deps: ConversationDeps, minWords: number): Promise<boolean> {
  const text = context.activity.text;
  if (!text || text.trim().split(/\s+/).length < minWords) return false;
  const profile = await deps.profile.get(context, { worries: [] });
  const result = await interpretText(context, deps, text, { audience: profile.audience, ageBand: profile.ageBand });
  rememberInterpretation(context, result);
  return describesWorry(result);
}

/** Whether the text said something the bot can map to a priority group. */
export function describesWorry(result: TriageResult): boolean {
  return (result.priorityGroups[0]?.score ?? 0) >= WORRY_SCORE;
}

/** The two groups to ask between, when the engine cannot tell them apart. */
export function closeCall(groups: GroupScore[]): [PriorityGroupId, PriorityGroupId] | undefined {
  const [first, second] = groups;
  if (!first || !second) return undefined;
  // Either one clearly said: keep what was said rather than ask.
  if (first.score >= CONFIDENT_SCORE) return undefined;
  if (second.score < WORRY_SCORE || second.score < first.score * CLOSE_RATIO) return undefined;
  return [first.id, second.id];
}

/** The groups that make up one worry: the first, and any close behind it. */
export function keptGroups(groups: GroupScore[]): PriorityGroupId[] {
  const first = groups[0];
  if (!first) return [];
  return groups
    .filter((g) => g.score >= WORRY_SCORE && g.score >= first.score * KEEP_RATIO)
    .slice(0, MAX_GROUPS)
    .map((g) => g.id);
}
