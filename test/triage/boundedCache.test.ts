import { BoundedCache, MAP_ENTRY_BYTES, stringBytes } from '../../knowledge/triage/boundedCache';
import { FuzzyCorrector } from '../../knowledge/triage/fuzzy';
import { stem, stemCache } from '../../knowledge/triage/normalise';
import { bankHolidays, HOLIDAY_CACHE_YEARS, holidayCacheSize } from '../../knowledge/officeHours';

// The memos inside triage hold words from what people type, so they are bounded by bytes as
// well as by entries: one pasted 5,000-letter "word" must not weigh as much as a dictionary.

describe('BoundedCache', () => {
  test('gets what was set; a miss is undefined; null is a value', () => {
    const cache = new BoundedCache<string | null>({ maxEntries: 10, maxBytes: 10_000 });
    cache.set('kil', 'kill');
    cache.set('bills', null);
    expect(cache.get('kil')).toBe('kill');
    expect(cache.get('bills')).toBeNull();
    expect(cache.get('other')).toBeUndefined();
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(2 * MAP_ENTRY_BYTES + stringBytes('kil') + stringBytes('kill') + stringBytes('bills'));
  });

  test('never holds more entries than its maximum, and keeps the ones in use', () => {
    const cache = new BoundedCache<string>({ maxEntries: 100, maxBytes: 1024 * 1024 });
    for (let i = 0; i < 10_000; i++) {
      cache.set(`word${i}`, `stem${i}`);
      // A word every message uses.
      if (cache.get('the') === undefined) cache.set('the', 'the');
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(cache.get('the')).toBe('the');
    expect(cache.get('word0')).toBeUndefined();
    expect(cache.get('word9999')).toBe('stem9999');
  });

  test('never holds more bytes than its maximum, however long the keys', () => {
    const cache = new BoundedCache<string>({ maxEntries: 1_000_000, maxBytes: 64 * 1024 });
    for (let i = 0; i < 2_000; i++) {
      const word = `${i}${'a'.repeat(i % 500)}`;
      cache.set(word, word);
      expect(cache.bytes).toBeLessThanOrEqual(64 * 1024);
    }
    expect(cache.size).toBeGreaterThan(0);
    // An entry bigger than half the budget is not kept at all (it would evict everything).
    const huge = 'x'.repeat(40 * 1024);
    cache.set(huge, huge);
    expect(cache.get(huge)).toBeUndefined();
  });

  test('keys over maxKeyLength are not cached; setting a key again replaces it', () => {
    const cache = new BoundedCache<string>({ maxEntries: 10, maxBytes: 10_000, maxKeyLength: 5 });
    cache.set('toolong', 'x');
    expect(cache.get('toolong')).toBeUndefined();
    cache.set('ok', 'a');
    cache.set('ok', 'bb');
    expect(cache.get('ok')).toBe('bb');
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(MAP_ENTRY_BYTES + stringBytes('ok') + stringBytes('bb'));
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });
});

describe('the caches triage keeps', () => {
  test('the stem cache stays within 2 MB and 20,000 words when every message brings new words', () => {
    // 60,000 different made-up words of 4 to 40 letters ("bcaq", "bcaqxxxxxx"...).
    for (let i = 0; i < 60_000; i++) {
      const letters = i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
      stem(`${letters}${'x'.repeat(i % 36)}`);
    }
    // A pasted run of letters is stemmed, and not kept.
    const run = 'abcdefghij'.repeat(500);
    expect(stem(run)).toBe(stem(run));
    expect(stemCache.get(run)).toBeUndefined();
    expect(stemCache.size).toBeLessThanOrEqual(20_000);
    expect(stemCache.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    // Stemming itself is unchanged.
    expect(stem('families')).toBe('famili');
    expect(stem('2024')).toBe('2024');
  });

  test('the spelling corrector answers the same with its cache bounded', () => {
    const fuzzy = new FuzzyCorrector(['suicide', 'kill', 'overdose']);
    for (let i = 0; i < 30_000; i++) fuzzy.correct(`zq${i.toString(36)}x`);
    expect(fuzzy.correct('suicidle')).toBe('suicide');
    expect(fuzzy.correct('kil')).toBe('kill');
    expect(fuzzy.correct('bills')).toBeUndefined();
    expect(fuzzy.correct('o'.repeat(2_000))).toBeUndefined();
  });

  test('bank holidays are cached for a few years only, whatever years turns claim', () => {
    const thisYear = bankHolidays(2026);
    for (let year = 1000; year < 1100; year++) bankHolidays(year);
    expect(bankHolidays(2026)).toEqual(thisYear);
    expect(bankHolidays(2026).get('2026-12-25')).toBe('Christmas Day');
    expect(holidayCacheSize()).toBeLessThanOrEqual(HOLIDAY_CACHE_YEARS);
  });
});
