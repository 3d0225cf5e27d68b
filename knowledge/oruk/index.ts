// Open Referral UK import: ORUK v3 /services answers → services.json entries.
export * from './schema';
export * from './groupMapping';
export { importOrukServices, mapOrukService, normalisePhone, describeSchedules, slugify } from './mapService';
export type { ImportContext, ImportedService, SkippedService, ImportResult } from './mapService';
