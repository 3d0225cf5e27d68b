import { z } from 'zod';
import {
  ACCESS_ROUTES,
  APPLIES_TO,
  ITHRIVE_IDS,
  NEED_LEVEL_IDS,
  PRACTITIONER_ROLES,
  PRIORITY_GROUP_IDS,
  RISK_ROUTES,
  ROUTES,
  TOPIC_SIGNALS,
} from '../vocabulary';

// Schemas for one knowledge pack: the files under knowledge/packs/<name>/.
// Council staff edit those JSON files; these schemas are what stops a typo
// from reaching a resident. Types are inferred, never written twice.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-23')
  // The regex alone lets 2026-02-30 through; a real calendar date round-trips.
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: 'must be a real calendar date like 2026-11-23',
  });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** An id from the shared vocabulary; the error names the bad value and the allowed ones. */
function vocab<const T extends readonly [string, ...string[]]>(ids: T, what: string) {
  return z.enum(ids, {
    error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}; use one of: ${ids.join(', ')}`,
  });
}

/** Where a fact came from: a seed document id (see pack.json "sources") or a public https URL. */
export const sourceSchema = z.union(
  [
    z.string().regex(/^seed:[a-z0-9-]+(#.+)?$/, 'must be "seed:<source id>" optionally followed by "#<section>"'),
    z.url({ protocol: /^https$/ }),
  ],
  { error: 'must be "seed:<source id>" (optionally "#<section>") or a public https:// address' },
);

/** The source id a "seed:<id>#section" source refers to, or undefined for a URL. */
export function seedSourceId(source: string): string | undefined {
  const m = /^seed:([a-z0-9-]+)/.exec(source);
  return m ? m[1] : undefined;
}

/**
 * UK numbers as people dial them: 999, 111, 101, 116 123, 5-digit text short codes,
 * the short freephone lines charities print (0800 1111, 0800 555 111, 0808 2000 247),
 * and 11-digit numbers written in their usual groups.
 */
export const UK_PHONE = /^(?:999|111|112|101|116 ?\d{3}|0800 ?1111|0800 ?\d{3} ?\d{3}|0800 ?\d{4} ?\d{3}|0808 ?\d{4} ?\d{3}|\d{5}|0\d{3} ?\d{3} ?\d{4}|0\d{4} ?\d{6}|0\d{4} ?\d{3} ?\d{3}|0\d{2} ?\d{4} ?\d{4}|0\d{3} ?\d{6}|0\d{4} ?\d{5}|0800 ?\d{3} ?\d{4}|0808 ?\d{3} ?\d{4}|08000 ?\d{3} ?\d{3})$/;

export const contactMethodSchema = z.discriminatedUnion(
  'kind',
  [
  z.object({ kind: z.literal('phone'), value: z.string().regex(UK_PHONE, 'must be a UK phone number such as 01225 396312') }),
  z.object({ kind: z.literal('text'), value: z.string().regex(/^(?:\d{5}|0\d{4} ?\d{6})$/, 'must be a UK text number or short code'), keyword: z.string().optional() }),
  z.object({ kind: z.literal('url'), value: z.url({ protocol: /^https?$/ }) }),
  z.object({ kind: z.literal('email'), value: z.email() }),
  ],
  { error: 'kind must be one of "phone", "text", "url" or "email"' },
);

/**
 * One way to reach someone. Every contact carries its source and the date a person
 * last checked it; the loader and knowledge:check hold that line.
 */
export const contactSchema = z
  .object({
    id: slug,
    name: nonEmpty,
    method: contactMethodSchema,
    /** Opening hours in words, e.g. "24 hours, every day". Only the hours: what to do instead goes in `note`. */
    hours: nonEmpty,
    /**
     * What to do when this is not the contact for now ("If a child is in danger now, call 999"):
     * given beside it in risk replies and "talk to someone", not on a service card, where it had
     * read as the opening times of direct payments.
     */
    note: nonEmpty.optional(),
    /** When set, the hours are also computable from office-hours.json with this id. */
    officeHoursId: slug.optional(),
    /** Who it is for, in plain words. */
    for: nonEmpty,
    /**
     * The ages of those who may use it for themselves, when the line says (Childline: up to 18).
     * A risk reply to an adult leaves out a line only children may use.
     */
    callerAges: z
      .object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })
      .strict()
      .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, 'min must not be above max')
      .optional(),
    source: sourceSchema,
    checked: isoDate,
  })
  .strict();

export const priorityGroupSchema = z
  .object({
    id: vocab(PRIORITY_GROUP_IDS, 'priority group'),
    /** The strategy's own words for the group. */
    strategyWording: nonEmpty,
    /** What a resident would call it: "money worries". */
    plainName: nonEmpty,
    /** One or two plain sentences a resident sees. */
    summary: nonEmpty,
    appliesTo: z.array(vocab(APPLIES_TO, 'appliesTo value')).min(1),
    source: sourceSchema,
  })
  .strict();

export const needLevelSchema = z
  .object({
    id: vocab(NEED_LEVEL_IDS, 'need level'),
    name: nonEmpty,
    plainName: nonEmpty,
    /** The strategy's definition, from the continuum. */
    strategyWording: nonEmpty,
    /** What this level means for a resident, in plain words: for someone the bot knows nothing about yet. */
    plainSummary: nonEmpty,
    /**
     * The same for one kind of person, where their words differ: an older carer had been told of
     * "family support, a mentor", and a practitioner read the strategy's 1,451 characters.
     */
    summaryFor: z
      .object({ self: nonEmpty, 'parent-carer': nonEmpty, 'young-person': nonEmpty, practitioner: nonEmpty })
      .partial()
      .strict()
      .optional(),
    ithrive: z.array(vocab(ITHRIVE_IDS, 'iThrive id')).min(1),
    source: sourceSchema,
  })
  .strict();

export const ageRangeSchema = z
  .object({
    /** Years; -1 means pre-birth (pregnancy). */
    min: z.number().int().min(-1).max(120),
    max: z.number().int().min(-1).max(120),
  })
  .strict()
  .refine((r) => r.min <= r.max, { message: 'min must not be greater than max' });

export const serviceSchema = z
  .object({
    id: slug,
    name: nonEmpty,
    description: nonEmpty,
    level: vocab(NEED_LEVEL_IDS, 'need level'),
    priorityGroups: z.array(vocab(PRIORITY_GROUP_IDS, 'priority group')),
    appliesTo: z.array(vocab(APPLIES_TO, 'appliesTo value')).min(1),
    ages: ageRangeSchema,
    access: vocab(ACCESS_ROUTES, 'access route'),
    /** Only contacts a public source gives. May be empty: then howToFind is required. */
    contacts: z.array(contactSchema),
    /** How to find the service when no contact is known, e.g. "Search Live Well B&NES for ...". */
    howToFind: nonEmpty.optional(),
    /** howToFind said to a young person, where howToFind speaks to a parent ("your child's school"). */
    howToFindYoungPeople: nonEmpty.optional(),
    /** The professions who are this service (health visitors are the health visiting service): a practitioner is not pointed to their own. */
    deliveredBy: z.array(vocab(PRACTITIONER_ROLES, 'practitioner role')).min(1).optional(),
    /** Shown in a conversation only when a worry says one of these (Report Remove: a picture being shared); a directory search lists it always. */
    onlyFor: z.array(vocab(TOPIC_SIGNALS, 'topic signal')).min(1).optional(),
    /**
     * The service that has taken this one's place (the strategy says 1 Big Database was replaced
     * by Live Well B&NES): kept for the record, never recommended or listed.
     */
    replacedBy: slug.optional(),
    source: sourceSchema,
  })
  .strict()
  .refine((s) => s.contacts.length > 0 || s.howToFind !== undefined, {
    message: 'a service with no contacts must say howToFind',
    path: ['howToFind'],
  });

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 08:30');
const openingSpan = z
  .object({ open: timeOfDay, close: timeOfDay })
  .strict()
  .refine((s) => s.open < s.close, { message: 'open must be before close' });

export const officeHoursSchema = z
  .object({
    id: slug,
    name: nonEmpty,
    timezone: z.literal('Europe/London'),
    /** Days not listed are closed. */
    weekly: z
      .object({
        mon: z.array(openingSpan).optional(),
        tue: z.array(openingSpan).optional(),
        wed: z.array(openingSpan).optional(),
        thu: z.array(openingSpan).optional(),
        fri: z.array(openingSpan).optional(),
        sat: z.array(openingSpan).optional(),
        sun: z.array(openingSpan).optional(),
      })
      .strict(),
    /** Public holidays on which the office is closed, from date-holidays (country GB, region ENG = England and Wales list). */
    closedOnBankHolidays: z.object({ country: z.literal('GB'), region: z.enum(['ENG', 'WLS', 'SCT', 'NIR']) }).strict(),
    source: sourceSchema,
    checked: isoDate,
  })
  .strict();

/**
 * What the bot gives for a route. Contacts are listed by id from contacts.json, in the
 * order the bot shows them: "always" first (999 where life is in danger), then the
 * office-hours or out-of-hours list depending on the instant.
 */
export const routeSchema = z
  .object({
    id: vocab(ROUTES, 'route'),
    /** Short calm lead-in the bot says before the contacts. */
    message: nonEmpty,
    always: z.array(slug),
    officeHours: z.array(slug).default([]),
    outOfHours: z.array(slug).default([]),
    /** Which office-hours entry decides between the two lists. */
    officeHoursId: slug.optional(),
    /**
     * When a young person is the one speaking (said so, or known from the conversation): the
     * lead-in said to them instead of `message`, and contacts put first, after 999 where the
     * route starts with it (added if the route's lists lack them).
     */
    youngPeople: z.object({ message: nonEmpty.optional(), first: z.array(slug).min(1) }).strict().optional(),
    /**
     * Lines reached without a call (email, online chat), offered after the reply to someone who
     * does not want to phone, beside the route's own text and online lines; not in the reply itself.
     */
    withoutACall: z.array(slug).default([]),
    /**
     * A page that says what happens after someone reports a worry on this route (the safeguarding
     * partnership's "reporting child abuse"), given with the answer to "what happens if I ring?"
     * or "will they take him away?" after the reply. The bot does not describe it in its own words.
     */
    whatHappens: slug.optional(),
  })
  .strict();

/** Contact ids for each kind of person, and for anyone else (`default`). */
const byAudienceSchema = z
  .object({
    default: z.array(slug).min(1),
    self: z.array(slug).min(1).optional(),
    'parent-carer': z.array(slug).min(1).optional(),
    'young-person': z.array(slug).min(1).optional(),
    practitioner: z.array(slug).min(1).optional(),
  })
  .strict();

/**
 * "Talk to someone": the lines that listen (free, open long hours), for each kind of person, and
 * the ones reached without a call for someone who asks to text. Chosen by a person reviewing the
 * pack, so no code guesses from a contact's description (a bullied 14-year-old asking to text had
 * been given a suicide line; adults had been given Childline).
 */
export const talkSchema = z.object({ listening: byAudienceSchema, byText: byAudienceSchema }).strict();

export const contactsFileSchema = z
  .object({
    contacts: z.array(contactSchema).min(1),
    routes: z.array(routeSchema),
    talk: talkSchema.optional(),
  })
  .strict();

export const sourceDocSchema = z
  .object({
    id: slug,
    title: nonEmpty,
    /** The seed file this was extracted from, or its public URL. */
    file: z.string().optional(),
    url: z.url().optional(),
  })
  .strict();

/** Named guidance a practitioner asks about: EHA, thresholds, consent, the portal, the panel. */
export const guidanceSchema = z
  .object({
    id: slug,
    title: nonEmpty,
    /**
     * What people call it when they ask ("eha", "threshold", "consent"): a question naming one
     * is answered with this guidance at once, at any point in the conversation. Lower case.
     */
    askedAbout: z.array(z.string().regex(/^[a-z0-9' ]+$/, "lower-case words (letters, digits, spaces and ')")).default([]),
    /** Professional wording, for practitioners. */
    body: nonEmpty,
    /** Optional plain version for residents. */
    plainBody: nonEmpty.optional(),
    /** Contact ids from contacts.json to show with it. */
    contacts: z.array(slug).default([]),
    source: sourceSchema,
  })
  .strict();

export const packMetaSchema = z
  .object({
    id: slug,
    /** Shown to people: "Bath and North East Somerset". */
    councilName: nonEmpty,
    shortName: nonEmpty,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.0.0'),
    updated: isoDate,
    /** Where to look when the bot has no contact for something. */
    directoryName: nonEmpty,
    directoryUrl: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * The council's own page on how it handles personal data and how to ask about yours, named on
     * the privacy page (the council runs the assistant; the bot never names a contact without a source).
     */
    privacyNotice: z.object({ url: z.url({ protocol: /^https$/ }), source: sourceSchema, checked: isoDate }).strict().optional(),
    /** Vocabulary and principles of this council's strategy, shown to practitioners. */
    principles: z.array(nonEmpty).default([]),
    sources: z.array(sourceDocSchema).min(1),
  })
  .strict();

/** Example phrases per group, to train the classifier; several files may add to them. */
export const examplesFileSchema = z.partialRecord(vocab(PRIORITY_GROUP_IDS, 'priority group'), z.array(nonEmpty));

export type Source = z.infer<typeof sourceSchema>;
export type ContactMethod = z.infer<typeof contactMethodSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type PriorityGroup = z.infer<typeof priorityGroupSchema>;
export type NeedLevel = z.infer<typeof needLevelSchema>;
export type AgeRange = z.infer<typeof ageRangeSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type OfficeHours = z.infer<typeof officeHoursSchema>;
export type RouteSpec = z.infer<typeof routeSchema>;
export type ContactsFile = z.infer<typeof contactsFileSchema>;
export type Talk = z.infer<typeof talkSchema>;
export type Guidance = z.infer<typeof guidanceSchema>;
export type PackMeta = z.infer<typeof packMetaSchema>;
export type ExamplesFile = z.infer<typeof examplesFileSchema>;

/** A loaded, cross-checked pack: what the rest of the bot reads. */
export interface KnowledgePack {
  meta: PackMeta;
  priorityGroups: Array<PriorityGroup & { examples: string[] }>;
  needLevels: NeedLevel[];
  services: Service[];
  contacts: Contact[];
  routes: RouteSpec[];
  /** "Talk to someone" lists, when the pack gives them. */
  talk?: Talk;
  officeHours: OfficeHours[];
  guidance: Guidance[];
}

export { RISK_ROUTES };
