import { bankHolidayOn, isOpen, londonTime, nextOpening } from '../../knowledge/officeHours';
import type { OfficeHours } from '../../knowledge/schema/pack';

// The B&NES children's front door hours: Mon–Thu 08:30–17:00, Fri 08:30–16:30.
const frontDoor: OfficeHours = {
  id: 'front-door',
  name: 'Front door',
  timezone: 'Europe/London',
  weekly: {
    mon: [{ open: '08:30', close: '17:00' }],
    tue: [{ open: '08:30', close: '17:00' }],
    wed: [{ open: '08:30', close: '17:00' }],
    thu: [{ open: '08:30', close: '17:00' }],
    fri: [{ open: '08:30', close: '16:30' }],
  },
  closedOnBankHolidays: { country: 'GB', region: 'ENG' },
  source: 'https://www.example.org/hours',
  checked: '2026-11-01',
};

const at = (iso: string) => new Date(iso);

describe('isOpen (Europe/London)', () => {
  it.each([
    // [instant (UTC), open?, why]
    ['2026-07-15T09:00:00Z', true, 'Wednesday 10:00 BST'],
    ['2026-01-14T10:00:00Z', true, 'Wednesday 10:00 GMT'],
    ['2026-07-15T07:29:00Z', false, 'Wednesday 08:29 BST, before opening'],
    ['2026-07-15T07:30:00Z', true, 'Wednesday 08:30 BST, opening minute'],
    ['2026-01-14T08:29:00Z', false, 'Wednesday 08:29 GMT'],
    ['2026-01-14T08:30:00Z', true, 'Wednesday 08:30 GMT'],
    ['2026-07-15T15:59:00Z', true, 'Wednesday 16:59 BST'],
    ['2026-07-15T16:00:00Z', false, 'Wednesday 17:00 BST, closed at closing time'],
    ['2026-07-17T15:45:00Z', false, 'Friday 16:45 BST, Friday closes 16:30'],
    ['2026-07-17T15:29:00Z', true, 'Friday 16:29 BST'],
    ['2026-07-16T15:45:00Z', true, 'Thursday 16:45 BST'],
    ['2026-01-16T16:45:00Z', false, 'Friday 16:45 GMT'],
    ['2026-01-15T16:45:00Z', true, 'Thursday 16:45 GMT'],
    ['2026-07-18T10:00:00Z', false, 'Saturday'],
    ['2026-07-19T10:00:00Z', false, 'Sunday'],
    ['2026-07-15T23:30:00Z', false, 'Thursday 00:30 BST (still Wednesday in UTC)'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(isOpen(frontDoor, at(iso))).toBe(expected);
  });

  it.each([
    ['2025-12-25T10:00:00Z', 'Christmas Day (Thursday)'],
    ['2025-12-26T10:00:00Z', 'Boxing Day (Friday)'],
    ['2026-04-06T09:00:00Z', 'Easter Monday'],
    ['2026-04-03T09:00:00Z', 'Good Friday'],
    ['2026-05-04T09:00:00Z', 'Early May bank holiday'],
    ['2026-05-25T09:00:00Z', 'Spring bank holiday'],
    ['2026-08-31T09:00:00Z', 'Summer bank holiday'],
    ['2026-12-28T10:00:00Z', 'Boxing Day substitute (Monday; 26 December 2026 is a Saturday)'],
    ['2027-12-27T10:00:00Z', 'Christmas Day substitute (Monday)'],
    ['2027-12-28T10:00:00Z', 'Boxing Day substitute (Tuesday)'],
    ['2022-09-19T09:00:00Z', "one-off: Queen Elizabeth's funeral"],
  ])('closed on bank holiday %s (%s)', (iso) => {
    expect(isOpen(frontDoor, at(iso))).toBe(false);
    expect(bankHolidayOn(at(iso))).toBeDefined();
  });

  it('is open on ordinary weekdays next to bank holidays', () => {
    expect(isOpen(frontDoor, at('2026-04-07T09:00:00Z'))).toBe(true); // Tuesday after Easter
    expect(isOpen(frontDoor, at('2025-12-24T10:00:00Z'))).toBe(true); // Christmas Eve is not a bank holiday
  });

  it("does not treat observances such as Mother's Day as closures", () => {
    expect(bankHolidayOn(at('2026-03-15T12:00:00Z'))).toBeUndefined();
  });

  it('uses the London date for bank holidays near midnight', () => {
    // 23:30 UTC on 3 May 2026 is 00:30 BST on the Early May bank holiday.
    expect(bankHolidayOn(at('2026-05-03T23:30:00Z'))).toBe('Early May bank holiday');
  });

  describe('on the clock-change days', () => {
    it('spring forward (Sunday 29 March 2026): Monday 08:30 BST is 07:30 UTC', () => {
      expect(londonTime(at('2026-03-29T00:59:00Z')).minutes).toBe(59); // 00:59 GMT
      expect(londonTime(at('2026-03-29T01:00:00Z')).minutes).toBe(120); // 02:00 BST
      expect(isOpen(frontDoor, at('2026-03-30T07:29:00Z'))).toBe(false);
      expect(isOpen(frontDoor, at('2026-03-30T07:30:00Z'))).toBe(true);
      expect(isOpen(frontDoor, at('2026-03-27T08:29:00Z'))).toBe(false); // Friday before, still GMT
      expect(isOpen(frontDoor, at('2026-03-27T08:30:00Z'))).toBe(true);
    });

    it('fall back (Sunday 25 October 2026): Monday 08:30 GMT is 08:30 UTC', () => {
      expect(isOpen(frontDoor, at('2026-10-23T07:30:00Z'))).toBe(true); // Friday 08:30 BST
      expect(isOpen(frontDoor, at('2026-10-26T07:30:00Z'))).toBe(false); // Monday 07:30 GMT
      expect(isOpen(frontDoor, at('2026-10-26T08:30:00Z'))).toBe(true);
    });

    it('an office open on a Sunday follows the change on the day itself', () => {
      const sunday: OfficeHours = { ...frontDoor, weekly: { sun: [{ open: '08:30', close: '17:00' }] } };
      expect(isOpen(sunday, at('2026-03-29T07:30:00Z'))).toBe(true); // 08:30 BST
      expect(isOpen(sunday, at('2026-10-25T07:30:00Z'))).toBe(false); // 07:30 GMT
      expect(isOpen(sunday, at('2026-10-25T08:30:00Z'))).toBe(true);
    });
  });
});

describe('nextOpening', () => {
  it('is the instant itself when open', () => {
    const now = at('2026-07-15T09:00:00Z');
    expect(nextOpening(frontDoor, now)).toEqual(now);
  });

  it('is later the same day before opening', () => {
    expect(nextOpening(frontDoor, at('2026-07-15T05:00:00Z'))).toEqual(at('2026-07-15T07:30:00Z'));
  });

  it('skips the weekend', () => {
    expect(nextOpening(frontDoor, at('2026-07-17T16:00:00Z'))).toEqual(at('2026-07-20T07:30:00Z'));
  });

  it('skips Christmas and Boxing Day and the weekend after', () => {
    // Wed 24 Dec 2025 17:30 GMT → Mon 29 Dec 08:30 GMT.
    expect(nextOpening(frontDoor, at('2025-12-24T17:30:00Z'))).toEqual(at('2025-12-29T08:30:00Z'));
  });

  it('crosses a clock change', () => {
    // Friday 27 March 2026 (GMT) evening → Monday 30 March 08:30 BST.
    expect(nextOpening(frontDoor, at('2026-03-27T18:00:00Z'))).toEqual(at('2026-03-30T07:30:00Z'));
  });

  it('is undefined for an office that never opens', () => {
    expect(nextOpening({ ...frontDoor, weekly: {} }, at('2026-07-15T09:00:00Z'))).toBeUndefined();
  });
});
