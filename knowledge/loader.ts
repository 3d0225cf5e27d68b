import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NEED_LEVEL_IDS, PRIORITY_GROUP_IDS, RISK_ROUTES, ROUTES } from './vocabulary';
import {
  contactsFileSchema,
  examplesFileSchema,
  guidanceSchema,
  needLevelSchema,
  officeHoursSchema,
  packMetaSchema,
  priorityGroupSchema,
  seedSourceId,
  serviceSchema,
  type Contact,
  type ContactsFile,
  type ExamplesFile,
  type Guidance,
  type KnowledgePack,
  type NeedLevel,
  type OfficeHours,
  type PackMeta,
  type PriorityGroup,
  type Service,
} from './schema/pack';
import { findJsonError, positionOf } from './schema/jsonPosition';

// Loads one knowledge pack from knowledge/packs/<name>/ and refuses it whole if
// anything is wrong: the bot must not start on a pack where a phone number has a
// typo or a service points at a group that does not exist. Every problem found is
// reported at once, so whoever maintains the pack fixes them in one pass.

/** One problem in a pack: which file, where inside it, and what is wrong. */
export interface PackIssue {
  /** File name relative to the packs folder's pack, e.g. "services.json". */
  file: string;
  /** Path inside the file, e.g. "[12].contacts[0].method.value"; "" for the whole file. */
  path: string;
  message: string;
}

export class PackError extends Error {
  readonly pack: string;
  readonly issues: PackIssue[];

  constructor(pack: string, issues: PackIssue[]) {
    super(formatPackError(pack, issues));
    this.name = 'PackError';
    this.pack = pack;
    this.issues = issues;
  }
}

export function formatIssue(issue: PackIssue): string {
  const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
  return `${where}: ${issue.message}`;
}

function formatPackError(pack: string, issues: PackIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return `Knowledge pack "${pack}" cannot be used (${count}):\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`;
}

/** The files of a pack. "required" files must exist; the rest may be left out. */
export const PACK_FILES = {
  meta: 'pack.json',
  priorityGroups: 'priority-groups.json',
  needLevels: 'need-levels.json',
  services: 'services.json',
  contacts: 'contacts.json',
  officeHours: 'office-hours.json',
  guidance: 'guidance.json',
  examples: 'examples.json',
} as const;
const KNOWN_FILES: ReadonlySet<string> = new Set(Object.values(PACK_FILES));
/** Output of `knowledge:import-oruk` waiting for review; the loader leaves it alone. */
const STAGING_SUFFIX = '.imported.json';
export const SHARED_DIR = 'shared';
export const SHARED_EXAMPLES_FILE = 'priority-group-examples.json';

const PACK_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface LoadPackOptions {
  /** Folder holding one sub-folder per pack; defaults to knowledge/packs of this project. */
  packsDir?: string;
  /**
   * Shared example phrases merged into every pack. Defaults to
   * <packsDir>/shared/priority-group-examples.json when that file exists; false skips it.
   */
  sharedExamplesFile?: string | false;
}

/**
 * knowledge/packs of this project. Found by walking up from this module to the
 * folder with package.json, so the same code works from the TypeScript sources
 * (jest) and from the compiled copy in dist/knowledge (npm start): the JSON files
 * stay in one place and are never copied.
 */
export function defaultPacksDir(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'knowledge', 'packs'))) {
      return path.join(dir, 'knowledge', 'packs');
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find knowledge/packs above ${__dirname}`);
    }
    dir = parent;
  }
}

/** Names of the packs in packsDir (every folder except "shared"), sorted. */
export function listPacks(packsDir: string = defaultPacksDir()): string[] {
  return fs
    .readdirSync(packsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== SHARED_DIR && PACK_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Loads, validates and cross-checks one pack. Throws PackError listing every problem found. */
export function loadPack(name: string, options: LoadPackOptions = {}): KnowledgePack {
  if (typeof name !== 'string' || !PACK_NAME.test(name) || name === SHARED_DIR) {
    throw new PackError(String(name), [
      { file: '', path: '', message: 'a pack name must be lower-case letters, digits and hyphens, like "bathnes"' },
    ]);
  }
  const packsDir = options.packsDir ?? defaultPacksDir();
  const dir = path.join(packsDir, name);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const known = fs.existsSync(packsDir) ? listPacks(packsDir) : [];
    throw new PackError(name, [
      {
        file: '',
        path: '',
        message: `no pack folder ${dir}${known.length ? `; packs available: ${known.join(', ')}` : ''}`,
      },
    ]);
  }

  const reader = new PackReader(dir);
  for (const entry of fs.readdirSync(dir)) {
    if (entry.endsWith('.json') && !KNOWN_FILES.has(entry) && !entry.endsWith(STAGING_SUFFIX)) {
      reader.issue(entry, '', `is not a pack file; expected one of ${[...KNOWN_FILES].join(', ')}`);
    }
  }

  const meta = reader.file(PACK_FILES.meta, packMetaSchema);
  const priorityGroups = reader.file(PACK_FILES.priorityGroups, z.array(priorityGroupSchema));
  const needLevels = reader.file(PACK_FILES.needLevels, z.array(needLevelSchema));
  const services = reader.file(PACK_FILES.services, z.array(serviceSchema));
  const contactsFile = reader.file(PACK_FILES.contacts, contactsFileSchema);
  const officeHours = reader.file(PACK_FILES.officeHours, z.array(officeHoursSchema));
  const guidance = reader.file(PACK_FILES.guidance, z.array(guidanceSchema));
  const packExamples = reader.file(PACK_FILES.examples, examplesFileSchema, { optional: true, lenientKeys: true });

  const sharedFile =
    options.sharedExamplesFile === false
      ? undefined
      : (options.sharedExamplesFile ?? path.join(packsDir, SHARED_DIR, SHARED_EXAMPLES_FILE));
  let sharedExamples: ExamplesFile | undefined;
  if (sharedFile !== undefined && fs.existsSync(sharedFile)) {
    const label = path.relative(dir, sharedFile) || sharedFile;
    sharedExamples = reader.file(label, examplesFileSchema, { absolute: sharedFile, lenientKeys: true });
  }

  crossCheck(reader, name, { meta, priorityGroups, needLevels, services, contactsFile, officeHours, guidance });

  if (reader.issues.length > 0) {
    throw new PackError(name, reader.issues);
  }
  // Every file parsed (an issue would have been thrown above), so none is undefined here.
  return {
    meta: meta!,
    priorityGroups: priorityGroups!.map((g) => ({
      ...g,
      examples: mergeExamples(sharedExamples?.[g.id], packExamples?.[g.id]),
    })),
    needLevels: needLevels!,
    services: services!,
    contacts: contactsFile!.contacts,
    routes: contactsFile!.routes,
    ...(contactsFile!.talk ? { talk: contactsFile!.talk } : {}),
    officeHours: officeHours!,
    guidance: guidance!,
  };
}

/** Shared phrases first, then the pack's own; the same phrase (ignoring case and spacing) once. */
function mergeExamples(...lists: Array<string[] | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const phrase of list ?? []) {
      const text = phrase.trim().replace(/\s+/g, ' ');
      const key = text.toLowerCase();
      if (text && !seen.has(key)) {
        seen.add(key);
        out.push(text);
      }
    }
  }
  return out;
}

interface FileOptions {
  optional?: boolean;
  /** Read from this absolute path instead of <pack dir>/<file>. */
  absolute?: string;
  /** Keys starting with "$" or "_" (comments, $schema) are dropped before validation. */
  lenientKeys?: boolean;
}

class PackReader {
  readonly issues: PackIssue[] = [];

  constructor(private readonly dir: string) {}

  issue(file: string, where: string, message: string): void {
    this.issues.push({ file, path: where, message });
  }

  file<T extends z.ZodType>(file: string, schema: T, options: FileOptions = {}): z.output<T> | undefined {
    const full = options.absolute ?? path.join(this.dir, file);
    if (!fs.existsSync(full)) {
      if (!options.optional) this.issue(file, '', 'file is missing');
      return undefined;
    }
    let text: string;
    try {
      text = fs.readFileSync(full, 'utf8');
    } catch (e) {
      this.issue(file, '', `cannot be read: ${(e as Error).message}`);
      return undefined;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      const offset = findJsonError(text) ?? text.length;
      const at = positionOf(text, offset);
      const reason = (e as Error).message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
      this.issue(file, '', `is not valid JSON at line ${at.line}, column ${at.column}: ${reason}`);
      return undefined;
    }
    if (options.lenientKeys && data !== null && typeof data === 'object' && !Array.isArray(data)) {
      data = Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith('$') && !k.startsWith('_')));
    }
    const result = schema.safeParse(data, { reportInput: true });
    if (!result.success) {
      for (const zi of result.error.issues) {
        this.issue(file, formatPath(zi.path), describeZodIssue(zi));
      }
      return undefined;
    }
    return result.data;
  }
}

/**
 * One JSON data file outside a pack (the triage's rules), read and checked the way pack files
 * are: every problem as file, path and message. Keys starting with "$" or "_" are comments.
 */
export function readCheckedJson<T extends z.ZodType>(full: string, label: string, schema: T): { data?: z.output<T>; issues: PackIssue[] } {
  const reader = new PackReader(path.dirname(full));
  const data = reader.file(label, schema, { absolute: full, lenientKeys: true });
  return { data, issues: reader.issues };
}

/**
 * A project data file read and checked once, on first use, for every module that reads one
 * (the rules, slots, text speak, group cues, other languages): a broken file stops start-up
 * with every problem listed, and `npm run knowledge:check` lists them without starting anything.
 */
export function checkedOnce<R extends { issues: readonly PackIssue[] }, T>(what: string, read: () => R, pick: (read: R) => T | undefined): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) {
      const result = read();
      value = checkedOrThrow(what, pick(result), result.issues);
    }
    return value;
  };
}

/** What a checked data file gave, or an error listing every problem (stops start-up). */
export function checkedOrThrow<T>(what: string, value: T | undefined, issues: readonly PackIssue[]): T {
  if (value !== undefined && issues.length === 0) return value;
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  throw new Error(`${what} cannot be used (${count}):\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
}

/** ["services", 12, "contacts", 0] → "services[12].contacts[0]"; a top-level array reads "[12]...". */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

const FIELD_HINTS: Record<string, string> = {
  source: 'every fact needs a source: "seed:<source id>" or a public https:// address',
  checked: 'the date a person last checked it, like 2026-11-23',
  howToFind: 'say how to find the service when no contact is known',
};

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
  const hint = FIELD_HINTS[field];
  const absent = 'input' in issue && issue.input === undefined;
  if (absent && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return hint ? `is missing (${hint})` : issue.code === 'invalid_type' ? `is missing (expected ${issue.expected})` : 'is missing';
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${keys} (check the spelling)`;
  }
  if (issue.code === 'invalid_value' || issue.code === 'invalid_format' || issue.code === 'custom') {
    const input = (issue as { input?: unknown }).input;
    const shown = typeof input === 'string' && !issue.message.includes(JSON.stringify(input)) ? ` (found ${JSON.stringify(input)})` : '';
    return `${issue.message}${shown}`;
  }
  return issue.message;
}

interface Parsed {
  meta?: PackMeta;
  priorityGroups?: PriorityGroup[];
  needLevels?: NeedLevel[];
  services?: Service[];
  contactsFile?: ContactsFile;
  officeHours?: OfficeHours[];
  guidance?: Guidance[];
}

/** Checks that need more than one entry or file. Runs on whatever parsed, so one bad file hides nothing else. */
function crossCheck(reader: PackReader, name: string, p: Parsed): void {
  const F = PACK_FILES;

  if (p.meta) {
    if (p.meta.id !== name) {
      reader.issue(F.meta, 'id', `is "${p.meta.id}" but the folder is "${name}"; they must be the same`);
    }
    duplicates(reader, F.meta, p.meta.sources, 'sources');
  }

  if (p.priorityGroups) {
    duplicates(reader, F.priorityGroups, p.priorityGroups);
    missing(reader, F.priorityGroups, p.priorityGroups, PRIORITY_GROUP_IDS, 'priority group', 'all 21 priority groups must be present');
  }
  if (p.needLevels) {
    duplicates(reader, F.needLevels, p.needLevels);
    missing(reader, F.needLevels, p.needLevels, NEED_LEVEL_IDS, 'need level', 'all three levels of need must be present');
  }
  const hoursIds = p.officeHours ? new Set(p.officeHours.map((h) => h.id)) : undefined;
  if (p.officeHours) duplicates(reader, F.officeHours, p.officeHours);

  const checkHoursRef = (file: string, where: string, id: string | undefined) => {
    if (id !== undefined && hoursIds && !hoursIds.has(id)) {
      reader.issue(file, where, `officeHoursId "${id}" is not in ${F.officeHours}`);
    }
  };
  const checkContacts = (file: string, prefix: string, contacts: Contact[]) => {
    duplicates(reader, file, contacts, prefix);
    contacts.forEach((c, i) => checkHoursRef(file, `${prefix}[${i}].officeHoursId`, c.officeHoursId));
  };

  if (p.services) {
    duplicates(reader, F.services, p.services);
    p.services.forEach((s, i) => checkContacts(F.services, `[${i}].contacts`, s.contacts));
    const serviceIds = new Set(p.services.map((s) => s.id));
    p.services.forEach((s, i) => {
      if (s.replacedBy === undefined) return;
      if (!serviceIds.has(s.replacedBy)) reader.issue(F.services, `[${i}].replacedBy`, `service "${s.replacedBy}" is not in ${F.services}`);
      else if (p.services!.find((r) => r.id === s.replacedBy)?.replacedBy !== undefined) reader.issue(F.services, `[${i}].replacedBy`, `service "${s.replacedBy}" is itself replaced`);
    });
  }

  const contactIds = p.contactsFile ? new Set(p.contactsFile.contacts.map((c) => c.id)) : undefined;
  if (p.contactsFile) {
    const { contacts, routes } = p.contactsFile;
    checkContacts(F.contacts, 'contacts', contacts);
    duplicates(reader, F.contacts, routes, 'routes');
    missing(reader, F.contacts, routes, ROUTES, 'route', 'every route needs an entry', 'routes');
    const talk = p.contactsFile.talk;
    for (const kind of ['listening', 'byText'] as const) {
      for (const [audience, ids] of Object.entries(talk?.[kind] ?? {})) {
        (ids ?? []).forEach((id, j) => {
          if (!contactIds!.has(id)) reader.issue(F.contacts, `talk.${kind}.${audience}[${j}]`, `contact "${id}" is not in contacts`);
        });
      }
    }
    routes.forEach((r, i) => {
      const at = `routes[${i}]`;
      for (const list of ['always', 'officeHours', 'outOfHours', 'withoutACall'] as const) {
        r[list].forEach((id, j) => {
          if (!contactIds!.has(id)) reader.issue(F.contacts, `${at}.${list}[${j}]`, `contact "${id}" is not in contacts`);
        });
      }
      r.youngPeople?.first.forEach((id, j) => {
        if (!contactIds!.has(id)) reader.issue(F.contacts, `${at}.youngPeople.first[${j}]`, `contact "${id}" is not in contacts`);
      });
      if (r.whatHappens !== undefined && !contactIds!.has(r.whatHappens)) reader.issue(F.contacts, `${at}.whatHappens`, `contact "${r.whatHappens}" is not in contacts`);
      checkHoursRef(F.contacts, `${at}.officeHoursId`, r.officeHoursId);
      if (r.officeHoursId === undefined) {
        // Without office hours the bot always shows always + officeHours; anything only in outOfHours would be lost.
        const shown = new Set([...r.always, ...r.officeHours]);
        const lost = r.outOfHours.filter((id) => !shown.has(id));
        if (lost.length > 0) {
          reader.issue(
            F.contacts,
            `${at}.outOfHours`,
            `${lost.map((id) => `"${id}"`).join(', ')} would never be shown: add officeHoursId to say which office hours decide between the lists`,
          );
        }
      }
      if ((RISK_ROUTES as readonly string[]).includes(r.id)) {
        // Someone at risk must always be given somewhere to turn, in and out of hours.
        if (r.always.length + r.officeHours.length === 0) {
          reader.issue(F.contacts, at, `risk route "${r.id}" gives no contact during office hours`);
        }
        if (r.officeHoursId !== undefined && r.always.length + r.outOfHours.length === 0) {
          reader.issue(F.contacts, at, `risk route "${r.id}" gives no contact out of hours`);
        }
      }
    });
  }

  if (p.guidance) {
    duplicates(reader, F.guidance, p.guidance);
    p.guidance.forEach((g, i) =>
      g.contacts.forEach((id, j) => {
        if (contactIds && !contactIds.has(id)) {
          reader.issue(F.guidance, `[${i}].contacts[${j}]`, `contact "${id}" is not in ${F.contacts}`);
        }
      }),
    );
  }

  if (p.meta) {
    const declared = new Set(p.meta.sources.map((s) => s.id));
    const files: Array<[string, unknown]> = [
      [F.meta, p.meta],
      [F.priorityGroups, p.priorityGroups],
      [F.needLevels, p.needLevels],
      [F.services, p.services],
      [F.contacts, p.contactsFile],
      [F.officeHours, p.officeHours],
      [F.guidance, p.guidance],
    ];
    for (const [file, data] of files) {
      walkSources(data, [], (source, where) => {
        const id = seedSourceId(source);
        if (id !== undefined && !declared.has(id)) {
          reader.issue(file, formatPath(where), `source "${source}" refers to "${id}", which is not declared in ${F.meta} sources`);
        }
      });
    }
  }
}

function walkSources(value: unknown, where: PropertyKey[], visit: (source: string, where: PropertyKey[]) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkSources(v, [...where, i], visit));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' && typeof v === 'string') visit(v, [...where, k]);
      else walkSources(v, [...where, k], visit);
    }
  }
}

function duplicates(reader: PackReader, file: string, items: ReadonlyArray<{ id: string }>, prefix = ''): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) {
      first.set(item.id, i);
    } else {
      reader.issue(file, `${prefix}[${i}].id`, `duplicate id "${item.id}" (first used at ${prefix}[${seen}])`);
    }
  });
}

function missing(
  reader: PackReader,
  file: string,
  items: ReadonlyArray<{ id: string }>,
  required: readonly string[],
  what: string,
  why: string,
  where = '',
): void {
  const present = new Set(items.map((i) => i.id));
  const absent = required.filter((id) => !present.has(id));
  if (absent.length > 0) {
    reader.issue(file, where, `missing ${what}${absent.length > 1 ? 's' : ''} ${absent.map((a) => `"${a}"`).join(', ')}: ${why}`);
  }
}
