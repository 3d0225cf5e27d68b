import { isBareAnswer } from '../../knowledge/understanding/bareAnswer';

// Replies that say only who and how old (multi-turn hold-out v9's older people and carers), and
// replies that tell something more, which the model must still read.
describe('a bare answer says who and how old, and nothing else', () => {
  test.each([
    "It's for me. I'm 71.",
    'It is for me and my wife. I am 80 and she is 78.',
    'Him',
    'me and my little girl',
    "she's 7",
    'my son, 8',
    '2 and 6',
    'for my mum',
    'both of us, 45 and 47',
    // The writer saying who they are (multi-turn hold-out v12: a check-in for "I'm her mum").
    "I'm her mum",
    'im his grandad',
    'I am the foster carer, he is 12',
    // A professional saying who they are: "HV here" had a crisis check-in (a person test).
    'HV here',
    "I'm a teacher",
  ])('%j is bare', (text) => expect(isBareAnswer(text)).toBe(true));

  test.each([
    'I am 83 and I live alone.',
    'he hits me',
    'my stepdad',
    'he is 14 and scared',
    'i want to die',
    'hes 16 and in a gang',
    'nobody',
    '',
    'a '.repeat(40),
    // A young person's age beside an adult's: the model reads these too (a review of this stop).
    'im 14 hes 23',
    'me 14 him 25',
    'her 12 him 40',
    "I'm her mum and he hits me",
    "i'm scared",
    'HV here, mum says he hits her',
  ])('%j is not', (text) => expect(isBareAnswer(text)).toBe(false));
});
