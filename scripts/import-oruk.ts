import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { PackError, defaultPacksDir, formatIssue, loadPack } from '../knowledge/loader';
import { importOrukServices, readOrukPage, type ImportResult } from '../knowledge/oruk';
import { serviceSchema, sourceSchema, type Service } from '../knowledge/schema/pack';

// `npm run knowledge:import-oruk -- <file-or-url> --pack <name>`: reads an Open
// Referral UK /services answer and writes services.imported.json for a person to
// review (or, with --merge, adds the new services to services.json). Nothing is
// written unless the whole result is valid: a file is never left half written.

export interface ImportOptions {
  input: string;
  pack: string;
  packsDir: string;
  out?: string;
  merge: boolean;
  dryRun: boolean;
  json: boolean;
  source?: string;
  date: string;
  timeoutMs: number;
  maxPages: number;
}

const USAGE = `Usage: knowledge:import-oruk -- <file-or-url> --pack <name> [options]
  <file-or-url>      an ORUK v3 /services answer: a JSON file, or an http(s) URL (pages are followed)
  --pack <name>      the pack the services are for (e.g. bathnes)
  --out <file>       where to write (default: knowledge/packs/<name>/services.imported.json)
  --merge            add the new services to the pack's services.json instead
  --dry-run          map and report, write nothing
  --source <url>     public https URL to cite as the source (default: the URL read, or the file's "source")
  --date <YYYY-MM-DD> the "checked" date for imported contacts (default: today)
  --packs-dir <dir>  folder holding the packs (default: knowledge/packs)
  --timeout-ms <n>   time limit per HTTP request (default 20000)
  --max-pages <n>    most pages to follow (default 50)
  --json             print the report as JSON`;

export class UsageError extends Error {}

export function parseArgs(argv: string[], today: Date = new Date()): ImportOptions {
  const opts: Partial<ImportOptions> & { merge: boolean; dryRun: boolean; json: boolean } = {
    merge: false,
    dryRun: false,
    json: false,
  };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--pack':
        opts.pack = value(i++, a);
        break;
      case '--out':
        opts.out = path.resolve(value(i++, a));
        break;
      case '--packs-dir':
        opts.packsDir = path.resolve(value(i++, a));
        break;
      case '--source':
        opts.source = value(i++, a);
        break;
      case '--date':
        opts.date = value(i++, a);
        break;
      case '--timeout-ms':
        opts.timeoutMs = Number(value(i++, a));
        break;
      case '--max-pages':
        opts.maxPages = Number(value(i++, a));
        break;
      case '--merge':
        opts.merge = true;
        break;
      case '--dry-run':
        opts.dryRun = true;
        break;
      case '--json':
        opts.json = true;
        break;
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        if (opts.input !== undefined) throw new UsageError(`only one input, got ${opts.input} and ${a}`);
        opts.input = a;
    }
  }
  if (!opts.input) throw new UsageError('give a file or URL to import');
  if (!opts.pack) throw new UsageError('--pack <name> is required');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(opts.pack)) throw new UsageError('--pack must be a pack name like "bathnes"');
  if (opts.merge && opts.out) throw new UsageError('use either --merge or --out, not both');
  const date = opts.date ?? today.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must look like 2026-11-23');
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxPages = opts.maxPages ?? 50;
  if (!(timeoutMs > 0) || !(maxPages > 0)) throw new UsageError('--timeout-ms and --max-pages must be positive numbers');
  return {
    input: opts.input,
    pack: opts.pack,
    packsDir: opts.packsDir ?? defaultPacksDir(),
    out: opts.out,
    merge: opts.merge,
    dryRun: opts.dryRun,
    json: opts.json,
    source: opts.source,
    date,
    timeoutMs,
    maxPages,
  };
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const err = e as Error;
    const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause as Error | undefined)?.message ?? err.message;
    throw new Error(`could not fetch ${url}: ${why}`);
  }
  const body = await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`.trim());
  try {
    return JSON.parse(body);
  } catch {
    const type = res.headers.get('content-type') ?? 'unknown type';
    throw new Error(`${url} did not answer with JSON (content-type ${type})`);
  }
}

/** Every service on every page of an ORUK /services URL, following page_number/total_pages. */
export async function fetchOrukServices(url: string, timeoutMs: number, maxPages: number): Promise<unknown[]> {
  const items: unknown[] = [];
  let next: string | undefined = url;
  for (let pages = 0; next !== undefined; pages++) {
    if (pages >= maxPages) throw new Error(`stopped after ${maxPages} pages; raise --max-pages to read more`);
    const page = readOrukPage(await getJson(next, timeoutMs));
    items.push(...page.items);
    next = undefined;
    if (page.totalPages !== undefined && page.pageNumber !== undefined && page.pageNumber < page.totalPages && page.items.length > 0) {
      const u = new URL(url);
      u.searchParams.set('page', String(page.pageNumber + 1));
      next = u.toString();
    }
  }
  return items;
}

function readFileJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Writes via a temporary file and a rename, so readers see the old file or the new one, never half. */
function writeAtomically(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

function readDirectoryName(packDir: string): string {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(packDir, 'pack.json'), 'utf8')) as { directoryName?: unknown };
    if (typeof meta.directoryName === 'string' && meta.directoryName.trim()) return meta.directoryName.trim();
  } catch {
    // Fall through: the import still works, and the loader reports a broken pack.json on its own.
  }
  return 'the council directory';
}

export interface RunReport {
  input: string;
  source: string;
  written?: string;
  dryRun: boolean;
  imported: Array<{ id: string; name: string; orukId: string; notes: string[] }>;
  skipped: ImportResult['skipped'];
}

export async function runImport(opts: ImportOptions): Promise<RunReport> {
  const packDir = path.join(opts.packsDir, opts.pack);
  if (!fs.existsSync(path.join(packDir, 'pack.json'))) throw new Error(`no pack "${opts.pack}" in ${opts.packsDir}`);

  let items: unknown[];
  let source = opts.source;
  if (isUrl(opts.input)) {
    items = await fetchOrukServices(opts.input, opts.timeoutMs, opts.maxPages);
    source ??= opts.input;
  } else {
    const page = readOrukPage(readFileJson(path.resolve(opts.input)));
    items = page.items;
    source ??= page.declaredSource;
    if (!source) throw new Error('a file needs --source <https URL> (or a top-level "source") saying where the data was published');
  }
  if (!sourceSchema.safeParse(source).success || source.startsWith('seed:')) {
    throw new Error(`source "${source}" must be a public https:// URL; give one with --source`);
  }

  const servicesFile = path.join(packDir, 'services.json');
  let existing: Service[] = [];
  if (opts.merge) {
    const parsed = z.array(serviceSchema).safeParse(readFileJson(servicesFile));
    if (!parsed.success) throw new Error(`${servicesFile} is not valid; fix it (npm run knowledge:check) before merging`);
    existing = parsed.data;
  }

  const result = importOrukServices(items, {
    source,
    checked: opts.date,
    directoryName: readDirectoryName(packDir),
    takenIds: existing.map((s) => s.id),
  });
  const report: RunReport = {
    input: opts.input,
    source,
    dryRun: opts.dryRun,
    imported: result.imported.map((i) => ({ id: i.service.id, name: i.service.name, orukId: i.orukId, notes: i.notes })),
    skipped: result.skipped,
  };
  if (result.imported.length === 0) throw Object.assign(new Error('no services could be imported; nothing written'), { report });
  if (opts.dryRun) return report;

  const services = result.imported.map((i) => i.service);
  if (opts.merge) {
    const merged = [...existing, ...services];
    // The merged pack must still load as a whole before services.json is replaced.
    const trial = fs.mkdtempSync(path.join(os.tmpdir(), 'oruk-merge-'));
    try {
      fs.cpSync(packDir, path.join(trial, opts.pack), { recursive: true });
      fs.writeFileSync(path.join(trial, opts.pack, 'services.json'), JSON.stringify(merged, null, 2));
      loadPack(opts.pack, { packsDir: trial, sharedExamplesFile: false });
    } catch (e) {
      if (e instanceof PackError) throw new Error(`the merged pack would not load, so services.json is unchanged:\n${e.issues.map((i) => '  ' + formatIssue(i)).join('\n')}`);
      throw e;
    } finally {
      fs.rmSync(trial, { recursive: true, force: true });
    }
    writeAtomically(servicesFile, merged);
    report.written = servicesFile;
  } else {
    const out = opts.out ?? path.join(packDir, 'services.imported.json');
    const check = z.array(serviceSchema).safeParse(services);
    if (!check.success) throw new Error(`internal: imported services failed validation: ${check.error.message}`);
    writeAtomically(out, services);
    report.written = out;
  }
  return report;
}

export function formatRunReport(r: RunReport): string {
  const lines = [`Read ${r.imported.length + r.skipped.length} service(s) from ${r.input} (source cited: ${r.source}).`];
  lines.push(`Imported ${r.imported.length}, skipped ${r.skipped.length}.`);
  for (const i of r.imported) {
    lines.push(`  + ${i.id} (${i.name})`);
    for (const n of i.notes) lines.push(`      check: ${n}`);
  }
  for (const s of r.skipped) {
    lines.push(`  - #${s.index}${s.orukId ? ` id ${s.orukId}` : ''}${s.name ? ` "${s.name}"` : ''}: ${s.reason}`);
  }
  lines.push(r.dryRun ? 'Dry run: nothing written.' : `Written: ${r.written}`);
  return lines.join('\n');
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** Returns the exit code: 0 written (or dry run), 1 nothing written, 2 bad usage. */
export async function main(argv: string[], io: Io = defaultIo, today: Date = new Date()): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  let opts: ImportOptions;
  try {
    opts = parseArgs(argv, today);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  try {
    const report = await runImport(opts);
    io.out(opts.json ? JSON.stringify(report, null, 2) : formatRunReport(report));
    return 0;
  } catch (e) {
    const report = (e as { report?: RunReport }).report;
    if (report) io.out(opts.json ? JSON.stringify(report, null, 2) : formatRunReport({ ...report, dryRun: true }));
    io.err(`Import failed: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
