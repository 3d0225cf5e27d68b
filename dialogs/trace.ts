import { ActivityTypes } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import type { TriageResult } from '../knowledge/triage/types';
import type { NeedLevelId, PriorityGroupId, RiskRoute, Route } from '../knowledge';

export const TRIAGE_TRACE_NAME = 'earlyHelp.triage';
export const TRIAGE_TRACE_VALUE_TYPE = 'https://schemas.early-help/triage';

/** The value of an earlyHelp.triage trace: what the bot decided, never the words typed. */
export interface TriageTraceValue {
  route: Route;
  priorityGroups: Array<{ id: PriorityGroupId; score: number }>;
  needLevel: NeedLevelId;
  outOfHours: boolean;
  /** On a risk route: "high" (the risk reply was given) or "possible" (the bot checked in). */
  confidence?: 'high' | 'possible';
  /** Off a risk route: the risk route the message is about without risk now (see TriageResult.topic). */
  topic?: RiskRoute;
  /** Right after a risk reply: the message was answered as a follow-up to it, on this route, with its contacts. */
  followUp?: true;
}

/**
 * Trace activities reach the Emulator and transcript loggers, never a person's chat. They
 * make every interpretation of free text auditable without keeping the text itself.
 */
export async function sendTriageTrace(
  context: TurnContext,
  result: TriageResult,
  outOfHours: boolean,
  label?: string,
  extra: Pick<TriageTraceValue, 'followUp'> = {},
): Promise<void> {
  const value: TriageTraceValue = {
    ...extra,
    route: result.route,
    priorityGroups: result.priorityGroups.map((g) => ({ id: g.id, score: Math.round(g.score * 1000) / 1000 })),
    needLevel: result.needLevel,
    outOfHours,
    ...(result.confidence ? { confidence: result.confidence } : {}),
    ...(result.topic ? { topic: result.topic } : {}),
  };
  await context.sendActivity({
    type: ActivityTypes.Trace,
    name: TRIAGE_TRACE_NAME,
    label: label ?? 'Triage of a free-text message',
    valueType: TRIAGE_TRACE_VALUE_TYPE,
    value,
  });
}
