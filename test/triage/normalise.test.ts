import { normalise, RiskDetector } from '../../knowledge/triage';

describe('normalise', () => {
  it('lower-cases, strips punctuation and straightens curly quotes', () => {
    expect(normalise('I’m SO tired!!! Help…')).toBe('i am so tired help');
  });

  it('expands contractions with and without apostrophes', () => {
    expect(normalise("I can't, I won't, she'll, they're, I've")).toBe('i can not i will not she will they are i have');
    expect(normalise('i cant dont wont im')).toBe('i can not do not will not i am');
  });

  it('expands text speak and slang', () => {
    expect(normalise('u r gonna b ok, ur bf wanna talk 2 sum1')).toBe('you are going to be ok your boyfriend want to talk to someone');
    expect(normalise('some1 said kms')).toBe('someone said kill myself');
    expect(normalise('kys')).toBe('kill yourself');
    expect(normalise('i want to unalive myself')).toBe('i want to kill myself');
    expect(normalise('my gf is sad')).toBe('my girlfriend is sad');
  });

  it('collapses long letter repeats', () => {
    expect(normalise('pleeeease help, soooo tired')).toBe('please help so tired');
  });

  it('rewrites "want 2" as "want to" but leaves other numbers alone', () => {
    expect(normalise('i want 2 die')).toBe('i want to die');
    expect(normalise('i have 2 kids')).toBe('i have 2 kids');
  });

  it('reads digits inside words as letters ("k1ll", "su1c1de")', () => {
    expect(normalise('k1ll myself')).toBe('kill myself');
    expect(normalise('su1c1de')).toBe('suicide');
  });

  it('reads an emoji that stands for a thing as its word, with any skin tone; other emoji drop out', () => {
    expect(normalise('\u{1F476} choking help')).toBe('baby choking help');
    expect(normalise('he has a \u{1F52A}\u{1F52A} outside')).toBe('he has a knife knife outside');
    expect(normalise('\u{1F476}\u{1F3FD}\u{1F37C}')).toBe('baby baby');
    expect(normalise('took all my \u{1F48A}\uFE0F \u{1F62D}')).toBe('took all my pills');
  });

  it('joins words split apart', () => {
    expect(normalise('my step dad hurt my self')).toBe('my stepdad hurt myself');
  });

  it('reads the area\'s own name as one word, not "be nes" (an answer "B&NES" got a crisis check-in)', () => {
    expect(normalise('B&NES')).toBe('banes');
    expect(normalise('i live in banes')).toBe('i live in banes');
  });

  it('turns ages written short into words', () => {
    expect(normalise('my 5yo and 14yrs old')).toContain('5 year old');
  });
});

describe('fuzzy spelling of risk words (natural Damerau-Levenshtein + Jaro-Winkler)', () => {
  const cases: Array<[string, string]> = [
    ['kil myself', 'kill myself'],
    ['i feel suicidle', 'i feel suicide'],
    ['my neigbours', 'my neighbours'],
    ['hurtin myself', 'hurting myself'],
    ["she od'd", 'she overdosed'],
    ['overdossed', 'overdosed'],
    ['myslef', 'myself'],
    ['he strangeled me', 'he strangled me'],
    ['sucidal thoughts', 'suicidal thoughts'],
  ];
  it.each(cases)('%s -> %s', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it('reads an inflection it cannot spell as the same stem ("abuseing" is "abusing")', () => {
    const detector = new RiskDetector();
    const { stems } = detector.normaliser.normalise('he keeps abuseing her');
    expect(stems).toEqual(detector.normaliser.normalise('he keeps abusing her').stems);
  });

  it('does not turn everyday words into risk words', () => {
    expect(normalise('these bills will kill')).toBe('these bills will kill');
    expect(normalise('i want to dye my hair')).toBe('i want to dye my hair');
    expect(normalise('my mum chucked me out')).toBe('my mum chucked me out');
    expect(normalise('the cat sat on the hill')).toBe('the cat sat on the hill');
  });

  it('keeps everyday words once "corrected" into risk words, and still corrects misspellings that are words', () => {
    // Each of these was once "corrected" into a risk word (v16's first run: "ripped up" as "raped").
    expect(normalise('grass all ripped up by bikes')).toBe('grass all ripped up by bikes');
    expect(normalise('an odd shaped bruise on the pillows')).toBe('an odd shaped bruise on the pillows');
    expect(normalise('i feel suicdal')).toBe('i feel suicidal');
    // A misspelling that is itself a word is still read as the risk word (a review of this stop).
    expect(normalise('i shelf harm')).toBe('i self harm');
    expect(normalise('im sacred to go home')).toBe('i am scared to go home');
    expect(normalise('my baby is not breaching')).toBe('my baby is not breathing');
    expect(normalise('i feel like deing')).toBe('i feel like dying');
  });

  it('only corrects words it does not know', () => {
    const detector = new RiskDetector(['kiln']);
    expect(detector.normaliser.normalise('kiln').tokens).toEqual(['kiln']);
  });
});
