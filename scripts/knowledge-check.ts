import fs from 'node:fs';
import path from 'node:path';
import { PackError, defaultPacksDir, formatIssue, listPacks, loadPack, type PackIssue } from '../knowledge/loader';
import type { Contact, KnowledgePack } from '../knowledge/schema/pack';
import { projectPath } from '../knowledge/paths';
import { checkCorpus, type CorpusStats } from '../knowledge/triage/corpus';
import { defaultRiskRulesPath, readRiskRules } from '../knowledge/triage/riskRules';
import { defaultSlotsPath, readRiskSlots } from '../knowledge/triage/riskSlots';
import { defaultTextSpeakPath, readTextSpeak } from '../knowledge/triage/textSpeak';
import { defaultGroupCuesPath, readGroupCues } from '../knowledge/triage/groupCues';
import { lintGroupCues, lintRiskRules, lintSlots, type RuleFinding } from '../knowledge/triage/riskRulesLint';
import { PRIORITY_GROUP_IDS, RISK_ROUTES } from '../knowledge/vocabulary';
import { defaultOtherLanguagesPath, readOtherLanguages } from '../knowledge/language/otherLanguages';

// `npm run knowledge:check`: validates every pack under knowledge/packs and lists
// what council staff should look at. Errors (the pack would not load) fail the
// check; warnings (a stale date, a group no service serves) are for the next review.

export interface Finding {
  pack: string;
  level: 'error' | 'warning';
  /** "file: path: message", as the loader words it. */
  message: string;
}

export interface CheckOptions {
  packsDir?: string;
  /** "Today" for staleness; injectable so tests do not depend on the calendar. */
  today?: Date;
  /** A contact older than this many months is stale. */
  staleMonths?: number;
  /** Fewer example phrases than this for a group is a warning. */
  minExamples?: number;
  /** A pack where a smaller share of services has a direct contact gets a warning (0 to 1). */
  minDirectShare?: number;
}

/** How many of a pack's services a person can reach directly: a phone or text number, a web address or an email. */
export interface ContactCoverage {
  services: number;
  /** Services with at least one contact (every contact is a phone, text, url or email, with its source). */
  withDirectContact: number;
  /** withDirectContact / services, 0 when there are no services. */
  share: number;
  /** Ids of the services that only say how to find them (howToFind). */
  howToFindOnly: string[];
}

export interface CheckReport {
  /** coverage is only there for a pack that loaded. */
  packs: Array<{ name: string; loaded: boolean; errors: number; warnings: number; coverage?: ContactCoverage }>;
  findings: Finding[];
}

const DEFAULTS = { staleMonths: 12, minExamples: 10, minDirectShare: 0.8 };

/**
 * The share of services with a direct contact. Every contact the schema accepts is a way to reach
 * the service itself (phone, text, url or email) and carries its source and checked date, so a
 * service counts when it has any contact; one with only howToFind does not.
 */
export function contactCoverage(pack: KnowledgePack): ContactCoverage {
  // A replaced service is never shown, so it does not count either way.
  const shown = pack.services.filter((s) => s.replacedBy === undefined);
  const howToFindOnly = shown.filter((s) => s.contacts.length === 0).map((s) => s.id);
  const services = shown.length;
  const withDirectContact = services - howToFindOnly.length;
  return { services, withDirectContact, share: services === 0 ? 0 : withDirectContact / services, howToFindOnly };
}

/** "52 of 65 services (80%)": the percentage rounded down, so 79.9% never reads as 80%. */
export function formatShare(c: ContactCoverage): string {
  return `${c.withDirectContact} of ${c.services} services (${Math.floor(c.share * 100)}%)`;
}

function monthsBefore(date: Date, months: number): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, date.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** Warnings about a pack that loads. */
export function reviewPack(pack: KnowledgePack, options: CheckOptions = {}): Finding[] {
  const today = options.today ?? new Date();
  const staleMonths = options.staleMonths ?? DEFAULTS.staleMonths;
  const minExamples = options.minExamples ?? DEFAULTS.minExamples;
  const minDirectShare = options.minDirectShare ?? DEFAULTS.minDirectShare;
  const cutoff = monthsBefore(today, staleMonths);
  const todayIso = today.toISOString().slice(0, 10);
  const out: Finding[] = [];
  const warn = (message: string) => out.push({ pack: pack.meta.id, level: 'warning', message });

  const dated = (file: string, where: string, what: string, checked: string) => {
    if (checked < cutoff) warn(`${file}: ${where}: ${what} was last checked on ${checked}, more than ${staleMonths} months ago; check it again`);
    if (checked > todayIso) warn(`${file}: ${where}: ${what} has a checked date in the future (${checked})`);
  };
  const contactDates = (file: string, prefix: string, contacts: Contact[]) =>
    contacts.forEach((c, i) => dated(file, `${prefix}[${i}].checked`, `contact "${c.id}"`, c.checked));

  contactDates('contacts.json', 'contacts', pack.contacts);
  pack.services.forEach((s, i) => contactDates('services.json', `[${i}].contacts`, s.contacts));
  pack.officeHours.forEach((h, i) => dated('office-hours.json', `[${i}].checked`, `office hours "${h.id}"`, h.checked));

  for (const group of pack.priorityGroups) {
    if (!pack.services.some((s) => s.priorityGroups.includes(group.id))) {
      warn(`services.json: no service serves priority group "${group.id}"`);
    }
    if (group.examples.length < minExamples) {
      warn(`examples: priority group "${group.id}" has ${group.examples.length} example phrases; at least ${minExamples} help the classifier`);
    }
  }
  // A contact is used when a route gives it (at any hour, first for young people, or to someone
  // who cannot make a call) or a guidance piece names it.
  const used = new Set([
    ...pack.routes.flatMap((r) => [...r.always, ...r.officeHours, ...r.outOfHours, ...(r.youngPeople?.first ?? []), ...r.withoutACall]),
    ...pack.guidance.flatMap((g) => g.contacts),
    ...Object.values(pack.talk?.listening ?? {}).flat(),
    ...Object.values(pack.talk?.byText ?? {}).flat(),
  ]);
  pack.contacts.forEach((c, i) => {
    if (!used.has(c.id)) warn(`contacts.json: contacts[${i}]: contact "${c.id}" is not used by any route or guidance`);
  });
  const coverage = contactCoverage(pack);
  if (coverage.services > 0 && coverage.share < minDirectShare) {
    warn(
      `services.json: ${formatShare(coverage)} have a direct contact (phone, web address or email); aim for ${Math.round(minDirectShare * 100)}%: add contacts from public pages, each with its source and checked date`,
    );
  }
  return out;
}

/** Loads and reviews every pack in packsDir. */
export function checkPacks(options: CheckOptions = {}): CheckReport {
  const packsDir = options.packsDir ?? defaultPacksDir();
  const report: CheckReport = { packs: [], findings: [] };
  for (const name of listPacks(packsDir)) {
    let findings: Finding[];
    let loaded = false;
    let coverage: ContactCoverage | undefined;
    try {
      const pack = loadPack(name, { packsDir });
      loaded = true;
      coverage = contactCoverage(pack);
      findings = reviewPack(pack, options);
    } catch (e) {
      if (!(e instanceof PackError)) throw e;
      findings = e.issues.map((issue) => ({ pack: name, level: 'error' as const, message: formatIssue(issue) }));
    }
    report.findings.push(...findings);
    report.packs.push({
      name,
      loaded,
      errors: findings.filter((f) => f.level === 'error').length,
      warnings: findings.filter((f) => f.level === 'warning').length,
      ...(coverage ? { coverage } : {}),
    });
  }
  return report;
}

export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const p of report.packs) {
    lines.push(`${p.loaded ? 'OK  ' : 'FAIL'} ${p.name}: ${p.errors} error(s), ${p.warnings} warning(s)`);
    if (p.coverage) {
      lines.push(`  contacts ${formatShare(p.coverage)} have a direct contact (phone, web address or email)`);
      if (p.coverage.howToFindOnly.length > 0) lines.push(`  note    only how to find them: ${p.coverage.howToFindOnly.join(', ')}`);
    }
    for (const f of report.findings.filter((x) => x.pack === p.name)) {
      lines.push(`  ${f.level === 'error' ? 'error  ' : 'warning'} ${f.message}`);
    }
  }
  if (report.packs.length === 0) lines.push('No packs found.');
  return lines.join('\n');
}

/** What the corpus must hold at least (issue: a corpus large and varied enough to learn from). */
export const CORPUS_MINIMUMS = { risk: 4000, perRoute: 500, noRisk: 4000, hardNegative: 1000 };

export interface CorpusFindings {
  errors: string[];
  stats: CorpusStats;
}

/** The evaluation sets' texts the corpus must stay apart from, each with where it is. */
export function evaluationTexts(evalDir = projectPath('test', 'eval')): Array<{ text: string; where: string }> {
  const evaluation: Array<{ text: string; where: string }> = [];
  if (fs.existsSync(evalDir)) {
    for (const file of fs.readdirSync(evalDir).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(fs.readFileSync(path.join(evalDir, file), 'utf8')) as Record<string, Array<{ text: string }>>;
      for (const key of ['items', 'risk', 'worries']) {
        (data[key] ?? []).forEach((item, i) => evaluation.push({ text: item.text, where: `test/eval/${file}:${key}[${i}]` }));
      }
      // Multi-turn sets: every message of four words or more ("yes", "13" or "thanks" are
      // everybody's words, not a copy of the set).
      const scenarios = (data as unknown as { scenarios?: Array<{ turns: string[] }> }).scenarios ?? [];
      scenarios.forEach((scenario, i) =>
        scenario.turns.forEach((text, t) => {
          if (text.trim().split(/\s+/).length >= 4) evaluation.push({ text, where: `test/eval/${file}:scenarios[${i}].turns[${t}]` });
        }),
      );
    }
  }
  return evaluation;
}

/** Reads the triage corpus and the evaluation sets it must stay apart from. */
export function corpusFindings(corpusDir?: string, evalDir = projectPath('test', 'eval')): CorpusFindings {
  const { issues, stats } = checkCorpus(corpusDir, evaluationTexts(evalDir));
  const errors = issues.map((i) => `${i.where}: ${i.message}`);
  const risk = stats.total - (stats.byRoute.none ?? 0);
  if (risk < CORPUS_MINIMUMS.risk) errors.push(`corpus: ${risk} risk lines; at least ${CORPUS_MINIMUMS.risk} are needed`);
  for (const route of RISK_ROUTES) {
    const n = stats.byRoute[route] ?? 0;
    if (n < CORPUS_MINIMUMS.perRoute) errors.push(`corpus: ${n} lines for route ${route}; at least ${CORPUS_MINIMUMS.perRoute} are needed`);
  }
  // Answers to the bot's questions ("for me", "34") are not worries: they do not count here.
  const worries = (stats.byKind.ordinary ?? 0) + (stats.byKind['hard-negative'] ?? 0);
  if (worries < CORPUS_MINIMUMS.noRisk) errors.push(`corpus: ${worries} worries with no risk; at least ${CORPUS_MINIMUMS.noRisk} are needed`);
  if ((stats.byKind['hard-negative'] ?? 0) < CORPUS_MINIMUMS.hardNegative) {
    errors.push(`corpus: ${stats.byKind['hard-negative'] ?? 0} hard negatives; at least ${CORPUS_MINIMUMS.hardNegative} are needed`);
  }
  for (const group of PRIORITY_GROUP_IDS) if (!stats.byGroup[group]) errors.push(`corpus: no line for priority group ${group}`);
  return { errors, stats };
}

export function formatCorpus(findings: CorpusFindings): string {
  const { stats } = findings;
  const routes = Object.entries(stats.byRoute).map(([r, n]) => `${r} ${n}`).join(', ');
  const lines = [`${findings.errors.length === 0 ? 'OK  ' : 'FAIL'} triage corpus: ${stats.total} lines (${routes}; ${stats.byKind['hard-negative'] ?? 0} hard negatives), ${findings.errors.length} error(s)`];
  for (const e of findings.errors.slice(0, 50)) lines.push(`  error   ${e}`);
  if (findings.errors.length > 50) lines.push(`  ... and ${findings.errors.length - 50} more`);
  return lines.join('\n');
}

export interface RulesFindings {
  file: string;
  findings: RuleFinding[];
  rules: number;
  examples: number;
  nearMisses: number;
}

/** Reads, checks and lints the rule files (knowledge/triage/rules/): risk rules, slots, text speak, group cues. */
export function rulesFindings(
  file = defaultRiskRulesPath(),
  slotsFile = defaultSlotsPath(),
  textSpeakFile = defaultTextSpeakPath(),
  cuesFile = defaultGroupCuesPath(),
): RulesFindings {
  const { data, issues } = readRiskRules(file);
  const slots = readRiskSlots(slotsFile);
  const speak = readTextSpeak(textSpeakFile);
  const cues = readGroupCues(cuesFile);
  const findings: RuleFinding[] = [...slots.issues, ...speak.issues, ...cues.issues, ...issues].map((i) => ({ ...i, level: 'error' }));
  if (slots.slots) findings.push(...lintSlots(slots.slots, path.basename(slotsFile)));
  if (slots.slots && cues.cues) findings.push(...lintGroupCues(cues.cues, slots.slots, path.basename(cuesFile)));
  if (data && slots.slots && issues.length === 0) findings.push(...lintRiskRules(data, path.basename(file), slots.slots));
  const rules = data?.rules ?? [];
  return { file, findings, rules: rules.length, examples: rules.reduce((n, r) => n + r.examples.length, 0), nearMisses: rules.reduce((n, r) => n + r.nearMisses.length, 0) };
}

export function formatRules(report: RulesFindings): string {
  const errors = report.findings.filter((f) => f.level === 'error');
  const warnings = report.findings.filter((f) => f.level === 'warning');
  const lines = [
    `${errors.length === 0 ? 'OK  ' : 'FAIL'} risk rules: ${report.rules} rules (${report.examples} examples, ${report.nearMisses} near misses), ${errors.length} error(s), ${warnings.length} warning(s)`,
  ];
  for (const e of errors.slice(0, 50)) lines.push(`  error   ${formatIssue(e)}`);
  if (errors.length > 50) lines.push(`  ... and ${errors.length - 50} more`);
  // Copies between twin rules are listed once per pair of rules, not once per pattern.
  const pairs = new Map<string, number>();
  for (const w of warnings) {
    if (!w.twins) lines.push(`  warning ${formatIssue(w)}`);
    else pairs.set(w.twins.join(' and '), (pairs.get(w.twins.join(' and ')) ?? 0) + 1);
  }
  for (const [key, n] of pairs) lines.push(`  warning ${n} pattern(s) shared by ${key}: twin rules to merge`);
  return lines.join('\n');
}

export interface LanguagesFindings {
  issues: PackIssue[];
  languages: number;
  phrases: number;
  /** Languages whose notice and phrases no fluent speaker has checked yet. */
  unchecked: string[];
}

/** Reads and checks knowledge/language/other-languages.json. */
export function languagesFindings(file = defaultOtherLanguagesPath()): LanguagesFindings {
  const { languages, issues } = readOtherLanguages(file);
  const list = languages?.languages ?? [];
  return {
    issues,
    languages: list.length,
    phrases: list.reduce((n, l) => n + l.risk.reduce((m, r) => m + r.phrases.length, 0), 0),
    unchecked: list.filter((l) => !l.checkedByFluentSpeaker).map((l) => l.code),
  };
}

export function formatLanguages(report: LanguagesFindings): string {
  const lines = [
    `${report.issues.length === 0 ? 'OK  ' : 'FAIL'} other languages: ${report.languages} notices, ${report.phrases} risk phrases, ${report.issues.length} error(s)`,
  ];
  for (const i of report.issues.slice(0, 50)) lines.push(`  error   ${formatIssue(i)}`);
  // Not an error: the texts work, but no one fluent has vouched for them yet.
  if (report.unchecked.length > 0) lines.push(`  note    not yet checked by a fluent speaker: ${report.unchecked.join(', ')}`);
  return lines.join('\n');
}

const USAGE = `Usage: knowledge-check [--json] [--packs-dir <dir>] [--strict]
  Validates every knowledge pack and lists problems.
  --json        print the report as JSON
  --packs-dir   folder holding the packs (default: knowledge/packs)
  --strict      treat warnings as errors`;

/** Runs the check; returns the process exit code (0 = no errors). */
export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): number {
  let json = false;
  let strict = false;
  let packsDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--strict') strict = true;
    else if (arg === '--packs-dir' && argv[i + 1]) packsDir = path.resolve(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    } else {
      out(`Unknown option ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    }
  }
  if (packsDir !== undefined && !fs.existsSync(packsDir)) {
    out(`No packs folder at ${packsDir}`);
    return 2;
  }
  const report = checkPacks({ packsDir });
  const corpus = corpusFindings();
  const rules = rulesFindings();
  const languages = languagesFindings();
  out(
    json
      ? JSON.stringify({ ...report, corpus, rules, languages }, null, 2)
      : `${formatReport(report)}\n${formatCorpus(corpus)}\n${formatRules(rules)}\n${formatLanguages(languages)}`,
  );
  const errors =
    report.findings.filter((f) => f.level === 'error' || (strict && f.level === 'warning')).length +
    corpus.errors.length +
    rules.findings.filter((f) => f.level === 'error').length +
    languages.issues.length;
  return errors > 0 || report.packs.length === 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
