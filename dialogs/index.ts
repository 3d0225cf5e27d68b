// The public API of dialogs/: what bot/ imports.
export { MainDialog, MAIN_DIALOG } from './mainDialog';
export { RiskGate } from './riskGate';
export type { RiskAssessment } from './riskGate';
export { runRiskTurn, emptyRiskMemory, riskContext, type RiskMemory, type RiskTurnOutcome } from './riskTurn';
export { LANGUAGE_CONFIDENCE, dangerContacts, otherLanguageNotice } from './otherLanguage';
export { welcomeActivity } from './welcome';
export { turnInstant, isOutOfHours } from './clock';
export { emptyProfile } from './profile';
export type { EarlyHelpProfile } from './profile';
export type { ConversationDeps } from './deps';
export { TRIAGE_TRACE_NAME, TRIAGE_TRACE_VALUE_TYPE } from './trace';
export type { TriageTraceValue } from './trace';
export { riskCheckCarryOn } from './wording';
