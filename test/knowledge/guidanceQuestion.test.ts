import { loadPack } from '../../knowledge/loader';
import { guidanceAskedAbout } from '../../knowledge/understanding/guidanceQuestion';

const bathnes = loadPack('bathnes').guidance;
const somerset = loadPack('somerset').guidance;
const ids = (text: string, pack = bathnes) => guidanceAskedAbout(text, pack).map((g) => g.id);

describe('a question about guidance', () => {
  test.each([
    ['what is the threshold for a request for service?', ['thresholds', 'request-for-service']],
    ['do I need consent to do an EHA?', ['consent', 'early-help-assessment']],
    ['how do I get consent for an early help assessment', ['consent', 'early-help-assessment']],
    ['EHA form', ['early-help-assessment']],
    ['thresholds', ['thresholds']],
    ["can i get a carer's assessment?", ['carers-assessment']],
    ['where do I send a completed EHA', ['early-help-assessment']],
    ['who sits on the early help allocation panel?', ['early-help-allocation-panel']],
    ['is there a step up step down process', ['step-up-step-down']],
  ])('%j is answered with %j', (text, expected) => expect(ids(text)).toEqual(expected));

  test.each([
    "I'm doing an EHA for a family, mum is struggling with money and the boys are missing school",
    'my son gave consent for the school trip and now he says he does not want to go on it',
    'how do I get an EHCP needs assessment for my daughter?',
    'can i get tats at 16',
    'how do I step down from being a school governor?',
    'hello',
  ])('%j is not', (text) => expect(ids(text)).toEqual([]));

  test('each pack answers with its own guidance', () => {
    expect(ids('what is iThrive?', somerset)).toEqual(['ithrive']);
    expect(ids('what is iThrive?', bathnes)).toEqual([]);
  });

  test('every piece of guidance in both packs can be asked about', () => {
    for (const piece of [...bathnes, ...somerset]) expect(piece.askedAbout.length).toBeGreaterThan(0);
  });
});
