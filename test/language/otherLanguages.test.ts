// Other languages (issue 12, point 6): the risk phrases and notices are data for a fluent
// speaker to check (knowledge/language/other-languages.json); here, that they are read, checked
// and found in messages as people type them (with or without accents).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { foldText, otherLanguages, readOtherLanguages } from '../../knowledge/language/otherLanguages';
import { formatIssue } from '../../knowledge/loader';
import { formatLanguages, languagesFindings } from '../../scripts/knowledge-check';

const found = (text: string) => otherLanguages().riskIn(text).map((r) => `${r.code} ${r.route}`);

describe('risk phrases in other languages', () => {
  test.each([
    ['Chcę się zabić', 'pl crisis'],
    ['chce sie zabic', 'pl crisis'],
    ['Mój mąż mnie bije codziennie', 'pl domestic-abuse'],
    ['vreau sa mor', 'ro crisis'],
    ['quero morrer', 'pt crisis'],
    ['Ya no puedo más, quiero morirme', 'es crisis'],
    ['dw i eisiau marw', 'cy crisis'],
    ['أريد أن أموت', 'ar crisis'],
    ['زوجي يضربني كل يوم', 'ar domestic-abuse'],
    ['আমি মরতে চাই', 'bn crisis'],
    ['我想死', 'zh crisis'],
    ['我老公打我', 'zh domestic-abuse'],
    ['el niño está en peligro', 'es safeguarding-child'],
  ])('%j is found: %s', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  test.each(['I want to die', 'my friend Marta is from Poland', 'hola', 'Dzień dobry, potrzebuję pomocy z mieszkaniem', 'the reporter was a mere bystander', 'mebije'])(
    '%j has no risk phrase',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  test('accents, case and punctuation are set aside; Polish ł is l', () => {
    expect(foldText('Chcę SIĘ, zabić!')).toBe('chce sie zabic');
    expect(foldText('Boję się męża, on mnie bije. Łódź')).toBe('boje sie meza on mnie bije lodz');
  });
});

describe('the notices', () => {
  test('at least the languages the issue names, each with a notice that gives 999, none yet checked by a fluent speaker', () => {
    const codes = otherLanguages().languages.map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(['pl', 'ro', 'pt', 'ar', 'bn', 'zh', 'es', 'cy']));
    for (const l of otherLanguages().languages) {
      expect(l.notice).toContain('999');
      // Honest until someone fluent has read them: knowledge:check counts these.
      expect(l.checkedByFluentSpeaker).toBe(false);
    }
  });

  test('a broken file is reported by file, path and problem', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'other-languages-'));
    const file = path.join(dir, 'other-languages.json');
    const language = { code: 'pl', englishName: 'Polish', name: 'Polski', checkedByFluentSpeaker: false, notice: 'Rozumiem tylko angielski.', contactsLead: 'Te numery pomogą:', risk: [{ route: 'crisis', phrases: ['chcę umrzeć', 'chce umrzec'] }] };
    fs.writeFileSync(file, JSON.stringify({ languages: [language, { ...language, notice: 'W nagłym wypadku dzwoń 999.' }] }));
    expect(readOtherLanguages(file).issues.map(formatIssue)).toEqual(['other-languages.json: languages[0].notice: must tell the reader to call 999 in an emergency (found "Rozumiem tylko angielski.")']);
    fs.writeFileSync(file, JSON.stringify({ languages: [{ ...language, notice: 'Dzwoń 999.' }, { ...language, notice: 'Dzwoń 999.' }] }));
    expect(readOtherLanguages(file).issues.map(formatIssue)).toEqual([
      'other-languages.json: languages[0].risk[0].phrases[1]: reads the same as languages[0].risk[0].phrases[0] once accents and case are set aside',
      'other-languages.json: languages[1].code: "pl" is already languages[0]',
      'other-languages.json: languages[1].risk[0].phrases[1]: reads the same as languages[1].risk[0].phrases[0] once accents and case are set aside',
    ]);
  });
});

describe('knowledge:check', () => {
  test('reports the notices and phrases, and which languages no fluent speaker has checked yet', () => {
    const text = formatLanguages(languagesFindings());
    expect(text).toMatch(/^OK {3}other languages: \d+ notices, \d+ risk phrases, 0 error\(s\)/);
    expect(text).toContain('not yet checked by a fluent speaker: pl, ro, pt, es, cy, ar, bn, zh');
  });
});
