import path from 'node:path';
import { z } from 'zod';
import { checkedOnce, readCheckedJson, type PackIssue } from '../loader';
import { projectPath } from '../paths';
import { RISK_ROUTES, type RiskRoute } from '../vocabulary';

// The risk rules are data a safeguarding lead reviews: knowledge/triage/rules/risk-rules.json.
// This module reads and checks that file (every problem as file, path, message, as for packs)
// and gives the detector the rules with their context lists ("@child") written out.

export interface RiskRule {
  id: string;
  route: RiskRoute;
  /** Why the rule has the shape it has, for a reviewer. */
  notes?: readonly string[];
  /** Patterns over the stem stream (inflections match). */
  patterns: readonly string[];
  /** Patterns over the plain words, for where tense matters ("missing" is not "miss"). */
  surface?: readonly string[];
  /** The rule fires only when one of these is also somewhere in the message. */
  requires?: readonly string[];
  /**
   * The rule does not fire when one of these is somewhere in the message. Only used to choose
   * between rules for the same words, never to drop a risk: another rule catches it.
   */
  excludes?: readonly string[];
  /**
   * The same harm for a child or an adult (a forced marriage, being kept locked in): who is at
   * risk decides the route. Words in the message that name a child or an adult decide first,
   * then what the conversation knows (an age given earlier); when neither tells, `route` leads
   * and the other route joins it, so the reply gives both sets of contacts.
   */
  whoIsAtRisk?: { child: WhoIsAtRisk; adult: WhoIsAtRisk };
  /** Matches inside a figurative frame do not count. */
  figurative?: boolean;
  /** Matches inside a "when I was a child" frame do not count. */
  historic?: boolean;
  /**
   * A statement so plain ("I'm in crisis", "I can't hold on much longer") that the model's doubt
   * does not hold it back: it counts at any model score. Frames (a denial, the past) still apply.
   */
  firm?: boolean;
  /** Messages the rule must fire on. */
  examples: readonly string[];
  /** Messages that look alike and must not fire it. */
  nearMisses: readonly string[];
}

export interface WhoIsAtRisk {
  route: RiskRoute;
  /** Words that show this is the one at risk ("@child", "@older"): contexts written out. */
  when: readonly string[];
}

const pattern = z.string().trim().min(1, 'a pattern cannot be empty');
const patternList = z.array(pattern).min(1, 'leave the field out rather than give an empty list');
const message = z.string().trim().min(1, 'cannot be empty');

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(?:-[a-z]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule id is "<route>.<name>" in lower case, like "crisis.self-harm"'),
    route: z.enum(RISK_ROUTES),
    notes: z.array(message).optional(),
    patterns: z.array(pattern),
    surface: patternList.optional(),
    requires: patternList.optional(),
    excludes: patternList.optional(),
    whoIsAtRisk: z
      .object({
        child: z.object({ route: z.enum(RISK_ROUTES), when: patternList }).strict(),
        adult: z.object({ route: z.enum(RISK_ROUTES), when: patternList }).strict(),
      })
      .strict()
      .optional(),
    figurative: z.literal(true).optional(),
    historic: z.literal(true).optional(),
    firm: z.literal(true).optional(),
    examples: z.array(message).min(1, 'every rule needs at least one message it must fire on'),
    nearMisses: z.array(message).min(1, 'every rule needs at least one look-alike message it must not fire on'),
  })
  .strict()
  .refine((rule) => rule.patterns.length > 0 || (rule.surface?.length ?? 0) > 0, { message: 'a rule needs patterns or surface patterns', path: ['patterns'] });

const frameSchema = z.object({ pattern, note: message.optional() }).strict();

export const riskRulesFileSchema = z
  .object({
    about: z.record(z.string(), z.string()).optional(),
    contexts: z.record(z.string().regex(/^[a-zA-Z]+$/, 'a context name is letters only'), patternList),
    frames: z.object({ figurative: z.array(frameSchema), historic: z.array(frameSchema), negated: z.array(frameSchema), everyday: z.array(frameSchema).default([]) }).strict(),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type RiskRulesFile = z.output<typeof riskRulesFileSchema>;

export interface RiskRuleSet {
  rules: RiskRule[];
  /**
   * Frames in which scary words are everyday speech ("these bills are killing me"). A match is
   * dropped only when it lies wholly inside one, and only for rules marked `figurative`.
   */
  figurativeFrames: string[];
  /** "When I was a child" frames: the speaker's own past, not a risk now. */
  historicFrames: string[];
  /**
   * Frames in which the message denies the harm it names ("I'm not suicidal", "he's not
   * violent", "no safeguarding concerns"): for every rule, and narrow on purpose.
   */
  negatedFrames: string[];
  /**
   * Everyday speech whose words the model reads as risk: a practical request worded like a method
   * question ("the quickest way to get a council house"), grief ("my dad died ... I can't stop
   * thinking about it"). No rule is framed by them; the model's second reading leaves their words out.
   */
  everydayFrames: string[];
}

export const RISK_RULES_FILE = 'risk-rules.json';

export function defaultRiskRulesPath(): string {
  return projectPath('knowledge', 'triage', 'rules', RISK_RULES_FILE);
}

/** Reads and checks a rules file; the rules come back only when there is no problem. */
export function readRiskRules(file: string = defaultRiskRulesPath()): { set?: RiskRuleSet; data?: RiskRulesFile; issues: PackIssue[] } {
  const label = path.basename(file);
  const { data, issues } = readCheckedJson(file, label, riskRulesFileSchema);
  if (!data) return { issues };
  const problems: PackIssue[] = [];
  const expand = (list: readonly string[] | undefined, where: string, seen: string[] = []): string[] | undefined => {
    if (!list) return undefined;
    const out: string[] = [];
    list.forEach((entry, i) => {
      if (!entry.startsWith('@')) return void out.push(entry);
      const name = entry.slice(1);
      const named = data.contexts[name];
      if (!named) return void problems.push({ file: label, path: `${where}[${i}]`, message: `names the context "${name}", which contexts does not define` });
      if (seen.includes(name)) return void problems.push({ file: label, path: `${where}[${i}]`, message: `context "${name}" names itself` });
      out.push(...(expand(named, `contexts.${name}`, [...seen, name]) ?? []));
    });
    return out;
  };
  const ids = new Map<string, number>();
  const rules = data.rules.map((rule, i): RiskRule => {
    const at = `rules[${i}]`;
    const first = ids.get(rule.id);
    if (first !== undefined) problems.push({ file: label, path: `${at}.id`, message: `"${rule.id}" is already the id of rules[${first}]` });
    else ids.set(rule.id, i);
    if (!rule.id.startsWith(`${rule.route}.`)) problems.push({ file: label, path: `${at}.id`, message: `starts with its route: "${rule.route}.…" (found "${rule.id}")` });
    const who = rule.whoIsAtRisk;
    if (who && rule.route !== who.child.route && rule.route !== who.adult.route) {
      problems.push({ file: label, path: `${at}.route`, message: `leads when the age is unknown, so it is the child's or the adult's route ("${who.child.route}" or "${who.adult.route}")` });
    }
    if (who && who.child.route === who.adult.route) problems.push({ file: label, path: `${at}.whoIsAtRisk`, message: 'gives the child and the adult the same route: leave whoIsAtRisk out' });
    return {
      ...rule,
      requires: expand(rule.requires, `${at}.requires`),
      excludes: expand(rule.excludes, `${at}.excludes`),
      whoIsAtRisk: who && {
        child: { route: who.child.route, when: expand(who.child.when, `${at}.whoIsAtRisk.child.when`) ?? [] },
        adult: { route: who.adult.route, when: expand(who.adult.when, `${at}.whoIsAtRisk.adult.when`) ?? [] },
      },
    };
  });
  if (problems.length > 0) return { data, issues: problems };
  return { data, set: { rules, figurativeFrames: data.frames.figurative.map((f) => f.pattern), historicFrames: data.frames.historic.map((f) => f.pattern), negatedFrames: data.frames.negated.map((f) => f.pattern), everydayFrames: data.frames.everyday.map((f) => f.pattern) }, issues: [] };
}

/** The project's rules, read and checked on first use (see checkedOnce). */
export const projectRiskRules = checkedOnce('The risk rules', () => readRiskRules(), (r) => r.set);
