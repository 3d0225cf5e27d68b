// The public API of knowledge/: what bot/ and dialogs/ import.
export * from './vocabulary';
export * from './schema/pack';
export { PackError, loadPack, listPacks, defaultPacksDir, formatIssue, PACK_FILES } from './loader';
export type { PackIssue, LoadPackOptions } from './loader';
export { isOpen, nextOpening, bankHolidayOn, londonTime } from './officeHours';
export {
  findServices,
  contactsForRoute,
  getRoute,
  getGroup,
  getNeedLevel,
  getGuidance,
  getContact,
  getService,
  formatContact,
  talkContacts,
  AGE_BAND_RANGES,
} from './directory';
export type { ServiceQuery, RankedService, RouteContacts } from './directory';
export { createTriage, createTriageEngine, detectRisk, normalise, type TriageFn, type TriageResult, type TriageContext, type RiskMatch, type GroupScore } from './triage';
