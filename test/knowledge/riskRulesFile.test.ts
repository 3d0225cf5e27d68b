// The risk rules are a data file (knowledge/triage/rules/risk-rules.json) checked like a pack:
// every problem named by file, path and message, and linted for what a reviewer would fix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRiskRules } from '../../knowledge/triage/riskRules';
import { innermostGroups } from '../../knowledge/triage/riskRulesLint';
import { readTextSpeak } from '../../knowledge/triage/textSpeak';
import { formatRules, rulesFindings } from '../../scripts/knowledge-check';

const rule = (overrides: Record<string, unknown> = {}) => ({
  id: 'crisis.test',
  route: 'crisis',
  patterns: ['want to die'],
  examples: ['i want to die'],
  nearMisses: ['i want to dye my hair'],
  ...overrides,
});

const file = (overrides: Record<string, unknown> = {}) => ({
  contexts: { child: ['{CHILD}', 'school'] },
  frames: { figurative: [{ pattern: 'dying (to | for)' }], historic: [], negated: [] },
  rules: [rule()],
  ...overrides,
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'risk-rules-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(content: unknown, name = 'risk-rules.json'): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return full;
}

const messages = (full: string) => rulesFindings(full).findings.map((f) => `${f.level} ${f.path}: ${f.message}`);

describe('the project rules file', () => {
  it('loads with no errors, every rule with examples and near misses', () => {
    const report = rulesFindings();
    expect(report.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(report.rules).toBeGreaterThan(40);
    expect(report.examples).toBeGreaterThanOrEqual(report.rules);
    expect(report.nearMisses).toBeGreaterThanOrEqual(report.rules);
  });

  it('writes context names out in the rules the detector gets', () => {
    const { set } = readRiskRules();
    for (const r of set!.rules) for (const p of [...(r.requires ?? []), ...(r.excludes ?? [])]) expect(p.startsWith('@')).toBe(false);
  });
});

describe('problems in a rules file', () => {
  it('a file that is not JSON: the line and column', () => {
    expect(messages(write('{\n  "rules": [\n    {,\n'))).toEqual([expect.stringMatching(/^error : is not valid JSON at line 3, column \d+/)]);
  });

  it('a rule without examples or near misses, with an unknown field, or a bad route', () => {
    const found = messages(write(file({ rules: [rule({ examples: [], nearMisses: undefined, colour: 'red', route: 'crises' })] })));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('rules[0].examples: every rule needs at least one message it must fire on'),
        expect.stringContaining('rules[0].nearMisses: is missing'),
        expect.stringContaining('rules[0]: has an unknown field "colour"'),
        expect.stringContaining('rules[0].route'),
      ]),
    );
  });

  it('a rule with no patterns at all', () => {
    expect(messages(write(file({ rules: [rule({ patterns: [] })] })))).toEqual([expect.stringContaining('rules[0].patterns: a rule needs patterns or surface patterns')]);
  });

  it('a context that is not defined, an id used twice, an id that does not start with its route', () => {
    const found = messages(write(file({ rules: [rule({ requires: ['@older'] }), rule(), rule({ id: 'emergency.test2' })] })));
    expect(found).toEqual(
      expect.arrayContaining([
        'error rules[0].requires[0]: names the context "older", which contexts does not define',
        'error rules[1].id: "crisis.test" is already the id of rules[0]',
        'error rules[2].id: starts with its route: "crisis.…" (found "emergency.test2")',
      ]),
    );
  });

  it('who is at risk: the lead route must be the child\'s or the adult\'s, the two must differ, and contexts are written out', () => {
    const who = (child: string, adult: string) => ({ child: { route: child, when: ['@child'] }, adult: { route: adult, when: ['@older'] } });
    const found = messages(write(file({ rules: [rule({ whoIsAtRisk: who('safeguarding-child', 'domestic-abuse') }), rule({ id: 'crisis.two', whoIsAtRisk: who('crisis', 'crisis') })] })));
    expect(found).toEqual(
      expect.arrayContaining([
        'error rules[0].route: leads when the age is unknown, so it is the child\'s or the adult\'s route ("safeguarding-child" or "domestic-abuse")',
        'error rules[1].whoIsAtRisk: gives the child and the adult the same route: leave whoIsAtRisk out',
        'error rules[0].whoIsAtRisk.adult.when[0]: names the context "older", which contexts does not define',
      ]),
    );
  });

  it('lint: a pattern that does not compile, alternatives that are the same once stemmed, a pattern twice in one list', () => {
    const found = messages(write(file({ rules: [rule({ patterns: ['want to (die', '(holding | holds) a knife', 'want to die', 'want to die'] })] })));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error rules\[0\]\.patterns\[0\]: does not compile/),
        'error rules[0].patterns[1]: "holds" reads the same as "holding" in its group once stemmed: leave one out',
        'error rules[0].patterns[3]: the same pattern as rules[0].patterns[2]: leave one out',
      ]),
    );
  });

  it('lint: a "|" inside a one-word regular expression is not an alternative of the group', () => {
    expect(innermostGroups('(<1[2-9]|2[0-4]> hours | all day) ~2 (a | per)')).toEqual([['<1[2-9]|2[0-4]> hours', 'all day'], ['a', 'per']]);
    expect(messages(write(file({ rules: [rule({ patterns: ['(<1[2-9]|2[0-4]> | <1[2-9]|2[0-4]>) hours'] })] })))).toEqual([
      'error rules[0].patterns[0]: "<1[2-9]|2[0-4]>" reads the same as "<1[2-9]|2[0-4]>" in its group once stemmed: leave one out',
    ]);
  });

  it('lint: surface patterns are not stemmed, so tenses are different words there', () => {
    expect(messages(write(file({ rules: [rule({ surface: ['(missing | miss) again'] })] })))).toEqual([]);
  });

  it('lint: a pattern in two rules is a warning (twins to merge), listed once per pair', () => {
    const report = rulesFindings(write(file({ rules: [rule(), rule({ id: 'crisis.twin', patterns: ['want to die', 'no way out'] })] })));
    expect(report.findings).toEqual([expect.objectContaining({ level: 'warning', path: 'rules[1].patterns[0]', twins: ['crisis.test', 'crisis.twin'] })]);
    expect(formatRules(report)).toContain('warning 1 pattern(s) shared by crisis.test and crisis.twin: twin rules to merge');
  });
});

describe('the text-speak file', () => {
  const speak = (tokens: unknown, extra: Record<string, unknown> = {}) =>
    write({ tokens, phrases: [{ from: 'step dad', to: 'stepdad' }], twoMeansTo: { after: ['want'], before: ['die'] }, ...extra }, 'text-speak.json');

  it('the project file reads, with no prototype behind its words', () => {
    const { textSpeak, issues } = readTextSpeak();
    expect(issues).toEqual([]);
    expect(textSpeak!.tokens.kms).toBe('kill myself');
    expect(textSpeak!.tokens.constructor).toBeUndefined();
    expect('want 2 die'.replace(textSpeak!.twoMeansTo, '$1 to')).toBe('want to die');
  });

  it('a word rewritten in two sections, a typed word with a capital, and plain words with two spaces', () => {
    const { issues } = readTextSpeak(speak([{ note: 'a', rewrites: { kms: 'kill myself' } }, { note: 'b', rewrites: { kms: 'kill  myself', Wud: 'would' } }]));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['tokens[1].rewrites.kms', 'tokens[1].rewrites.Wud']));
    const { issues: again } = readTextSpeak(speak([{ note: 'a', rewrites: { kms: 'kill myself' } }, { note: 'b', rewrites: { kms: 'kill myself' } }]));
    expect(again).toEqual([{ file: 'text-speak.json', path: 'tokens[1].rewrites.kms', message: '"kms" is already rewritten in tokens[0]' }]);
  });

  it('an emoji key is one emoji: a word or a face with a skin tone is a problem', () => {
    const tokens = [{ note: 'a', rewrites: { kms: 'kill myself' } }];
    expect(readTextSpeak(speak(tokens, { emoji: { '\u{1F476}': 'baby' } })).issues).toEqual([]);
    const { issues } = readTextSpeak(speak(tokens, { emoji: { baby: 'baby', '\u{1F476}\u{1F3FD}': 'baby' } }));
    expect(issues.length).toBe(2);
  });
});

