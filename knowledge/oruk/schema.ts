import { z } from 'zod';

// The parts of an Open Referral UK (HSDS 3.0 UK profile) `/services` answer that the
// import reads. Publishers differ in which optional parts they send, and older ORUK
// feeds use other names for the same thing (service_taxonomys, eligibilitys), so
// everything except id and name is optional and unknown fields are kept, not refused.

const text = z.string().trim().min(1);
const optText = z.string().nullish();
const age = z.number().int().nullish();

export const orukPhoneSchema = z.looseObject({
  number: text,
  extension: z.union([z.string(), z.number()]).nullish(),
  type: optText,
  description: optText,
});

export const orukTaxonomyTermSchema = z.looseObject({
  id: optText,
  code: optText,
  name: optText,
  description: optText,
  vocabulary: optText,
  /** HSDS 3 calls it "term" in some examples. */
  term: optText,
});

export const orukScheduleSchema = z.looseObject({
  description: optText,
  opens_at: optText,
  closes_at: optText,
  byday: optText,
  freq: optText,
});

export const orukContactSchema = z.looseObject({
  name: optText,
  title: optText,
  email: optText,
  phones: z.array(orukPhoneSchema).nullish(),
});

export const orukServiceSchema = z.looseObject({
  id: z.union([text, z.number()]).transform(String),
  name: text,
  description: optText,
  url: optText,
  email: optText,
  status: optText,
  minimum_age: age,
  maximum_age: age,
  eligibility_description: optText,
  organization: z
    .looseObject({ name: optText, website: optText, email: optText, url: optText })
    .nullish(),
  phones: z.array(orukPhoneSchema).nullish(),
  contacts: z.array(orukContactSchema).nullish(),
  schedules: z.array(orukScheduleSchema).nullish(),
  service_at_locations: z
    .array(
      z.looseObject({
        schedules: z.array(orukScheduleSchema).nullish(),
        phones: z.array(orukPhoneSchema).nullish(),
        location: z.looseObject({ name: optText, phones: z.array(orukPhoneSchema).nullish() }).nullish(),
      }),
    )
    .nullish(),
  /** HSDS 3: attributes link a service to taxonomy terms. */
  attributes: z.array(z.looseObject({ taxonomy_term: orukTaxonomyTermSchema.nullish(), value: optText })).nullish(),
  taxonomy_terms: z.array(orukTaxonomyTermSchema).nullish(),
  /** ORUK v1 name for the same link. */
  service_taxonomys: z.array(z.looseObject({ taxonomy: orukTaxonomyTermSchema.nullish() })).nullish(),
  /** ORUK v1 eligibility with ages. */
  eligibilitys: z
    .array(z.looseObject({ eligibility: optText, description: optText, minimum_age: age, maximum_age: age }))
    .nullish(),
});

export type OrukPhone = z.infer<typeof orukPhoneSchema>;
export type OrukTaxonomyTerm = z.infer<typeof orukTaxonomyTermSchema>;
export type OrukSchedule = z.infer<typeof orukScheduleSchema>;
export type OrukService = z.infer<typeof orukServiceSchema>;

/** The list endpoint: a page `{ total_items, total_pages, page_number, contents: [...] }`, or a plain array. */
export interface OrukPage {
  items: unknown[];
  pageNumber?: number;
  totalPages?: number;
  /** A source URL the file itself declares (top-level "source" or "$source"), if any. */
  declaredSource?: string;
}

export function readOrukPage(data: unknown): OrukPage {
  if (Array.isArray(data)) return { items: data };
  if (data !== null && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    const contents = o.contents ?? o.content ?? o.items;
    if (Array.isArray(contents)) {
      const declared = typeof o.source === 'string' ? o.source : typeof o.$source === 'string' ? o.$source : undefined;
      return {
        items: contents,
        pageNumber: typeof o.page_number === 'number' ? o.page_number : undefined,
        totalPages: typeof o.total_pages === 'number' ? o.total_pages : undefined,
        declaredSource: declared,
      };
    }
    if (typeof o.id !== 'undefined' && typeof o.name === 'string') return { items: [data] };
  }
  throw new Error('not an Open Referral UK services list: expected an array of services or an object with "contents"');
}
