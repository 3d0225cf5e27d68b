// The corpus checker knowledge:check runs: bad labels, duplicates and copies of evaluation texts
// are errors, each named by file and line.
import fs from 'node:fs';
import path from 'node:path';
import { checkCorpus, duplicates, readCorpus } from '../../knowledge/triage/corpus';
import { makeTempDir } from '../helpers/tempDir';

async function corpusOf(lines: Record<string, string[]>): Promise<{ dir: string; remove: () => Promise<void> }> {
  const { dir, remove } = await makeTempDir('eha-corpus-');
  const sources = Object.keys(lines).map((file) => ({ file, brief: 'b', author: 'a', date: '2026-12-01' }));
  fs.writeFileSync(path.join(dir, 'sources.json'), JSON.stringify(sources));
  for (const [file, rows] of Object.entries(lines)) fs.writeFileSync(path.join(dir, file), rows.join('\n') + '\n');
  return { dir, remove };
}

const line = (o: Record<string, unknown>) => JSON.stringify({ route: 'none', groups: ['housing'], voice: 'resident', kind: 'ordinary', ...o });

test('invalid labels are reported with file, line and field', async () => {
  const { dir, remove } = await corpusOf({
    'a.jsonl': [
      line({ text: 'we need somewhere to live' }),
      line({ text: 'he hits me', route: 'domestic-abuse' }),
      line({ text: 'x y z', groups: ['not-a-group'] }),
      'not json',
      line({ text: 'thanks', kind: 'answer' }),
    ],
  });
  try {
    const { items, issues } = readCorpus(dir);
    expect(items.map((i) => i.where)).toEqual(['a.jsonl:1']);
    expect(issues.map((i) => i.where)).toEqual(['a.jsonl:2', 'a.jsonl:3', 'a.jsonl:4', 'a.jsonl:5']);
    expect(issues[0].message).toMatch(/kind "ordinary" does not agree with route "domestic-abuse"/);
    expect(issues[3].message).toMatch(/an answer is about no group/);
  } finally {
    await remove();
  }
});

test('a file missing from sources.json is an error (provenance is required)', async () => {
  const { dir, remove } = await corpusOf({ 'a.jsonl': [line({ text: 'rent arrears help' })] });
  try {
    fs.writeFileSync(path.join(dir, 'stray.jsonl'), line({ text: 'who wrote me' }));
    expect(readCorpus(dir).issues).toEqual([expect.objectContaining({ where: 'stray.jsonl', message: expect.stringMatching(/not listed/) })]);
  } finally {
    await remove();
  }
});

test('exact and near duplicates, and copies of evaluation texts, are found', async () => {
  const { dir, remove } = await corpusOf({
    'a.jsonl': [line({ text: 'Our landlord wants us out by the end of the month' }), line({ text: 'our landlord wants us out by the end of the month!' })],
    'b.jsonl': [line({ text: 'our landlord wants us out by the end of the month, help' }), line({ text: 'is there help with nursery costs for a two year old' })],
  });
  try {
    const { issues } = checkCorpus(dir, [{ text: 'Is there help with nursery costs for a two year old?', where: 'test/eval/x.json:0' }]);
    expect(issues.map((i) => `${i.where} ${i.message}`)).toEqual([
      'a.jsonl:2 repeats a.jsonl:1',
      'b.jsonl:1 is a near duplicate of a.jsonl:1',
      'b.jsonl:2 repeats test/eval/x.json:0 (an evaluation text)',
    ]);
  } finally {
    await remove();
  }
});

test('a repeat listed in eval-overlaps.json (why and when) is excused; a stale entry and an unlisted repeat are not', async () => {
  const { dir, remove } = await corpusOf({ 'a.jsonl': [line({ text: 'i want to die', route: 'crisis', kind: 'risk' }), line({ text: 'help with rent' })] });
  const overlap = (text: string) => ({ text, why: 'written word for word by both authors', found: '2026-12-01' });
  fs.writeFileSync(path.join(dir, 'eval-overlaps.json'), JSON.stringify([overlap('I want to die!'), overlap('no longer in the corpus')]));
  const evaluation = [
    { text: 'i want to die', where: 'test/eval/m.json:scenarios[0].turns[0]' },
    { text: 'help with rent', where: 'test/eval/m.json:scenarios[1].turns[0]' },
  ];
  try {
    expect(checkCorpus(dir, evaluation).issues.map((i) => `${i.where} ${i.message}`)).toEqual([
      'eval-overlaps.json:[1] no corpus line repeats an evaluation text with these words any more: remove the entry',
      'a.jsonl:2 repeats test/eval/m.json:scenarios[1].turns[0] (an evaluation text)',
    ]);
    fs.writeFileSync(path.join(dir, 'eval-overlaps.json'), JSON.stringify([{ text: 'x', why: 'short' }]));
    expect(checkCorpus(dir, evaluation).issues.map((i) => i.where)).toEqual(expect.arrayContaining(['eval-overlaps.json:0.why', 'eval-overlaps.json:0.found']));
  } finally {
    await remove();
  }
});

test('distinct lines that share a few words are not duplicates', () => {
  expect(duplicates([
    { text: 'my son will not go to school and cries every morning', where: '1' },
    { text: 'my son will not eat his dinner and shouts every evening', where: '2' },
  ])).toEqual([]);
});
