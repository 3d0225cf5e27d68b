import { UK_PHONE, contactSchema, serviceSchema, type Contact, type Service } from '../schema/pack';
import type { AppliesTo } from '../vocabulary';
import { matchGroups, matchLevel } from './groupMapping';
import { orukServiceSchema, type OrukPhone, type OrukSchedule, type OrukService } from './schema';

// Maps Open Referral UK services into our services.json entries. Only what the feed
// says goes in: a contact is kept only when the feed gives it and it passes the same
// checks as a hand-written one; anything guessed (level, ages) is flagged so a person
// reviews it before the services go live.

export interface ImportContext {
  /** Public https URL the data came from; every imported contact cites it. */
  source: string;
  /** The import date, YYYY-MM-DD: every imported contact is "checked" on it. */
  checked: string;
  /** The pack's directory name, for howToFind when a service has no usable contact. */
  directoryName: string;
  /** Ids already taken (services.json when merging); new ids never collide with them. */
  takenIds?: Iterable<string>;
}

export interface ImportedService {
  service: Service;
  /** The ORUK id it came from. */
  orukId: string;
  /** Things a person should check: defaults used, contacts dropped. */
  notes: string[];
}

export interface SkippedService {
  /** Position in the feed (0-based). */
  index: number;
  orukId?: string;
  name?: string;
  reason: string;
}

export interface ImportResult {
  imported: ImportedService[];
  skipped: SkippedService[];
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'service';
}

/** A UK number in the groups people dial, or undefined when it is not one we can check. */
export function normalisePhone(raw: string): string | undefined {
  let digits = raw.replace(/[^\d+]/g, '');
  // "+44 (0)1632 ..." is a common way to write a UK number: the (0) is not dialled after +44.
  if (digits.startsWith('+440')) digits = digits.slice(3);
  else if (digits.startsWith('+44')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0044')) digits = '0' + digits.slice(4);
  if (digits.startsWith('0') && digits.length === 11) {
    // 11-digit numbers grouped as people write them: 020 7946 0000, 0300 123 2224, 01632 960001.
    const formatted = digits.startsWith('02')
      ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
      : /^0[389]/.test(digits)
        ? `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
        : `${digits.slice(0, 5)} ${digits.slice(5)}`;
    return UK_PHONE.test(formatted) ? formatted : undefined;
  }
  // Short numbers only when they are the national ones; a 5-digit "phone" in a feed is a typo, not a text code.
  if (/^(?:999|111|112|101)$/.test(digits)) return digits;
  if (/^116\d{3}$/.test(digits)) return `116 ${digits.slice(3)}`;
  return undefined;
}

const DAY_NAMES: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/** Opening times in words from ORUK schedules, or undefined when they say nothing usable. */
export function describeSchedules(schedules: OrukSchedule[]): string | undefined {
  const parts: string[] = [];
  for (const s of schedules) {
    if (s.description && s.description.trim()) {
      parts.push(s.description.trim());
      continue;
    }
    const days = (s.byday ?? '')
      .split(',')
      .map((d) => DAY_NAMES[d.trim().toUpperCase().slice(-2)])
      .filter(Boolean);
    const time = (t: string | null | undefined) => (t ? t.slice(0, 5) : undefined);
    const open = time(s.opens_at);
    const close = time(s.closes_at);
    if (open && close) parts.push(`${days.length ? days.join(', ') + ' ' : ''}${open} to ${close}`.trim());
  }
  const text = [...new Set(parts)].join('; ');
  return text || undefined;
}

function termNames(s: OrukService): string[] {
  const terms = [
    ...(s.attributes ?? []).map((a) => a.taxonomy_term),
    ...(s.taxonomy_terms ?? []),
    ...(s.service_taxonomys ?? []).map((t) => t.taxonomy),
  ];
  const names: string[] = [];
  for (const t of terms) {
    if (!t) continue;
    for (const v of [t.name, t.term, t.code]) if (v && v.trim()) names.push(v.trim());
  }
  return names;
}

function ageRange(s: OrukService): { min: number; max: number } | undefined {
  const mins = [s.minimum_age, ...(s.eligibilitys ?? []).map((e) => e.minimum_age)].filter((n): n is number => typeof n === 'number');
  const maxs = [s.maximum_age, ...(s.eligibilitys ?? []).map((e) => e.maximum_age)].filter((n): n is number => typeof n === 'number');
  if (mins.length === 0 && maxs.length === 0) return undefined;
  const clamp = (n: number) => Math.max(-1, Math.min(120, n));
  const min = clamp(mins.length ? Math.min(...mins) : 0);
  const max = clamp(maxs.length ? Math.max(...maxs) : 120);
  return min <= max ? { min, max } : undefined;
}

function appliesTo(ages: { min: number; max: number }, text: string): AppliesTo[] {
  const out = new Set<AppliesTo>();
  if (ages.min < 11) out.add('children');
  if (ages.min <= 25 && ages.max >= 11) out.add('young-people');
  if (ages.max >= 18) out.add('adults');
  if (ages.max >= 65) out.add('older-people');
  if (out.has('children') || /\b(parents?|families|family|carers?)\b/i.test(text)) out.add('parents-carers');
  return [...out];
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Maps one already-parsed ORUK service. */
export function mapOrukService(s: OrukService, ctx: ImportContext, taken: Set<string>): ImportedService | { reason: string } {
  const status = s.status?.toLowerCase();
  if (status && status !== 'active') return { reason: `status is "${s.status}", not active` };

  const notes: string[] = [];
  const name = collapse(s.name);
  const orgName = s.organization?.name ? collapse(s.organization.name) : undefined;
  let description = s.description ? collapse(s.description) : '';
  if (orgName && orgName !== name && !description.includes(orgName)) {
    description = description ? `${description} Run by ${orgName}.` : `Run by ${orgName}.`;
  }
  if (!description) {
    description = name;
    notes.push('no description in the feed');
  }

  const terms = termNames(s);
  const searchText = `${name} ${s.description ?? ''}`;
  const groups = matchGroups(terms, searchText);
  if (groups.length === 0) notes.push('no priority group matched: add priorityGroups by hand or it will not be suggested');
  for (const g of groups.filter((m) => m.by === 'keyword')) notes.push(`priority group "${g.group}" guessed from the word "${g.phrase}"`);

  let level = matchLevel(terms);
  if (!level) {
    level = 'targeted';
    notes.push('level not in the feed: set to "targeted"; check it');
  }

  let ages = ageRange(s);
  if (!ages) {
    ages = { min: 0, max: 120 };
    notes.push('no ages in the feed: set to all ages; check it');
  }

  const baseId = uniqueId(slugify(name), taken);
  const contactIds = new Set<string>();
  const contactFor = collapse(
    s.eligibility_description ??
      (s.eligibilitys ?? []).map((e) => e.description ?? e.eligibility).find((t): t is string => !!t && !!t.trim()) ??
      (ages.min === 0 && ages.max === 120 ? `People using ${name}` : `People aged ${Math.max(0, ages.min)} to ${ages.max}`),
  );
  const schedules = [...(s.schedules ?? []), ...(s.service_at_locations ?? []).flatMap((l) => l.schedules ?? [])];
  const hours = describeSchedules(schedules) ?? 'Opening times not given: check with the service.';
  const contacts: Contact[] = [];
  const add = (suffix: string, contactName: string, method: Contact['method']) => {
    const candidate = {
      id: uniqueId(`${baseId}-${suffix}`, contactIds),
      name: contactName,
      method,
      hours,
      for: contactFor,
      source: ctx.source,
      checked: ctx.checked,
    };
    // Each contact passes the same schema a hand-written one does.
    const ok = contactSchema.safeParse(candidate);
    if (ok.success) contacts.push(ok.data);
    else notes.push(`${method.kind} "${method.value}" dropped: ${ok.error.issues[0]?.message ?? 'invalid'}`);
  };

  const phones: Array<{ phone: OrukPhone; label?: string }> = [
    ...(s.phones ?? []).map((phone) => ({ phone })),
    ...(s.contacts ?? []).flatMap((c) => (c.phones ?? []).map((phone) => ({ phone, label: c.title ?? undefined }))),
    ...(s.service_at_locations ?? []).flatMap((l) => [...(l.phones ?? []), ...(l.location?.phones ?? [])].map((phone) => ({ phone, label: l.location?.name ?? undefined }))),
  ];
  const seenNumbers = new Set<string>();
  for (const { phone, label } of phones) {
    const value = normalisePhone(phone.number);
    if (!value) {
      notes.push(`phone "${phone.number}" dropped: not a UK number in a shape we can check`);
      continue;
    }
    if (seenNumbers.has(value)) continue;
    seenNumbers.add(value);
    const what = collapse(phone.description ?? label ?? '');
    add('phone', what ? `${name}: ${what}` : name, { kind: 'phone', value });
  }
  const website = s.url ?? s.organization?.website ?? s.organization?.url ?? undefined;
  if (website) add('web', `${name} website`, { kind: 'url', value: website.trim() });
  const emails = new Set([s.email, ...(s.contacts ?? []).map((c) => c.email)].filter((e): e is string => !!e && !!e.trim()).map((e) => e.trim()));
  for (const email of emails) add('email', `${name} by email`, { kind: 'email', value: email });

  const candidate: Record<string, unknown> = {
    id: baseId,
    name,
    description,
    level,
    priorityGroups: groups.map((g) => g.group),
    appliesTo: appliesTo(ages, searchText),
    ages,
    // The feed rarely says how people get in; "both" claims nothing either way.
    access: 'both',
    contacts,
    source: ctx.source,
  };
  if (contacts.length === 0) {
    candidate.howToFind = `Search ${ctx.directoryName} for "${name}".`;
    notes.push('no usable contact in the feed: howToFind points to the directory');
  }
  const parsed = serviceSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `does not fit services.json: ${issue.path.join('.')}: ${issue.message}` };
  }
  return { service: parsed.data, orukId: s.id, notes };
}

/** Maps every service in an ORUK answer (a page object or an array); never throws on one bad service. */
export function importOrukServices(items: unknown[], ctx: ImportContext): ImportResult {
  const taken = new Set<string>(ctx.takenIds ?? []);
  const result: ImportResult = { imported: [], skipped: [] };
  items.forEach((item, index) => {
    const rawName = item && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
    const rawId = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    const label = {
      index,
      orukId: typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined,
      name: typeof rawName === 'string' ? rawName : undefined,
    };
    const parsed = orukServiceSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length ? issue.path.join('.') : 'service';
      const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
      result.skipped.push({ ...label, reason: missing ? `${where} is missing` : `${where}: ${issue.message}` });
      return;
    }
    const mapped = mapOrukService(parsed.data, ctx, taken);
    if ('reason' in mapped) result.skipped.push({ ...label, reason: mapped.reason });
    else result.imported.push(mapped);
  });
  return result;
}

