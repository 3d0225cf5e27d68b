import type { TurnContext } from 'botbuilder';
import type { TriageResult } from '../knowledge/triage/types';

// Per-turn notes between a prompt's validator and the step after it. turnState lives for
// one turn only, so nothing here is ever stored.

const TEXT_CONSUMED = Symbol('earlyHelp.textConsumed');
const INTERPRETED = Symbol('earlyHelp.interpreted');

/** The message was a command (help, start again...), so no step should read it as an answer. */
export function markTextConsumed(context: TurnContext): void {
  context.turnState.set(TEXT_CONSUMED, true);
}

export function isTextConsumed(context: TurnContext): boolean {
  return context.turnState.get(TEXT_CONSUMED) === true;
}

/** Keep this turn's triage so the step after a validator does not triage (and trace) twice. */
export function rememberInterpretation(context: TurnContext, result: TriageResult): void {
  context.turnState.set(INTERPRETED, result);
}

export function interpretedThisTurn(context: TurnContext): TriageResult | undefined {
  return context.turnState.get(INTERPRETED) as TriageResult | undefined;
}
