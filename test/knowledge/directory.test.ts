import {
  contactsForRoute,
  findServices,
  formatContact,
  getContact,
  getGroup,
  getGuidance,
  getNeedLevel,
} from '../../knowledge/directory';
import { loadPack } from '../../knowledge/loader';
import type { Contact } from '../../knowledge/schema/pack';
import { FIXTURE_PACKS } from './packFixture';

const pack = loadPack('testshire', { packsDir: FIXTURE_PACKS });
const ids = (r: ReturnType<typeof findServices>) => r.map((x) => x.service.id);

describe('findServices', () => {
  it('returns only services for the groups asked about, best match first', () => {
    const result = findServices(pack, { groups: ['mental-health'] });
    expect(ids(result).sort()).toEqual(['adult-talking', 'camhs', 'youth-counselling']);
    expect(result.every((r) => r.matchedGroups.includes('mental-health'))).toBe(true);
  });

  it('weights groups by their order in the query', () => {
    const first = findServices(pack, { groups: ['bullying', 'new-parents'] });
    const firstIds = ids(first);
    expect(firstIds.indexOf('youth-counselling')).toBeLessThan(firstIds.indexOf('family-hub'));
    const second = ids(findServices(pack, { groups: ['new-parents', 'bullying'] }));
    expect(second.indexOf('family-hub')).toBeLessThan(second.indexOf('youth-counselling'));
  });

  it('ranks a service matching more of the groups higher', () => {
    const result = findServices(pack, { groups: ['bullying', 'school-attendance'] });
    expect(result[0].service.id).toBe('school-support');
    expect(result[0].matchedGroups).toEqual(['bullying', 'school-attendance']);
  });

  it('leaves out services whose ages do not fit at all', () => {
    expect(ids(findServices(pack, { groups: ['mental-health'], ageBand: 'adult' })).sort()).toEqual(['adult-talking', 'youth-counselling']);
    expect(ids(findServices(pack, { groups: ['mental-health'], ageBand: '5-11' }))).toEqual(['camhs']);
    expect(ids(findServices(pack, { groups: ['mental-health'], ageBand: 'older' }))).toEqual(['adult-talking']);
    expect(ids(findServices(pack, { groups: ['new-parents'], ageBand: 'pre-birth-5' }))).toEqual(['family-hub']);
  });

  it('stretches 11-19 to 25 for young people with SEND', () => {
    expect(ids(findServices(pack, { groups: ['mental-health'], ageBand: '11-19' }))).toContain('youth-counselling');
  });

  it('prefers services for the person asking', () => {
    const young = findServices(pack, { groups: ['mental-health'], audience: 'young-person' });
    expect(young[young.length - 1].service.id).toBe('adult-talking');
    const adult = findServices(pack, { groups: ['mental-health'], audience: 'self' });
    expect(adult[0].service.id).toBe('adult-talking');
  });

  it('prefers the requested level, then the nearer levels', () => {
    const specialist = ids(findServices(pack, { groups: ['mental-health'], level: 'specialist' }));
    expect(specialist[0]).toBe('camhs');
    const universal = findServices(pack, { groups: ['financial-exclusion', 'mental-health'], level: 'universal' });
    expect(universal[0].service.id).toBe('money-advice');
    const levels = findServices(pack, { groups: ['mental-health'], level: 'universal', audience: 'practitioner' });
    const score = (id: string) => levels.find((r) => r.service.id === id)!.score;
    expect(score('youth-counselling')).toBeGreaterThan(score('camhs'));
  });

  it('breaks ties for residents in favour of universal and self-referral services', () => {
    // Both serve bullying only partly and fit a parent; the targeted self-referral one comes before the professional-referral one.
    const result = ids(findServices(pack, { groups: ['bullying'], audience: 'parent-carer' }));
    expect(result.indexOf('youth-counselling')).toBeLessThan(result.indexOf('school-support'));
  });

  it('ranks services that cover the whole age band above ones that barely touch it (real pack)', () => {
    const bathnes = loadPack('bathnes');
    const top = findServices(bathnes, { groups: ['financial-exclusion', 'housing'], audience: 'self', ageBand: 'adult', level: 'targeted', limit: 3 });
    expect(top).toHaveLength(3);
    // An adult's money and housing worries: nothing that stops at 19 (a family service) in the top three.
    for (const r of top) expect(r.service.ages.max).toBeGreaterThanOrEqual(64);
  });

  it("ranks a service whose main focus is the worry above one that lists it last (real pack)", () => {
    const bathnes = loadPack('bathnes');
    const [first] = findServices(bathnes, { groups: ['new-parents'], audience: 'parent-carer', ageBand: 'pre-birth-5', level: 'universal' });
    expect(first.service.priorityGroups[0]).toBe('new-parents');
  });

  it('honours the limit and returns scores between 0 and 1', () => {
    const result = findServices(pack, { groups: ['mental-health', 'bullying'], limit: 2 });
    expect(result).toHaveLength(2);
    for (const r of findServices(pack, { groups: ['mental-health'] })) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(findServices(pack, { groups: ['mental-health'], limit: 0 })).toEqual([]);
  });

  it('with no groups, returns every service that fits the age', () => {
    expect(ids(findServices(pack, { groups: [], ageBand: 'older' })).sort()).toEqual(['adult-talking', 'money-advice']);
  });

  it('returns nothing for a group no service serves', () => {
    expect(findServices(pack, { groups: ['bame-communities'] })).toEqual([]);
  });
});

describe('contactsForRoute', () => {
  it('gives the office-hours list during office hours, after the always list', () => {
    const r = contactsForRoute(pack, 'safeguarding-child', new Date('2026-07-15T09:00:00Z'));
    expect(r.outOfHours).toBe(false);
    expect(r.contacts.map((c) => c.id)).toEqual(['police-999', 'front-door', 'helpline']);
    expect(r.message).toContain("child's safety");
    expect(r.route).toBe('safeguarding-child');
  });

  it('gives the out-of-hours list in the evening, at weekends and on bank holidays', () => {
    for (const iso of ['2026-07-17T15:45:00Z', '2026-07-18T10:00:00Z', '2025-12-25T10:00:00Z']) {
      const r = contactsForRoute(pack, 'safeguarding-child', new Date(iso));
      expect(r.outOfHours).toBe(true);
      expect(r.contacts.map((c) => c.id)).toEqual(['police-999', 'emergency-duty-team', 'helpline']);
    }
  });

  it('for a young person speaking, the route\'s young people\'s lines come right after 999, with their own lead-in', () => {
    const real = loadPack('bathnes');
    const at = new Date('2026-07-15T09:00:00Z');
    const young = contactsForRoute(real, 'safeguarding-child', at, { youngPerson: true });
    expect(young.contacts.map((c) => c.id).slice(0, 3)).toEqual(['police-999', 'childline', 'bathnes-childrens-front-door-1']);
    expect(young.message).toContain('not your fault');
    // Each contact once, and none lost but the line for adults (the NSPCC Helpline).
    const anyone = contactsForRoute(real, 'safeguarding-child', at);
    expect(new Set(young.contacts.map((c) => c.id))).toEqual(new Set(anyone.contacts.map((c) => c.id).filter((id) => id !== 'nspcc-helpline')));
    // A route without 999 first leads with them; one without young people's lines is unchanged.
    expect(contactsForRoute(real, 'crisis', at, { youngPerson: true }).contacts[0].id).toBe('childline');
    expect(contactsForRoute(real, 'safeguarding-adult', at, { youngPerson: true })).toEqual(contactsForRoute(real, 'safeguarding-adult', at));
  });

  it('gives each speaker only the lines they may use themselves (callerAges), and anyone of unknown age every line', () => {
    const real = loadPack('bathnes');
    const ids = (speaker: { youngPerson?: boolean; adult?: boolean }, route: 'safeguarding-child' | 'crisis' = 'safeguarding-child') =>
      contactsForRoute(real, route, new Date('2026-07-15T09:00:00Z'), speaker).contacts.map((c) => c.id);
    // A father telling of his son's harm: the NSPCC Helpline, not Childline.
    expect(ids({ adult: true })).toContain('nspcc-helpline');
    expect(ids({ adult: true })).not.toContain('childline');
    // A 14-year-old: Childline, not the helpline for adults.
    expect(ids({ youngPerson: true })).toContain('childline');
    expect(ids({ youngPerson: true })).not.toContain('nspcc-helpline');
    // Nobody knows who is writing: both.
    expect(ids({})).toEqual(expect.arrayContaining(['childline', 'nspcc-helpline']));
    // An adult in crisis keeps the lines for any age, and the ones without a call lose Childline's chat.
    expect(ids({ adult: true }, 'crisis')).toEqual(expect.arrayContaining(['samaritans', 'shout']));
    const typed = contactsForRoute(real, 'crisis', new Date('2026-07-15T09:00:00Z'), { adult: true }).withoutACall.map((c) => c.id);
    expect(typed).toContain('samaritans-email');
    expect(typed).not.toContain('childline-online');
  });

  it('never recommends a service another has replaced (replacedBy)', () => {
    const real = loadPack('bathnes');
    expect(real.services.find((s) => s.id === 'one-big-database')?.replacedBy).toBe('live-well-bathnes');
    for (const audience of ['parent-carer', 'practitioner', undefined] as const) {
      const ids = findServices(real, { groups: ['early-years-funding', 'new-parents'], audience, limit: 50 }).map((r) => r.service.id);
      expect(ids).not.toContain('one-big-database');
    }
  });

  it('routes without office hours are never "out of hours"', () => {
    const r = contactsForRoute(pack, 'safeguarding-adult', new Date('2026-07-18T23:00:00Z'));
    expect(r.outOfHours).toBe(false);
    expect(r.contacts.map((c) => c.id)).toEqual(['police-999', 'helpline']);
  });

  it('lists a contact once even when it is in two lists', () => {
    const twice = { ...pack, routes: pack.routes.map((r) => (r.id === 'crisis' ? { ...r, officeHours: ['police-999', 'helpline'] } : r)) };
    expect(contactsForRoute(twice, 'crisis', new Date()).contacts.map((c) => c.id)).toEqual(['text-line', 'police-999', 'helpline']);
  });
});

describe('lookups', () => {
  it('find groups, levels, guidance and contacts by id', () => {
    expect(getGroup(pack, 'housing')?.examples).toEqual(['we might lose our flat']);
    expect(getNeedLevel(pack, 'targeted')?.ithrive).toEqual(['getting-help']);
    expect(getGuidance(pack, 'early-help-assessment')?.title).toBe('Early Help Assessment');
    expect(getGuidance(pack, 'nope')).toBeUndefined();
    expect(getContact(pack, 'police-999')?.method).toEqual({ kind: 'phone', value: '999' });
  });
});

describe('formatContact', () => {
  const base: Omit<Contact, 'method'> = {
    id: 'x',
    name: 'Samaritans',
    hours: '24 hours, every day',
    for: 'Anyone',
    source: 'https://www.example.org',
    checked: '2026-11-01',
  };
  it('writes one plain line for each kind of contact', () => {
    expect(formatContact({ ...base, method: { kind: 'phone', value: '116 123' } })).toBe('Samaritans: call 116 123 (24 hours, every day)');
    expect(formatContact({ ...base, name: 'Shout', method: { kind: 'text', value: '85258', keyword: 'SHOUT' } })).toBe(
      'Shout: text SHOUT to 85258 (24 hours, every day)',
    );
    expect(formatContact({ ...base, method: { kind: 'text', value: '85258' } })).toBe('Samaritans: text 85258 (24 hours, every day)');
    expect(formatContact({ ...base, name: 'Directory', method: { kind: 'url', value: 'https://directory.example.org' } })).toBe(
      'Directory: visit https://directory.example.org (24 hours, every day)',
    );
    expect(formatContact({ ...base, method: { kind: 'email', value: 'jo@example.org' } })).toBe('Samaritans: email jo@example.org (24 hours, every day)');
  });
});

describe('findServices: an exact age', () => {
  const bathnes = loadPack('bathnes');
  const ids = (age?: number) =>
    findServices(bathnes, { groups: ['crime-antisocial-behaviour', 'social-isolation', 'parental-conflict'], audience: 'parent-carer', ageBand: '5-11', age, limit: 50 }).map((r) => r.service.id);

  test('a 7-year-old is not offered mentoring for 8 to 19 year olds, or youth work for 11 to 19', () => {
    expect(ids(7)).not.toContain('mentoring-services');
    expect(ids(7)).not.toContain('youth-work');
    // The band alone (5 to 11) overlaps both.
    expect(ids()).toContain('mentoring-services');
  });

  test('a 9-year-old can be', () => {
    expect(ids(9)).toContain('mentoring-services');
  });
});

describe('findServices: a practitioner is not pointed to their own profession', () => {
  const bathnes = loadPack('bathnes');
  const ids = (role?: 'health-visitor' | 'teacher') =>
    findServices(bathnes, { groups: ['new-parents', 'mental-health', 'school-attendance'], audience: 'practitioner', role, limit: 80 }).map((r) => r.service.id);

  test('a health visitor is not recommended health visitors (or school nurses, or midwives)', () => {
    expect(ids()).toContain('health-visitors');
    for (const own of ['health-visitors', 'school-nurses', 'maternity-services']) expect(ids('health-visitor')).not.toContain(own);
    expect(ids('health-visitor')).toContain('schools');
  });

  test('a teacher is not recommended schools', () => {
    expect(ids('teacher')).not.toContain('schools');
    expect(ids('teacher')).toContain('health-visitors');
  });
});

describe('a service shown only for what a worry says (onlyFor)', () => {
  const pack = loadPack('bathnes');
  test('Report Remove leads when a picture is being shared, and is left out of a conversation that did not say so', () => {
    expect(ids(findServices(pack, { groups: ['bullying'], audience: 'young-person', ageBand: '11-19', signals: ['image-sharing'] }))[0]).toBe('report-remove');
    expect(ids(findServices(pack, { groups: ['bullying'], audience: 'parent-carer', ageBand: '5-11', signals: [] }))).not.toContain('report-remove');
  });
  test('a directory search (no signals given) lists it like any other service', () => {
    expect(ids(findServices(pack, { groups: ['bullying'], audience: 'practitioner' }))).toContain('report-remove');
  });
});

// Found holding a person's conversation (a parent with children of 6 and 9 facing eviction):
// housing help serves the adults, and a child's age does not leave it out.
describe('findServices: help with a home or money is for the household', () => {
  const bathnes = loadPack('bathnes');
  const ids = (groups: Parameters<typeof findServices>[1]['groups'], age: number) =>
    findServices(bathnes, { groups, audience: 'parent-carer', ageBand: age < 11 ? '5-11' : '11-19', age, limit: 50 }).map((r) => r.service.id);

  test('a housing worry about a family with a child of 6 leads with housing help for the parents', () => {
    expect(ids(['housing'], 6)[0]).toBe('housing-homelessness-support');
    expect(ids(['financial-exclusion'], 6)).toContain('welfare-support-citizens-advice');
  });

  test('other worries about a child of 6 still leave out services for people of 16 and over', () => {
    expect(ids(['mental-health', 'housing'], 6)).not.toContain('housing-homelessness-support');
    expect(ids(['mental-health'], 6)).not.toContain('community-wellbeing-hub');
    expect(ids(['financial-exclusion'], 6)).toContain('community-wellbeing-hub');
  });
});

describe('findServices: a new worry is answered for itself', () => {
  const bathnes = loadPack('bathnes');
  test('"is there any help for carers?" after a husband\'s stroke: carers support first, the earlier worry only settles ties', () => {
    const first = findServices(bathnes, { groups: ['carers'], earlierGroups: ['physical-health-disability'], audience: 'parent-carer', ageBand: 'older', age: 74, limit: 3 });
    expect(first[0].service.id).toBe('carers-support');
    // The stroke as the new worry, carers' help as the earlier one: not led by carers support.
    const strokeFirst = findServices(bathnes, { groups: ['physical-health-disability'], earlierGroups: ['carers'], audience: 'parent-carer', ageBand: 'older', age: 74, limit: 3 });
    expect(strokeFirst[0].service.id).not.toBe('carers-support');
  });
});

// Found holding a person's conversation (a 15-year-old: "i feel really low all the time and i cant
// talk to my mum"): arts therapies for people of 16 and over led, and nothing a young person could
// reach that day was shown.
describe('findServices: a young person who gave no age', () => {
  const bathnes = loadPack('bathnes');
  const query = { groups: ['mental-health' as const], audience: 'young-person' as const, ageBand: '11-19' as const, level: 'targeted' as const, signals: [] };
  test('is scored as under 18: Childline and the children\'s mental health services lead, ahead of services for 16 and over', () => {
    const shown = ids(findServices(bathnes, { ...query, limit: 3 }));
    expect(shown.slice(0, 2)).toEqual(['childline', 'mental-health-services-children']);
    expect(shown).not.toContain('arts-based-therapies');
  });
  test('services for the band\'s older end are still listed further down, and an age given is used as it is', () => {
    expect(ids(findServices(bathnes, { ...query, limit: 50 }))).toContain('arts-based-therapies');
    expect(ids(findServices(bathnes, { ...query, age: 17, limit: 3 }))).toContain('arts-based-therapies');
  });
});

// Found holding a person's conversation (a carer of 74: "My husband had a stroke and I look after
// him, I'm 74 and worn out"): services touching both worries outranked the carers' centre.
describe('findServices: the first service is mainly for the main worry', () => {
  const bathnes = loadPack('bathnes');
  test('a carer worn out by a husband\'s stroke: carers support first', () => {
    const shown = ids(findServices(bathnes, { groups: ['carers', 'physical-health-disability'], audience: 'self', ageBand: 'older', age: 74, level: 'targeted', signals: [], limit: 3 }));
    expect(shown[0]).toBe('carers-support');
    expect(shown).toContain('direct-payments');
  });
  test('a parent of a 9-year-old who will not go to school: the school first, not alternative education (a professional refers)', () => {
    const shown = ids(findServices(bathnes, { groups: ['school-attendance', 'mental-health'], audience: 'parent-carer', ageBand: '5-11', age: 9, level: 'targeted', signals: [], limit: 3 }));
    expect(shown[0]).toBe('schools');
  });
  test('a practitioner may be shown a service they refer to first', () => {
    const shown = ids(findServices(bathnes, { groups: ['school-attendance', 'neet'], audience: 'practitioner', level: 'targeted', signals: [], limit: 3 }));
    expect(shown[0]).toBe('alternative-education');
  });
});
