import fs from 'node:fs';
import path from 'node:path';
import { contactsForRoute, findServices, formatContact } from '../../knowledge/directory';
import { defaultPacksDir, listPacks, loadPack } from '../../knowledge/loader';
import { RISK_ROUTES, ROUTES } from '../../knowledge/vocabulary';
import type { KnowledgePack } from '../../knowledge/schema/pack';

// The real packs the bot ships with: they must load, and the facts the issue
// names must be there, exactly.

const packsDir = defaultPacksDir();
const WEEKDAY_10AM_GMT = new Date('2026-01-14T10:00:00Z');
const SATURDAY_NIGHT = new Date('2026-07-18T22:00:00Z');

function phones(pack: KnowledgePack): string[] {
  return [...pack.contacts, ...pack.services.flatMap((s) => s.contacts)].filter((c) => c.method.kind === 'phone').map((c) => c.method.value);
}

describe.each(['bathnes', 'somerset'])('pack %s', (name) => {
  const pack = loadPack(name);

  it('loads, with all 21 groups, three levels and every route', () => {
    expect(pack.meta.id).toBe(name);
    expect(pack.priorityGroups).toHaveLength(21);
    expect(pack.needLevels).toHaveLength(3);
    expect(pack.routes.map((r) => r.id).sort()).toEqual([...ROUTES].sort());
    expect(pack.services.length).toBeGreaterThan(5);
  });

  it('gives at least one contact for every risk route, in and out of hours', () => {
    for (const route of RISK_ROUTES) {
      for (const at of [WEEKDAY_10AM_GMT, SATURDAY_NIGHT]) {
        const r = contactsForRoute(pack, route, at);
        expect(r.contacts.length).toBeGreaterThan(0);
        expect(r.message.length).toBeGreaterThan(0);
      }
    }
    expect(contactsForRoute(pack, 'emergency', SATURDAY_NIGHT).contacts[0].method).toEqual({ kind: 'phone', value: '999' });
  });

  it('carries the national helplines', () => {
    const numbers = phones(pack);
    for (const n of ['999', '116 123', '0800 1111', '0808 800 5000', '0808 2000 247', '111', '08000 121 700']) {
      expect(numbers).toContain(n);
    }
    expect(pack.contacts.some((c) => c.method.kind === 'text' && c.method.value === '85258')).toBe(true);
  });

  it('never contains fixture-only numbers or addresses', () => {
    const dir = path.join(packsDir, name);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(text).not.toMatch(/01632 ?960|example\.(org|com)/);
    }
  });

  it('finds services for a worry', () => {
    const found = findServices(pack, { groups: ['mental-health'], audience: 'parent-carer', ageBand: '11-19', limit: 5 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.matchedGroups.includes('mental-health'))).toBe(true);
  });

  it('formats every contact as one line', () => {
    for (const c of pack.contacts) expect(formatContact(c)).not.toContain('\n');
  });
});

describe('bathnes specifics from the issue', () => {
  const pack = loadPack('bathnes');

  it('has the children\'s front door, the Request for Service portal and the Emergency Duty Team', () => {
    const numbers = phones(pack);
    expect(numbers).toEqual(expect.arrayContaining(['01225 396312', '01225 396313', '01454 615165']));
    expect(pack.contacts.some((c) => c.method.kind === 'url' && c.method.value === 'https://beta.bathnes.gov.uk/report-concern-about-child')).toBe(true);
  });

  it('switches the child safeguarding route to the Emergency Duty Team out of hours', () => {
    const inHours = contactsForRoute(pack, 'safeguarding-child', WEEKDAY_10AM_GMT);
    const outOfHours = contactsForRoute(pack, 'safeguarding-child', SATURDAY_NIGHT);
    expect(inHours.outOfHours).toBe(false);
    expect(outOfHours.outOfHours).toBe(true);
    const values = (r: typeof inHours) => r.contacts.map((c) => c.method.value);
    expect(values(inHours)).toContain('01225 396312');
    expect(values(outOfHours)).toContain('01454 615165');
    expect(values(outOfHours)).not.toContain('01225 396312');
    // Friday 16:45 is after the Friday 16:30 close.
    expect(contactsForRoute(pack, 'safeguarding-child', new Date('2026-01-16T16:45:00Z')).outOfHours).toBe(true);
  });
});

describe('somerset specifics from the issue', () => {
  const pack = loadPack('somerset');

  it('has Somerset Direct, the Emergency Duty Team and the Early Help Advice Hub, each sourced', () => {
    const byNumber = (n: string) => pack.contacts.filter((c) => c.method.kind === 'phone' && c.method.value === n);
    expect(byNumber('0300 123 2224').length).toBeGreaterThan(0);
    expect(byNumber('0300 123 2327')).toHaveLength(1);
    expect(byNumber('01823 355803')).toHaveLength(1);
    for (const c of [...byNumber('0300 123 2224'), ...byNumber('0300 123 2327'), ...byNumber('01823 355803')]) {
      expect(c.source).toMatch(/^https:\/\//);
    }
  });

  it('uses Somerset Direct hours, Monday to Friday 08:30 to 17:00', () => {
    const hours = pack.officeHours.find((h) => h.id === 'somerset-direct')!;
    expect(Object.keys(hours.weekly).sort()).toEqual(['fri', 'mon', 'thu', 'tue', 'wed']);
    expect(contactsForRoute(pack, 'safeguarding-child', new Date('2026-01-16T16:45:00Z')).outOfHours).toBe(false); // Friday 16:45 open
    expect(contactsForRoute(pack, 'safeguarding-child', new Date('2026-01-16T17:00:00Z')).outOfHours).toBe(true);
    const out = contactsForRoute(pack, 'safeguarding-child', SATURDAY_NIGHT).contacts.map((c) => c.method.value);
    expect(out).toContain('0300 123 2327');
  });

  it('speaks Somerset\'s vocabulary', () => {
    expect(pack.guidance.map((g) => g.id)).toEqual(expect.arrayContaining(['graduated-response', 'lead-professional', 'early-help-assessment', 'ithrive']));
    expect(pack.needLevels.find((l) => l.id === 'universal')!.ithrive).toEqual(['getting-advice']);
    expect(pack.meta.principles.join(' ')).toMatch(/graduated response/);
  });

  it('says plainly which groups the Somerset strategy does not name', () => {
    const notNamed = pack.priorityGroups.filter((g) => g.strategyWording.startsWith('Not named in the Somerset strategy'));
    expect(notNamed.length).toBeGreaterThan(0);
    expect(notNamed.map((g) => g.id)).toContain('bame-communities');
  });
});

it('lists exactly the shipped packs', () => {
  expect(listPacks(packsDir)).toEqual(expect.arrayContaining(['bathnes', 'somerset']));
});
