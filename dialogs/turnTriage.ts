import type { TurnContext } from 'botbuilder';
import type { TriageContext, TriageFn, TriageResult } from '../knowledge/triage/types';

/**
 * The turn's triage of the person's message, kept in turn state so the risk step and the dialogs
 * read the message once between them. Only what changes the result is compared: the text and who
 * is asking (audience, age band). A prior risk only lowers the risk thresholds, so a message the
 * risk step read warily and found no risk in has no risk for the dialogs either.
 */
interface KeptTriage {
  text: string;
  audience: TriageContext['audience'];
  ageBand: TriageContext['ageBand'];
  result: TriageResult;
}

const TURN_TRIAGE = Symbol('turnTriage');

/** Remembers a triage of `text` made this turn (by the risk step). */
export function keepTurnTriage(context: TurnContext, text: string, triageContext: TriageContext, result: TriageResult): void {
  context.turnState.set(TURN_TRIAGE, { text, audience: triageContext.audience, ageBand: triageContext.ageBand, result } satisfies KeptTriage);
}

/** The turn's triage of `text` in `triageContext`: the kept one when it fits, else a fresh one. */
export function triageOnce(context: TurnContext, triage: TriageFn, text: string, triageContext: TriageContext): TriageResult {
  const kept = context.turnState.get(TURN_TRIAGE) as KeptTriage | undefined;
  if (kept && kept.text === text && kept.audience === triageContext.audience && kept.ageBand === triageContext.ageBand) return kept.result;
  const result = triage(text, triageContext);
  keepTurnTriage(context, text, triageContext, result);
  return result;
}
