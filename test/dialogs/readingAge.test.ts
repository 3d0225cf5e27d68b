import { loadPack } from '../../knowledge/loader';
import type { NeedLevel } from '../../knowledge/schema/pack';
import { wordingFor } from '../../dialogs/wording';
import * as common from '../../dialogs/wording/common';
import type { Wording } from '../../dialogs/wording';

// Residents and young people read these words, often when worried. The issue asks for short
// sentences and no jargon; this measures both so a wording change that drifts fails here.

/** Every sentence-like string a wording produces, with sample arguments for its functions. */
function textsOf(w: Wording, level: NeedLevel): string[] {
  const texts: string[] = [];
  for (const value of Object.values(w)) {
    if (typeof value === 'string') texts.push(value);
  }
  texts.push(w.askAge('child'), w.askAge('myself'), w.clarify('money worries', 'housing problems'), w.found(['money worries', 'housing problems']));
  texts.push(w.level(level), w.level(level, w.audience), w.noServices('Live Well B&NES'), w.portalLine('https://example.org/form'), ...Object.values(w.access));
  return texts.filter((t) => /[a-z]/i.test(t));
}

function sentences(text: string): string[] {
  return text
    .replace(/https?:\/\/\S+/g, 'link')
    .replace(/\*\*/g, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w));

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '').match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

/** Flesch-Kincaid grade over a body of text; UK reading age is roughly grade + 5. */
function gradeLevel(all: string[]): number {
  const ss = all.flatMap(sentences);
  const ws = ss.flatMap(words);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (ws.length / ss.length) + 11.8 * (syl / ws.length) - 15.59;
}

const JARGON = /\b(EHA|CIN|EHCP|SEND|CAMHS|statutory|threshold|multi-agency|intervention|safeguarding|referral pathway|Level [1-5])\b/;

// Every level of both packs: each pack words its own levels, for each kind of person (summaryFor).
const levels = ['bathnes', 'somerset'].flatMap((name) => loadPack(name).needLevels);

describe.each([
  ['a resident', 'self', 5, 25],
  ['a parent or carer', 'parent-carer', 5, 25],
  ['a young person', 'young-person', 4, 20],
] as const)('wording for %s', (_name, audience, maxGrade, maxSentenceWords) => {
  const texts = levels.flatMap((level) => textsOf(wordingFor(audience), level));

  test(`reads at about grade ${maxGrade} or below (UK reading age ${maxGrade + 5})`, () => {
    expect(gradeLevel(texts)).toBeLessThanOrEqual(maxGrade);
  });

  test(`no sentence is longer than ${maxSentenceWords} words`, () => {
    const long = texts.flatMap(sentences).filter((s) => words(s).length > maxSentenceWords);
    expect(long).toEqual([]);
  });

  test('uses no professional jargon', () => {
    expect(texts.filter((t) => JARGON.test(t))).toEqual([]);
  });
});

test('the words everyone sees (welcome, help, risk) are plain too', () => {
  const shared = Object.values(common).filter((v): v is string => typeof v === 'string');
  expect(gradeLevel(shared)).toBeLessThanOrEqual(6);
  expect(shared.filter((t) => JARGON.test(t))).toEqual([]);
});
