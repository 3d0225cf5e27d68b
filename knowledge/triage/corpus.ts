import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../paths';
import { PRIORITY_GROUP_IDS, RISK_ROUTES } from '../vocabulary';

// The triage corpus: labelled messages kept as data (one JSON object a line, one file per
// author brief), as Rasa's nlu.yml and nlp.js keep theirs. It is training data only; the
// evaluation sets in test/eval stay apart. `checkCorpus` is what knowledge:check runs.

/** "unknown": the author did not say (hold-out sets merged into training after their first run). */
export const VOICES = ['resident', 'parent', 'young-person', 'practitioner', 'older-person', 'unknown'] as const;
/** "answer": a reply to one of the bot's questions or a button label ("for me", "34", "carry on"), about no group. */
export const KINDS = ['risk', 'ordinary', 'hard-negative', 'answer'] as const;

export const CorpusLine = z
  .object({
    text: z.string().trim().min(1).max(2000),
    route: z.enum([...RISK_ROUTES, 'none']),
    alsoRoutes: z.array(z.enum(RISK_ROUTES)).max(3).optional(),
    groups: z.array(z.enum(PRIORITY_GROUP_IDS)).max(3),
    voice: z.enum(VOICES),
    kind: z.enum(KINDS),
  })
  .strict()
  .superRefine((line, ctx) => {
    if ((line.kind === 'risk') !== (line.route !== 'none')) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `kind "${line.kind}" does not agree with route "${line.route}"` });
    }
    if (line.alsoRoutes?.includes(line.route as never)) {
      ctx.addIssue({ code: 'custom', path: ['alsoRoutes'], message: 'repeats the route' });
    }
    if (new Set(line.groups).size !== line.groups.length) ctx.addIssue({ code: 'custom', path: ['groups'], message: 'lists a group twice' });
    // A risk message may leave its groups out (a merged hold-out did not label them): the group
    // model then does not learn from it. Everything else but an answer is about some group.
    if (line.kind === 'answer' && line.groups.length > 0) ctx.addIssue({ code: 'custom', path: ['groups'], message: 'an answer is about no group' });
    if ((line.kind === 'ordinary' || line.kind === 'hard-negative') && line.groups.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['groups'], message: 'needs at least one group' });
    }
  });
export type CorpusLine = z.infer<typeof CorpusLine>;

/** Who wrote a file, to which brief, and when: corpus/sources.json. */
export const CorpusSources = z.array(
  z.object({ file: z.string().regex(/^[a-z0-9-]+\.jsonl$/), brief: z.string().min(1), author: z.string().min(1), date: z.iso.date() }).strict(),
);
export type CorpusSource = z.infer<typeof CorpusSources>[number];

export interface CorpusItem extends CorpusLine {
  /** "file:line", for reports. */
  where: string;
  source: CorpusSource;
}

export interface CorpusIssue {
  where: string;
  message: string;
}

export const defaultCorpusDir = (): string => projectPath('knowledge', 'triage', 'corpus');

/** Reads every file sources.json lists; invalid lines become issues, never exceptions. */
export function readCorpus(dir: string = defaultCorpusDir()): { items: CorpusItem[]; issues: CorpusIssue[] } {
  const issues: CorpusIssue[] = [];
  const items: CorpusItem[] = [];
  let sources: CorpusSource[];
  try {
    sources = CorpusSources.parse(JSON.parse(fs.readFileSync(path.join(dir, 'sources.json'), 'utf8')));
  } catch (err) {
    return { items, issues: [{ where: 'sources.json', message: err instanceof Error ? err.message : String(err) }] };
  }
  const listed = new Set(sources.map((s) => s.file));
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    if (!listed.has(file)) issues.push({ where: file, message: 'is not listed in sources.json (who wrote it, to which brief, when?)' });
  }
  for (const source of sources) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, source.file), 'utf8');
    } catch {
      issues.push({ where: source.file, message: 'is listed in sources.json but missing' });
      continue;
    }
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      const where = `${source.file}:${i + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        issues.push({ where, message: 'is not valid JSON' });
        return;
      }
      const parsed = CorpusLine.safeParse(json);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) issues.push({ where, message: `${issue.path.join('.') || 'line'}: ${issue.message}` });
        return;
      }
      items.push({ ...parsed.data, where, source });
    });
  }
  return { items, issues };
}

/** Lower case, letters and digits only, single spaces: two lines that differ only in case or punctuation are the same line. */
export function canonical(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Word pairs of a line, the unit near-duplicate detection compares. */
function shingles(text: string): Set<string> {
  const words = canonical(text).split(' ');
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) out.add(i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : words[i]);
  return out;
}

/** Lines this similar (Jaccard of word pairs) count as one line written twice. */
export const NEAR_DUPLICATE = 0.7;

/** Exact and near duplicates across the whole corpus (and against `others`, e.g. the evaluation sets). */
export function duplicates(items: readonly Pick<CorpusItem, 'text' | 'where'>[], threshold = NEAR_DUPLICATE): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  const firstSeen = new Map<string, string>();
  const sets = items.map((item) => shingles(item.text));
  const index = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = canonical(item.text);
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      issues.push({ where: item.where, message: `repeats ${earlier}` });
      return;
    }
    firstSeen.set(key, item.where);
    // Candidates share at least one word pair; Jaccard decides.
    const counts = new Map<number, number>();
    for (const s of sets[i]) for (const j of index.get(s) ?? []) counts.set(j, (counts.get(j) ?? 0) + 1);
    for (const [j, shared] of counts) {
      const union = sets[i].size + sets[j].size - shared;
      if (sets[i].size >= 4 && shared / union >= threshold) {
        issues.push({ where: item.where, message: `is a near duplicate of ${items[j].where}` });
        break;
      }
    }
    for (const s of sets[i]) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  return issues;
}

export interface CorpusStats {
  total: number;
  byRoute: Record<string, number>;
  byKind: Record<string, number>;
  byGroup: Record<string, number>;
  byVoice: Record<string, number>;
}

export function corpusStats(items: readonly CorpusLine[]): CorpusStats {
  const count = (keys: string[], into: Record<string, number>) => keys.forEach((k) => (into[k] = (into[k] ?? 0) + 1));
  const stats: CorpusStats = { total: items.length, byRoute: {}, byKind: {}, byGroup: {}, byVoice: {} };
  for (const item of items) {
    count([item.route], stats.byRoute);
    count([item.kind], stats.byKind);
    count(item.groups, stats.byGroup);
    count([item.voice], stats.byVoice);
  }
  return stats;
}

/**
 * Everything knowledge:check says about the corpus: invalid lines and duplicates are errors,
 * and so is a line that copies (or nearly copies) one of `evaluation`'s texts, since training
 * on an evaluation message would make its numbers say nothing.
 */
export function checkCorpus(
  dir: string = defaultCorpusDir(),
  evaluation: readonly Pick<CorpusItem, 'text' | 'where'>[] = [],
): { issues: CorpusIssue[]; stats: CorpusStats } {
  const { items, issues } = readCorpus(dir);
  const own = duplicates(items);
  // Evaluation texts first, so a corpus line is reported as the copy.
  const crossed = duplicates([...evaluation, ...items]).filter((i) => !i.where.startsWith('test/') && !own.some((o) => o.where === i.where));
  const { overlaps, issues: overlapIssues } = readEvalOverlaps(dir);
  const textAt = new Map(items.map((item) => [item.where, canonical(item.text)]));
  const excused = new Set<string>();
  const unexcused = crossed.filter((i) => {
    const text = textAt.get(i.where);
    if (text === undefined || !overlaps.has(text)) return true;
    excused.add(text);
    return false;
  });
  // An entry nothing repeats any more must go, so the list never outgrows what it excuses.
  for (const [text, where] of overlaps) if (!excused.has(text)) overlapIssues.push({ where, message: 'no corpus line repeats an evaluation text with these words any more: remove the entry' });
  return {
    issues: [...issues, ...own, ...overlapIssues, ...unexcused.map((i) => ({ ...i, message: `${i.message} (an evaluation text)` }))],
    stats: corpusStats(items),
  };
}

const EVAL_OVERLAPS_FILE = 'eval-overlaps.json';

const evalOverlapsSchema = z.array(
  z.object({ text: z.string().trim().min(1), why: z.string().trim().min(10, 'say why the repeat is allowed'), found: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'the date it was found, like 2026-12-01') }).strict(),
);

/**
 * Short everyday messages that a corpus author and, later and independently, an evaluation set's
 * author both wrote word for word ("i want to die"), or nearly ("husband drinks too much", "my
 * husband drinks too much"); listed by the corpus line's words. Each is listed with why and when,
 * so the repeat is disclosed instead of either set being edited after the evaluation's first run.
 */
function readEvalOverlaps(dir: string): { overlaps: Map<string, string>; issues: CorpusIssue[] } {
  const file = path.join(dir, EVAL_OVERLAPS_FILE);
  const overlaps = new Map<string, string>();
  if (!fs.existsSync(file)) return { overlaps, issues: [] };
  const parsed = evalOverlapsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) return { overlaps, issues: parsed.error.issues.map((i) => ({ where: `${EVAL_OVERLAPS_FILE}:${i.path.join('.')}`, message: i.message })) };
  parsed.data.forEach((entry, i) => overlaps.set(canonical(entry.text), `${EVAL_OVERLAPS_FILE}:[${i}]`));
  return { overlaps, issues: [] };
}
