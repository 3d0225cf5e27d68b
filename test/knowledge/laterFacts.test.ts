import { aboutNamed, readLaterFacts } from '../../knowledge/understanding/laterFacts';

// Who or how old, typed after the services were shown (a 17-year-old's "me" and "17" had been
// refused at "What next?"), and replies that say more than that or nothing of it.
describe('facts typed after the services', () => {
  test.each([
    ['17', { years: 17 }],
    ["I'm 17", { myself: true, years: 17 }],
    ['me, 15', { myself: true, years: 15 }],
    ["it's for me", { myself: true }],
    ["she's 7", { years: 7 }],
    ['8 months', { years: 0 }],
    ["for my dad, he's 80", { relationship: 'dad', years: 80 }],
    ['my son, 15', { relationship: 'son', years: 15 }],
    ['for my mum', { relationship: 'mum' }],
  ] as const)('%j says %j', (text, facts) => expect(readLaterFacts(text)).toEqual(facts));

  test.each(['no', 'thanks', 'ok', "I'm her mum", 'HV here', 'he hits me', 'my son is being bullied', 'what about money?'])('%j says none', (text) =>
    expect(readLaterFacts(text)).toBeUndefined(),
  );

  test.each([
    ['son', undefined, 'child'],
    ['dad', 80, 'older-person'],
    ['dad', 50, 'adult'],
    ['mum', undefined, 'older-person'],
    ['husband', 40, 'adult'],
    ['wife', 70, 'older-person'],
    ['friend', 15, undefined],
  ] as const)('%j aged %j is about %j', (relationship, years, about) => expect(aboutNamed(relationship, years)).toBe(about));
});
