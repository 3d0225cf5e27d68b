import { loadPack } from '../../knowledge/loader';
import { teamsPlugin } from '../../bot/teams';
import { CONTENT_SECURITY_POLICY } from '../../bot/teams/routes';
import { startTestServer, type TestServer } from '../helpers/botServer';

// The directory tab's HTTP side through the real server: pages, assets, headers and the JSON API.

let server: TestServer;
const pack = loadPack('bathnes');

beforeAll(async () => {
  server = await startTestServer({ plugins: [teamsPlugin({ pack })] });
});
afterAll(async () => {
  await server.close();
});

describe('GET /api/directory/services', () => {
  test('with no query lists every service but the replaced ones, each with how to refer and sourced contacts', async () => {
    const { status, body, headers } = await server.get('/api/directory/services');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body.total).toBe(pack.services.filter((s) => s.replacedBy === undefined).length);
    expect(body.services.map((s: { id: string }) => s.id)).not.toContain('one-big-database');
    for (const service of body.services) {
      expect(service.howToRefer).toEqual(expect.any(String));
      expect(service.contacts.length > 0 || typeof service.howToFind === 'string').toBe(true);
      for (const contact of service.contacts) {
        expect(contact.source).toMatch(/^(seed:|https:\/\/)/);
        expect(contact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(contact.href).toMatch(/^(tel:|sms:|mailto:|https?:\/\/)/);
      }
    }
  });

  test('words find the service that names them first', async () => {
    const { body } = await server.get('/api/directory/services?q=young%20carers');
    expect(body.total).toBeGreaterThan(0);
    expect(body.services[0].name.toLowerCase()).toContain('carer');
  });

  test('a word found in a service\'s name, group and description ranks it above one whose name only shares the stem', async () => {
    // "housing" and "Dorothy House" share the stem "hous" (the Teams tab had listed the hospice first).
    const { body } = await server.get('/api/directory/services?q=housing');
    const names: string[] = body.services.map((s: { name: string }) => s.name);
    expect(names[0].toLowerCase()).toContain('housing');
    const dorothy = names.findIndex((n) => n.includes('Dorothy House'));
    expect(dorothy === -1 || dorothy > names.findIndex((n) => n.startsWith('Housing'))).toBe(true);
  });

  test('filters by priority group, level, age and access route', async () => {
    const { body } = await server.get('/api/directory/services?group=housing&level=targeted&age=adult&access=self-referral');
    expect(body.total).toBeGreaterThan(0);
    for (const s of body.services) {
      expect(s.groups.map((g: { id: string }) => g.id)).toContain('housing');
      expect(s.level.id).toBe('targeted');
      expect(['self-referral', 'both']).toContain(s.access);
      expect(s.ages.min <= 64 && s.ages.max >= 18).toBe(true);
    }
  });

  test('empty parameters (an untouched form field) are ignored', async () => {
    const all = await server.get('/api/directory/services');
    const blank = await server.get('/api/directory/services?q=&group=&level=&age=&access=');
    expect(blank.body.total).toBe(all.body.total);
  });

  test('words that match nothing give an empty list, not an error', async () => {
    const { status, body } = await server.get('/api/directory/services?q=zzzzqqqq');
    expect(status).toBe(200);
    expect(body).toEqual({ total: 0, services: [] });
  });

  test.each([
    ['group=aliens', /^group must be a priority group id/],
    ['level=urgent', /^level must be one of universal, targeted, specialist/],
    ['age=42', /^age must be one of/],
    ['access=walk-in', /^access must be one of self-referral, professional-referral/],
    ['limit=0', /^limit must be a whole number from 1 to 100/],
    [`q=${'a'.repeat(201)}`, /^q must be at most 200 characters/],
    ['colour=blue', /^unknown parameter colour/],
    ['group=housing&group=carers', /^group: give it once/],
    // Given once: "constructor" was taken for a parameter given twice (the `in` operator).
    ['constructor=1', /^unknown parameter constructor$/],
    // Long names are cut in the message: a 5,000-character one was echoed whole.
    [`${'k'.repeat(5000)}=1`, /^unknown parameter k{40}\.\.\.$/],
    [`${'k'.repeat(5000)}=1&${'k'.repeat(5000)}=2`, /^k{40}\.\.\.: give it once$/],
    [Array.from({ length: 50 }, (_, i) => `p${i}=1`).join('&'), /^unknown parameter p0, p1, p2, p3, p4 and 45 more$/],
  ])('400 with a short JSON error for %s', async (query, message) => {
    const { status, body } = await server.get(`/api/directory/services?${query}`);
    expect(status).toBe(400);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatch(message);
    expect(body.error.length).toBeLessThan(300);
  });
});

test('GET /api/directory/filters gives the lists the tab offers', async () => {
  const { status, body } = await server.get('/api/directory/filters');
  expect(status).toBe(200);
  expect(body.council).toBe('Bath and North East Somerset');
  expect(body.groups).toHaveLength(21);
  expect(body.levels.map((l: { id: string }) => l.id)).toEqual(['universal', 'targeted', 'specialist']);
  expect(body.ageBands.map((a: { id: string }) => a.id)).toEqual(['pre-birth-5', '5-11', '11-19', 'adult', 'older']);
  expect(body.access.map((a: { id: string }) => a.id)).toEqual(['self-referral', 'professional-referral']);
});

describe('the tab page and its assets', () => {
  test('GET /teams/tab is HTML that Teams may frame, with a strict content security policy', async () => {
    const { status, headers, body } = await server.get('/teams/tab');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft");
    // A frame-blocking header would stop Teams showing the tab.
    expect(headers.get('x-frame-options')).toBeNull();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(body).toContain('<label for="q">');
    expect(body).toContain('static/teams-js.min.js');
  });

  test('teams-js is served from our own origin', async () => {
    const { status, headers, body } = await server.get('/teams/static/teams-js.min.js');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(body).toContain('microsoftTeams');
  });

  test.each(['tab.js', 'tab.css'])('serves %s', async (file) => {
    const { status } = await server.get(`/teams/static/${file}`);
    expect(status).toBe(200);
  });

  test('an unknown asset is a JSON 404, and no path escapes the folder', async () => {
    for (const file of ['nope.js', '..%2F..%2Fpackage.json', '%2E%2E%2Fconfig.ts', 'toString', 'constructor', '__proto__']) {
      const { status, body } = await server.get(`/teams/static/${file}`);
      expect(status).toBe(404);
      expect(body).toEqual({ error: 'No such file.' });
    }
  });

  test.each(['about', 'privacy', 'terms'])('the manifest links to /teams/%s, which exists', async (page) => {
    const { status, headers } = await server.get(`/teams/${page}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
