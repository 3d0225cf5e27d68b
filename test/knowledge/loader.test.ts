import path from 'node:path';
import { PackError, defaultPacksDir, listPacks, loadPack, formatPath } from '../../knowledge/loader';
import { PRIORITY_GROUP_IDS } from '../../knowledge/vocabulary';
import { FIXTURE_PACKS, copyFixturePacks, type TempPacks } from './packFixture';

function loadError(packsDir: string, name = 'testshire'): PackError {
  try {
    loadPack(name, { packsDir });
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return e as PackError;
  }
  throw new Error('expected loadPack to throw');
}

describe('loadPack on a valid pack', () => {
  const pack = loadPack('testshire', { packsDir: FIXTURE_PACKS });

  it('returns every part of the pack', () => {
    expect(pack.meta.id).toBe('testshire');
    expect(pack.priorityGroups).toHaveLength(21);
    expect(pack.needLevels.map((l) => l.id)).toEqual(['universal', 'targeted', 'specialist']);
    expect(pack.services.length).toBeGreaterThan(0);
    expect(pack.routes).toHaveLength(7);
    expect(pack.officeHours[0].id).toBe('front-door');
    expect(pack.guidance[0].contacts).toEqual(['front-door']);
  });

  it('fills schema defaults, so routes always have all three lists', () => {
    const emergency = pack.routes.find((r) => r.id === 'emergency')!;
    expect(emergency.officeHours).toEqual([]);
    expect(emergency.outOfHours).toEqual([]);
  });

  it('merges shared and pack example phrases, shared first, without repeats', () => {
    const mh = pack.priorityGroups.find((g) => g.id === 'mental-health')!;
    expect(mh.examples).toEqual(["I can't stop worrying", 'I feel low all the time']);
    expect(pack.priorityGroups.find((g) => g.id === 'housing')!.examples).toEqual(['we might lose our flat']);
    expect(pack.priorityGroups.find((g) => g.id === 'carers')!.examples).toEqual([]);
  });

  it('can skip the shared examples', () => {
    const alone = loadPack('testshire', { packsDir: FIXTURE_PACKS, sharedExamplesFile: false });
    expect(alone.priorityGroups.find((g) => g.id === 'mental-health')!.examples).toEqual(['I feel low all the time']);
  });

  it('lists packs but not the shared folder', () => {
    expect(listPacks(FIXTURE_PACKS)).toEqual(['testshire']);
  });
});

describe('loadPack refuses bad packs with file, path and reason', () => {
  let tmp: TempPacks;
  beforeEach(() => {
    tmp = copyFixturePacks();
  });
  afterEach(() => tmp.cleanup());

  it('names file, line and column of a JSON syntax error', () => {
    tmp.write('services.json', '[\n  {\n    "id": "x",\n  }\n]\n');
    const err = loadError(tmp.dir);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].file).toBe('services.json');
    expect(err.message).toContain('services.json: is not valid JSON at line 4, column 3');
  });

  it('reports an unknown priority group id on a service, with its path', () => {
    tmp.edit('services.json', (s: any[]) => {
      s[1].priorityGroups.push('money-worries');
    });
    const err = loadError(tmp.dir);
    expect(err.issues).toEqual([
      expect.objectContaining({ file: 'services.json', path: '[1].priorityGroups[2]', message: expect.stringContaining('unknown priority group "money-worries"') }),
    ]);
  });

  it('reports duplicate ids in every file that has them', () => {
    tmp.edit('services.json', (s: any[]) => {
      s[2].id = s[0].id;
    });
    tmp.edit('contacts.json', (c: any) => {
      c.contacts[1].id = 'police-999';
      c.routes.push({ ...c.routes[0] });
    });
    tmp.edit('office-hours.json', (h: any[]) => [h[0], h[0]]);
    tmp.edit('guidance.json', (g: any[]) => [g[0], g[0]]);
    tmp.edit('priority-groups.json', (g: any[]) => [...g, g[3]]);
    const text = loadError(tmp.dir).message;
    expect(text).toContain('services.json: [2].id: duplicate id "family-hub" (first used at [0])');
    expect(text).toContain('contacts.json: contacts[1].id: duplicate id "police-999"');
    expect(text).toContain('contacts.json: routes[7].id: duplicate id "emergency"');
    expect(text).toContain('office-hours.json: [1].id: duplicate id "front-door"');
    expect(text).toContain('guidance.json: [1].id: duplicate id "early-help-assessment"');
    expect(text).toContain('priority-groups.json: [21].id: duplicate id "crime-antisocial-behaviour"');
  });

  it('reports a phone number in the wrong shape, naming the exact field', () => {
    tmp.edit('services.json', (s: any[]) => {
      s[0].contacts[0].method.value = '01632 96';
    });
    const err = loadError(tmp.dir);
    expect(err.issues[0].path).toBe('[0].contacts[0].method.value');
    expect(err.message).toMatch(/services\.json: \[0\]\.contacts\[0\]\.method\.value: must be a UK phone number.*found "01632 96"/);
  });

  it('reports every problem at once, across files', () => {
    tmp.edit('services.json', (s: any[]) => {
      s[0].contacts[0].method.value = '12345678';
      s[3].level = 'tier-2';
    });
    tmp.edit('contacts.json', (c: any) => {
      delete c.contacts[2].source;
      c.contacts[3].checked = '2026-02-30';
    });
    tmp.write('guidance.json', '{ nope');
    const err = loadError(tmp.dir);
    const where = err.issues.map((i) => `${i.file}: ${i.path}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'services.json: [0].contacts[0].method.value',
        'services.json: [3].level',
        'contacts.json: contacts[2].source',
        'contacts.json: contacts[3].checked',
        'guidance.json: ',
      ]),
    );
    expect(err.message).toContain('contacts[2].source: is missing (every fact needs a source');
    expect(err.message).toContain('real calendar date');
  });

  it('checks references between files', () => {
    tmp.edit('contacts.json', (c: any) => {
      c.routes[2].outOfHours.push('nobody');
      c.routes[2].officeHoursId = 'no-such-hours';
      c.contacts[1].officeHoursId = 'missing-hours';
    });
    tmp.edit('guidance.json', (g: any[]) => {
      g[0].contacts.push('ghost');
    });
    tmp.edit('contacts.json', (c: any) => {
      c.talk = { listening: { default: [c.contacts[0].id], 'young-person': ['phantom'] }, byText: { default: [c.contacts[0].id] } };
    });
    tmp.edit('services.json', (s: any[]) => {
      s[0].contacts[0].officeHoursId = 'elsewhere';
      s[1].replacedBy = 'no-such-service';
    });
    tmp.edit('contacts.json', (c: any) => {
      c.routes[2].whatHappens = 'not-a-contact';
      c.routes[2].withoutACall = ['nor-this'];
    });
    const text = loadError(tmp.dir).message;
    expect(text).toContain('services.json: [1].replacedBy: service "no-such-service" is not in services.json');
    expect(text).toContain('contacts.json: routes[2].whatHappens: contact "not-a-contact" is not in contacts');
    expect(text).toContain('contacts.json: routes[2].withoutACall[0]: contact "nor-this" is not in contacts');
    expect(text).toContain('contacts.json: routes[2].outOfHours[2]: contact "nobody" is not in contacts');
    expect(text).toContain('contacts.json: routes[2].officeHoursId: officeHoursId "no-such-hours" is not in office-hours.json');
    expect(text).toContain('contacts.json: contacts[1].officeHoursId: officeHoursId "missing-hours"');
    expect(text).toContain('guidance.json: [0].contacts[1]: contact "ghost" is not in contacts.json');
    expect(text).toContain('contacts.json: talk.listening.young-person[0]: contact "phantom" is not in contacts');
    expect(text).toContain('services.json: [0].contacts[0].officeHoursId: officeHoursId "elsewhere"');
  });

  it('requires all 21 priority groups, all three levels and every route', () => {
    tmp.edit('priority-groups.json', (g: any[]) => g.filter((x) => x.id !== 'carers' && x.id !== 'housing'));
    tmp.edit('need-levels.json', (l: any[]) => l.slice(0, 2));
    tmp.edit('contacts.json', (c: any) => {
      c.routes = c.routes.filter((r: any) => r.id !== 'crisis');
    });
    const text = loadError(tmp.dir).message;
    expect(text).toContain('priority-groups.json: missing priority groups "housing", "carers"');
    expect(text).toContain('need-levels.json: missing need level "specialist"');
    expect(text).toContain('contacts.json: routes: missing route "crisis"');
  });

  it('refuses a risk route that would leave someone with no contact', () => {
    tmp.edit('contacts.json', (c: any) => {
      c.routes[1].always = [];
      c.routes[2].always = [];
      c.routes[2].outOfHours = [];
    });
    const text = loadError(tmp.dir).message;
    expect(text).toContain('routes[1]: risk route "crisis" gives no contact during office hours');
    expect(text).toContain('routes[2]: risk route "safeguarding-child" gives no contact out of hours');
  });

  it('refuses out-of-hours contacts that could never be shown', () => {
    tmp.edit('contacts.json', (c: any) => {
      c.routes[3].outOfHours = ['helpline', 'emergency-duty-team'];
    });
    expect(loadError(tmp.dir).message).toContain('routes[3].outOfHours: "emergency-duty-team" would never be shown');
  });

  it('checks that pack.json id matches the folder and seed sources are declared', () => {
    tmp.edit('pack.json', (m: any) => {
      m.id = 'elsewhere';
    });
    tmp.edit('need-levels.json', (l: any[]) => {
      l[1].source = 'seed:other-strategy#levels';
    });
    const text = loadError(tmp.dir).message;
    expect(text).toContain('pack.json: id: is "elsewhere" but the folder is "testshire"');
    expect(text).toContain('need-levels.json: [1].source: source "seed:other-strategy#levels" refers to "other-strategy", which is not declared');
  });

  it('names unknown fields, missing files and stray JSON files', () => {
    tmp.edit('guidance.json', (g: any[]) => {
      g[0].titel = 'typo';
    });
    tmp.remove('office-hours.json');
    tmp.write('service.json', '[]');
    tmp.write('services.imported.json', '[]');
    const err = loadError(tmp.dir);
    expect(err.message).toContain('guidance.json: [0]: has an unknown field "titel"');
    expect(err.message).toContain('office-hours.json: file is missing');
    expect(err.message).toContain('service.json: is not a pack file');
    expect(err.message).not.toContain('services.imported.json');
  });

  it('validates the example phrase files too', () => {
    tmp.edit('examples.json', (e: any) => ({ ...e, 'money-worries': ['skint'] }));
    expect(loadError(tmp.dir).message).toContain('examples.json: has an unknown field "money-worries"');
  });

  it('refuses pack names that are not plain slugs', () => {
    for (const name of ['../testshire', 'Testshire', 'a/b', '', 'shared', '..']) {
      expect(() => loadPack(name, { packsDir: tmp.dir })).toThrow(PackError);
    }
    expect(loadError(tmp.dir, 'nowhere').message).toContain('packs available: testshire');
  });
});

describe('formatPath', () => {
  it('writes array indexes in brackets and keys with dots', () => {
    expect(formatPath([12, 'contacts', 0, 'method', 'value'])).toBe('[12].contacts[0].method.value');
    expect(formatPath(['routes', 2, 'always'])).toBe('routes[2].always');
    expect(formatPath(['a b'])).toBe('["a b"]');
  });
});

describe('defaultPacksDir', () => {
  it('finds knowledge/packs of this project', () => {
    expect(defaultPacksDir()).toBe(path.resolve(__dirname, '..', '..', 'knowledge', 'packs'));
  });

  it('covers the vocabulary', () => {
    expect(PRIORITY_GROUP_IDS).toHaveLength(21);
  });
});
