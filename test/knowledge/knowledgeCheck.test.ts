import fs from 'node:fs';
import path from 'node:path';
import { checkPacks, main, reviewPack } from '../../scripts/knowledge-check';
import { loadPack } from '../../knowledge/loader';
import { FIXTURE_PACKS, copyFixturePacks, type TempPacks } from './packFixture';

const today = new Date('2026-11-23T12:00:00Z');

describe('reviewPack', () => {
  const pack = loadPack('testshire', { packsDir: FIXTURE_PACKS });
  const warnings = reviewPack(pack, { today, minExamples: 2 }).map((f) => f.message);

  it('warns about contacts last checked more than 12 months ago', () => {
    expect(warnings).toContain(
      'contacts.json: contacts[6].checked: contact "old-contact" was last checked on 2024-01-01, more than 12 months ago; check it again',
    );
    expect(warnings.filter((w) => w.includes('last checked'))).toHaveLength(1);
  });

  it('warns about priority groups no service serves, and groups with few example phrases', () => {
    expect(warnings).toContain('services.json: no service serves priority group "bame-communities"');
    expect(warnings).not.toContain('services.json: no service serves priority group "mental-health"');
    expect(warnings).toContain('examples: priority group "housing" has 1 example phrases; at least 2 help the classifier');
    expect(warnings.some((w) => w.includes('"mental-health" has'))).toBe(false);
  });

  it('uses the staleness window it is given', () => {
    const strict = reviewPack(pack, { today, staleMonths: 1 }).map((f) => f.message);
    expect(strict.filter((w) => w.includes('last checked')).length).toBeGreaterThan(1);
  });

  it('warns about a checked date in the future', () => {
    const future = { ...pack, officeHours: [{ ...pack.officeHours[0], checked: '2027-01-01' }] };
    expect(reviewPack(future, { today }).map((f) => f.message)).toContain(
      'office-hours.json: [0].checked: office hours "front-door" has a checked date in the future (2027-01-01)',
    );
  });
});

describe('checkPacks and the command', () => {
  let tmp: TempPacks;
  let lines: string[];
  const out = (s: string) => lines.push(s);
  beforeEach(() => {
    tmp = copyFixturePacks();
    lines = [];
  });
  afterEach(() => tmp.cleanup());

  it('passes on valid packs (warnings only) and skips the shared folder', () => {
    const report = checkPacks({ packsDir: tmp.dir, today });
    expect(report.packs).toEqual([expect.objectContaining({ name: 'testshire', loaded: true, errors: 0 })]);
    expect(main(['--packs-dir', tmp.dir], out)).toBe(0);
    expect(lines.join('\n')).toMatch(/^OK {3}testshire: 0 error\(s\), \d+ warning\(s\)/);
  });

  it('fails with every loader error, including a contact without a source', () => {
    tmp.edit('contacts.json', (c: any) => {
      delete c.contacts[3].source;
    });
    tmp.edit('services.json', (s: any[]) => {
      s[0].priorityGroups.push('no-such-group');
    });
    expect(main(['--packs-dir', tmp.dir], out)).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('FAIL testshire: 2 error(s)');
    expect(text).toContain('error   contacts.json: contacts[3].source: is missing (every fact needs a source');
    expect(text).toContain('error   services.json: [0].priorityGroups[3]: unknown priority group "no-such-group"');
  });

  it('prints JSON with --json', () => {
    expect(main(['--packs-dir', tmp.dir, '--json'], out)).toBe(0);
    const report = JSON.parse(lines.join('\n'));
    expect(report.packs[0].name).toBe('testshire');
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it('--strict turns warnings into failure', () => {
    expect(main(['--packs-dir', tmp.dir, '--strict'], out)).toBe(1);
  });

  it('reports a second, broken pack without hiding the good one', () => {
    fs.cpSync(path.join(tmp.dir, 'testshire'), path.join(tmp.dir, 'brokenshire'), { recursive: true });
    fs.writeFileSync(path.join(tmp.dir, 'brokenshire', 'need-levels.json'), '[');
    const report = checkPacks({ packsDir: tmp.dir, today });
    expect(report.packs.map((p) => [p.name, p.loaded])).toEqual([
      ['brokenshire', false],
      ['testshire', true],
    ]);
    const messages = report.findings.filter((f) => f.pack === 'brokenshire').map((f) => f.message);
    expect(messages).toContain('pack.json: id: is "testshire" but the folder is "brokenshire"; they must be the same');
    expect(messages.some((m) => m.startsWith('need-levels.json: is not valid JSON at line 1, column 2'))).toBe(true);
  });

  it('explains bad options', () => {
    expect(main(['--bogus'], out)).toBe(2);
    expect(main(['--packs-dir', path.join(tmp.dir, 'nowhere')], out)).toBe(2);
    expect(lines.join('\n')).toContain('Usage: knowledge-check');
  });
});
