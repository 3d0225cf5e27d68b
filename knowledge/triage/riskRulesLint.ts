import type { PackIssue } from '../loader';
import { stem } from './normalise';
import { PatternCompiler } from './pattern';
import type { GroupCues } from './groupCues';
import type { RiskRulesFile } from './riskRules';
import type { RiskSlots } from './riskSlots';

export interface RuleFinding extends PackIssue {
  level: 'error' | 'warning';
  /** For a pattern shared by two rules: their ids, the first rule's first. */
  twins?: [string, string];
}

interface Located {
  where: string;
  pattern: string;
  /** Stemmed patterns: words are compared after stemming, as the detector reads them. */
  stemmed: boolean;
}

/**
 * Innermost groups, "(a | b)" and "!(a | b)": their alternatives. A "|" inside a one-word
 * regular expression ("<1[2-9]|2[0-4]>") belongs to it, not to the group.
 */
export function innermostGroups(pattern: string): string[][] {
  return [...pattern.matchAll(/\(([^()]*)\)/g)].map((m) => {
    const alternatives: string[] = [];
    let depth = 0;
    let start = 0;
    const inner = m[1];
    for (let i = 0; i < inner.length; i++) {
      if (inner[i] === '<') depth++;
      else if (inner[i] === '>' && depth > 0) depth--;
      else if (inner[i] === '|' && depth === 0) {
        alternatives.push(inner.slice(start, i).trim());
        start = i + 1;
      }
    }
    alternatives.push(inner.slice(start).trim());
    return alternatives;
  });
}

/**
 * What a reviewer of knowledge/triage/rules/risk-rules.json should hear about beyond its schema:
 * a pattern that does not compile (error), an alternative that reads the same as another in its
 * group once stemmed ("holding | holds": error, leave one out), the same pattern twice in one
 * list (error), and the same pattern in two rules (warning: twins to merge into one rule).
 */
export function lintRiskRules(data: RiskRulesFile, file: string, slots: RiskSlots): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const stemmed = new PatternCompiler(slots, stem);
  const plain = new PatternCompiler(slots, (w) => w);
  const located: Located[] = [];
  const add = (list: readonly string[] | undefined, where: string, isStemmed: boolean) =>
    list?.forEach((pattern, i) => {
      if (!pattern.startsWith('@')) located.push({ where: `${where}[${i}]`, pattern, stemmed: isStemmed });
    });
  for (const [name, list] of Object.entries(data.contexts)) add(list, `contexts.${name}`, true);
  data.frames.figurative.forEach((f, i) => located.push({ where: `frames.figurative[${i}].pattern`, pattern: f.pattern, stemmed: true }));
  data.frames.historic.forEach((f, i) => located.push({ where: `frames.historic[${i}].pattern`, pattern: f.pattern, stemmed: true }));
  data.frames.negated.forEach((f, i) => located.push({ where: `frames.negated[${i}].pattern`, pattern: f.pattern, stemmed: true }));
  data.frames.everyday.forEach((f, i) => located.push({ where: `frames.everyday[${i}].pattern`, pattern: f.pattern, stemmed: true }));
  data.rules.forEach((rule, i) => {
    add(rule.patterns, `rules[${i}].patterns`, true);
    add(rule.surface, `rules[${i}].surface`, false);
    add(rule.requires, `rules[${i}].requires`, true);
    add(rule.excludes, `rules[${i}].excludes`, true);
  });

  findings.push(...lintPatterns(located, file, stemmed, plain));

  const firstPlace = new Map<string, string>();
  for (const { where, pattern, stemmed: isStemmed } of located) {
    const rule = /^rules\[(\d+)\]/.exec(where);
    if (!rule) continue;
    const key = `${isStemmed ? 's' : 'p'}:${pattern}`;
    const first = firstPlace.get(key);
    if (first === undefined) {
      firstPlace.set(key, where);
      continue;
    }
    const sameList = first.replace(/\[\d+\]$/, '') === where.replace(/\[\d+\]$/, '');
    const firstRule = /^rules\[(\d+)\]/.exec(first)!;
    if (sameList) findings.push({ level: 'error', file, path: where, message: `the same pattern as ${first}: leave one out` });
    else if (firstRule[1] !== rule[1]) {
      const twins: [string, string] = [data.rules[Number(firstRule[1])].id, data.rules[Number(rule[1])].id];
      findings.push({ level: 'warning', file, path: where, message: `the same pattern as ${first} (${twins[0]}): twin rules to merge`, twins });
    }
  }
  return findings;
}

/** Each pattern compiles, and no two alternatives in one of its groups read the same. */
function lintPatterns(located: readonly Located[], file: string, stemmed: PatternCompiler, plain: PatternCompiler): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { where, pattern, stemmed: isStemmed } of located) {
    const compiler = isStemmed ? stemmed : plain;
    try {
      compiler.compile([pattern]);
    } catch (error) {
      findings.push({ level: 'error', file, path: where, message: `does not compile: ${(error as Error).message}` });
      continue;
    }
    // Two alternatives are the same when each alone compiles to the same expression.
    const key = (alternative: string): string => {
      try {
        return compiler.compile([alternative]).source;
      } catch {
        return `raw:${alternative}`;
      }
    };
    for (const alternatives of innermostGroups(pattern)) {
      const seen = new Map<string, string>();
      for (const alternative of alternatives) {
        const k = key(alternative);
        const first = seen.get(k);
        if (first === undefined) seen.set(k, alternative);
        else findings.push({ level: 'error', file, path: where, message: `"${alternative}" reads the same as "${first}" in its group${isStemmed ? ' once stemmed' : ''}: leave one out` });
      }
    }
  }
  return findings;
}

/**
 * A slot's phrases: each compiles, none is listed twice, no group repeats an alternative word
 * for word. Slots also serve surface patterns, where "friend" and "friends" differ, so their
 * words are compared unstemmed.
 */
export function lintSlots(slots: RiskSlots, file: string): RuleFinding[] {
  const plain = new PatternCompiler(slots, (w) => w);
  const located: Located[] = Object.entries(slots).flatMap(([name, phrases]) => phrases.map((pattern, i) => ({ where: `slots.${name}.phrases[${i}]`, pattern, stemmed: false })));
  const findings = lintPatterns(located, file, plain, plain);
  for (const [name, phrases] of Object.entries(slots)) {
    const seen = new Map<string, number>();
    phrases.forEach((phrase, i) => {
      const first = seen.get(phrase);
      if (first === undefined) seen.set(phrase, i);
      else findings.push({ level: 'error', file, path: `slots.${name}.phrases[${i}]`, message: `"${phrase}" is already slots.${name}.phrases[${first}]: leave one out` });
    });
  }
  return findings;
}

/** Group and message cues: each compiles (on stems, as they are matched), no group repeats an alternative, no list a cue. */
export function lintGroupCues(cues: GroupCues, slots: RiskSlots, file: string): RuleFinding[] {
  const stemmed = new PatternCompiler(slots, stem);
  const lists: Array<[string, readonly string[]]> = [
    ...Object.entries(cues.groups).map(([id, list]): [string, readonly string[]] => [`groups.${id}`, list.map(([pattern]) => pattern)]),
    ...(['worry', 'complexity', 'statutory', 'topic', 'childPresent', 'childSpeaker'] as const).map((key): [string, readonly string[]] => [key, cues[key]]),
  ];
  const located: Located[] = lists.flatMap(([where, list]) =>
    list.map((pattern, i) => ({ where: where.startsWith('groups.') ? `${where}[${i}].pattern` : `${where}[${i}]`, pattern, stemmed: true })),
  );
  const findings = lintPatterns(located, file, stemmed, stemmed);
  for (const [where, list] of lists) {
    const seen = new Map<string, number>();
    list.forEach((pattern, i) => {
      const first = seen.get(pattern);
      if (first === undefined) seen.set(pattern, i);
      else findings.push({ level: 'error', file, path: `${where}[${i}]`, message: `the same cue as ${where}[${first}]: leave one out` });
    });
  }
  return findings;
}
