import Holidays from 'date-holidays';
import type { OfficeHours } from './schema/pack';

// Whether an office is open at an instant, in Europe/London wall-clock time.
// Intl does the GMT/BST arithmetic (so the DST change days need no special
// case) and date-holidays supplies the bank holidays, including substitute
// days and one-off ones such as a state funeral, so nobody keeps a hand list.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
type Region = OfficeHours['closedOnBankHolidays']['region'];

const TIMEZONE = 'Europe/London';
const WEEKDAYS: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIMEZONE,
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** London wall-clock reading of an instant. */
export interface LondonTime {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

export function londonTime(at: Date): LondonTime {
  const parts: Record<string, string> = {};
  for (const p of londonFormat.formatToParts(at)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * Bank holidays by region and year. The year comes from a turn's timestamp, which a channel
 * sends, so the cache holds a few years (this one and its neighbours, for each region) and
 * forgets the one asked for longest ago beyond that: it cannot grow with what clients send.
 */
const holidayCache = new Map<string, Map<string, string>>();
export const HOLIDAY_CACHE_YEARS = 16;
/** Region-years cached now (for tests). */
export const holidayCacheSize = (): number => holidayCache.size;

/**
 * Bank holidays for a year and region as date → name. Only type "public" counts:
 * date-holidays also lists observances such as Mother's Day, when offices are open.
 */
export function bankHolidays(year: number, region: Region = 'ENG'): Map<string, string> {
  const key = `${region}:${year}`;
  let days = holidayCache.get(key);
  if (days) {
    // Most recently asked for last, so the years in use are never the ones forgotten.
    holidayCache.delete(key);
    holidayCache.set(key, days);
  } else {
    days = new Map();
    for (const h of new Holidays('GB', region).getHolidays(year)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    if (holidayCache.size >= HOLIDAY_CACHE_YEARS) holidayCache.delete(holidayCache.keys().next().value as string);
    holidayCache.set(key, days);
  }
  return days;
}

/** The bank holiday's name when the London date of `at` is one, else undefined. */
export function bankHolidayOn(at: Date, region: Region = 'ENG'): string | undefined {
  const { date } = londonTime(at);
  return bankHolidays(Number(date.slice(0, 4)), region).get(date);
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** True when `at` falls inside an opening span (open inclusive, close exclusive) on a day that is not a bank holiday. */
export function isOpen(hours: OfficeHours, at: Date): boolean {
  const local = londonTime(at);
  if (bankHolidays(Number(local.date.slice(0, 4)), hours.closedOnBankHolidays.region).has(local.date)) return false;
  const spans = hours.weekly[local.weekday] ?? [];
  return spans.some((s) => local.minutes >= toMinutes(s.open) && local.minutes < toMinutes(s.close));
}

/** The UTC instant at which London's wall clock reads `date` `hh:mm` (either offset is tried; DST gaps fall forward). */
function londonInstant(date: string, minutes: number): Date {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  const asUtc = new Date(`${date}T${hh}:${mm}:00Z`);
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asUtc.getTime() - offsetHours * 3_600_000);
    const t = londonTime(candidate);
    if (t.date === date && t.minutes === minutes) return candidate;
  }
  return asUtc;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DAY_ORDER: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The next instant the office opens after `at` (or `at` itself when open now), looking
 * ahead up to `withinDays`; undefined when it does not open in that window.
 */
export function nextOpening(hours: OfficeHours, at: Date, withinDays = 14): Date | undefined {
  if (isOpen(hours, at)) return at;
  const now = londonTime(at);
  for (let d = 0; d <= withinDays; d++) {
    const date = addDays(now.date, d);
    if (bankHolidays(Number(date.slice(0, 4)), hours.closedOnBankHolidays.region).has(date)) continue;
    const weekday = DAY_ORDER[new Date(`${date}T12:00:00Z`).getUTCDay()];
    const opens = (hours.weekly[weekday] ?? []).map((s) => toMinutes(s.open)).sort((a, b) => a - b);
    for (const minutes of opens) {
      if (d > 0 || minutes > now.minutes) return londonInstant(date, minutes);
    }
  }
  return undefined;
}
