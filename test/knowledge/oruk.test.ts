import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import {
  describeSchedules,
  importOrukServices,
  matchGroups,
  matchLevel,
  normalisePhone,
  readOrukPage,
  slugify,
} from '../../knowledge/oruk';
import { loadPack } from '../../knowledge/loader';
import { serviceSchema } from '../../knowledge/schema/pack';
import { main } from '../../scripts/import-oruk';
import { copyFixturePacks, type TempPacks } from './packFixture';

const FIXTURE = path.join(__dirname, 'fixtures', 'oruk-services.json');
const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const ctx = { source: 'https://directory.example.org/api/services', checked: '2026-11-23', directoryName: 'Testshire Directory' };

describe('readOrukPage', () => {
  it('reads a paginated answer, a plain array and a single service', () => {
    const page = readOrukPage(fixture);
    expect(page.items).toHaveLength(8);
    expect(page).toMatchObject({ pageNumber: 1, totalPages: 1, declaredSource: 'https://directory.example.org/api/services' });
    expect(readOrukPage([{ id: 'a', name: 'A' }]).items).toHaveLength(1);
    expect(readOrukPage({ id: 'a', name: 'A' }).items).toHaveLength(1);
  });

  it('refuses something that is not a services list', () => {
    expect(() => readOrukPage({ hello: 'world' })).toThrow(/not an Open Referral UK services list/);
    expect(() => readOrukPage('text')).toThrow();
    expect(() => readOrukPage(null)).toThrow();
  });
});

describe('importOrukServices on the fixture', () => {
  const result = importOrukServices(readOrukPage(fixture).items, ctx);
  const byName = (name: string) => result.imported.find((i) => i.service.name === name)!;

  it('imports the good services and skips the bad ones with reasons', () => {
    expect(result.imported.map((i) => i.service.id)).toEqual([
      'example-family-hub',
      'example-young-minds-counselling',
      'example-money-matters',
      'example-carers-cafe',
      'example-family-hub-2',
    ]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ index: 4, orukId: '1b0f6c1e-0005-4b6a-9a40-000000000005', reason: 'name is missing' }),
      expect.objectContaining({ index: 5, name: 'Example Closed Service', reason: expect.stringContaining('inactive') }),
      expect.objectContaining({ index: 6, reason: expect.stringContaining('expected object') }),
    ]);
  });

  it('produces entries valid against the services.json schema', () => {
    expect(z.array(serviceSchema).safeParse(result.imported.map((i) => i.service)).success).toBe(true);
  });

  it('maps contacts only from the feed, citing the source and the import date', () => {
    const hub = byName('Example Family Hub').service;
    expect(hub.contacts.map((c) => [c.method.kind, c.method.value])).toEqual([
      ['phone', '01632 960001'],
      ['url', 'https://familyhub.example.org'],
      ['email', 'hello@familyhub.example.org'],
    ]);
    for (const c of hub.contacts) {
      expect(c.source).toBe(ctx.source);
      expect(c.checked).toBe('2026-11-23');
      expect(c.hours).toBe('Mon, Tue, Wed, Thu, Fri 09:00 to 17:00');
    }
    expect(hub.contacts[0].name).toBe('Example Family Hub: Reception');
    expect(hub.description).toContain('Run by Example Council.');
  });

  it('takes level, groups and ages from taxonomy terms and eligibility', () => {
    const hub = byName('Example Family Hub');
    expect(hub.service.level).toBe('universal');
    expect(hub.service.priorityGroups).toContain('new-parents');
    expect(hub.service.ages).toEqual({ min: 0, max: 5 });
    expect(hub.service.appliesTo).toEqual(expect.arrayContaining(['children', 'parents-carers']));
    expect(hub.notes).toEqual([]);

    const cafe = byName('Example Carers Café');
    expect(cafe.service.level).toBe('targeted');
    expect(cafe.service.priorityGroups).toEqual(expect.arrayContaining(['carers']));
    expect(cafe.service.ages).toEqual({ min: 18, max: 120 });
    expect(cafe.service.appliesTo).toEqual(expect.arrayContaining(['adults', 'older-people']));
  });

  it('normalises international phone numbers and keeps the eligibility wording', () => {
    const counselling = byName('Example Young Minds Counselling').service;
    expect(counselling.contacts[0].method).toEqual({ kind: 'phone', value: '01632 960123' });
    expect(counselling.contacts[0].for).toBe('Young people aged 11 to 25 living in Exampleshire');
    expect(counselling.contacts[0].hours).toBe('Monday to Thursday, 10am to 6pm');
    expect(counselling.priorityGroups).toEqual(['mental-health']);
  });

  it('flags every guess for review', () => {
    const money = byName('Example Money Matters');
    expect(money.service.level).toBe('targeted');
    expect(money.service.ages).toEqual({ min: 0, max: 120 });
    expect(money.notes).toEqual(
      expect.arrayContaining([
        'priority group "financial-exclusion" guessed from the word "debt"',
        'level not in the feed: set to "targeted"; check it',
        'no ages in the feed: set to all ages; check it',
      ]),
    );
    expect(money.service.contacts.map((c) => c.method.value)).toEqual(['01632 960099', 'https://advice.example.org', 'advice@advice.example.org']);
  });

  it('drops phone numbers it cannot check and then says how to find the service', () => {
    const cafe = byName('Example Carers Café');
    expect(cafe.service.contacts).toEqual([]);
    expect(cafe.service.howToFind).toBe('Search Testshire Directory for "Example Carers Café".');
    expect(cafe.notes).toEqual(expect.arrayContaining(['phone "12345" dropped: not a UK number in a shape we can check']));
    const second = byName('Example Family Hub') === result.imported[0] ? result.imported[4] : result.imported[0];
    expect(second.notes.join('\n')).toContain('url "ftp://familyhub.example.org/files" dropped');
  });

  it('keeps ids unique, also against ids already taken', () => {
    const again = importOrukServices(readOrukPage(fixture).items, { ...ctx, takenIds: ['example-family-hub'] });
    expect(again.imported[0].service.id).toBe('example-family-hub-2');
    expect(again.imported[4].service.id).toBe('example-family-hub-3');
  });
});

describe('mapping helpers', () => {
  it('matches groups by taxonomy first, then whole words in the text', () => {
    expect(matchGroups(['Domestic abuse'], '')).toEqual([{ group: 'domestic-abuse', by: 'taxonomy', phrase: 'domestic abuse' }]);
    expect(matchGroups([], 'Support for young carers and their families').map((m) => m.group)).toEqual(['carers']);
    // "send" as a verb must not make a SEND service; "debtor" is not "debt".
    expect(matchGroups([], 'Send us a message')).toEqual([]);
    expect(matchGroups([], 'debtors ledger')).toEqual([]);
    expect(matchGroups(['SEND'], '').map((m) => m.group)).toEqual(['learning-difficulties-autism']);
  });

  it('reads the level from taxonomy terms, most specialist first', () => {
    expect(matchLevel(['Universal service'])).toBe('universal');
    expect(matchLevel(['Early help', 'Open access'])).toBe('targeted');
    expect(matchLevel(['Children\'s social care'])).toBe('specialist');
    expect(matchLevel(['Parenting'])).toBeUndefined();
  });

  it('normalises phone numbers into the shapes the schema accepts', () => {
    expect(normalisePhone('+44 (0)1632 960 001')).toBe('01632 960001');
    expect(normalisePhone('01632 9600')).toBeUndefined();
    expect(normalisePhone('+441632960001')).toBe('01632 960001');
    expect(normalisePhone('0044 20 7946 0000')).toBe('020 7946 0000');
    expect(normalisePhone('03001232224')).toBe('0300 123 2224');
    expect(normalisePhone('0808-800-5000')).toBe('0808 800 5000');
    expect(normalisePhone('116123')).toBe('116 123');
    expect(normalisePhone('999')).toBe('999');
    expect(normalisePhone('12345')).toBeUndefined();
    expect(normalisePhone('call us')).toBeUndefined();
  });

  it('describes schedules in words', () => {
    expect(describeSchedules([{ byday: 'SA,SU', opens_at: '10:00:00', closes_at: '12:30:00' }])).toBe('Sat, Sun 10:00 to 12:30');
    expect(describeSchedules([{ description: 'Term time only' }, { description: 'Term time only' }])).toBe('Term time only');
    expect(describeSchedules([{ byday: 'MO' }])).toBeUndefined();
  });

  it('makes slugs from names', () => {
    expect(slugify('Café & Crèche: Under 5s!')).toBe('cafe-and-creche-under-5s');
    expect(slugify('***')).toBe('service');
  });
});

describe('knowledge:import-oruk command', () => {
  let tmp: TempPacks;
  let out: string[];
  let err: string[];
  const io = () => ({ out: (s: string) => out.push(s), err: (s: string) => err.push(s) });
  const today = new Date('2026-11-23T12:00:00Z');
  const packDir = () => path.join(tmp.dir, 'testshire');

  beforeEach(() => {
    tmp = copyFixturePacks();
    out = [];
    err = [];
  });
  afterEach(() => tmp.cleanup());

  it('writes services.imported.json next to the pack, and the pack still loads', async () => {
    const code = await main([FIXTURE, '--pack', 'testshire', '--packs-dir', tmp.dir], io(), today);
    expect(code).toBe(0);
    const written = JSON.parse(fs.readFileSync(path.join(packDir(), 'services.imported.json'), 'utf8'));
    expect(written).toHaveLength(5);
    expect(written[0].contacts[0].checked).toBe('2026-11-23');
    expect(out.join('\n')).toContain('Imported 5, skipped 3.');
    expect(out.join('\n')).toContain('check: level not in the feed');
    expect(() => loadPack('testshire', { packsDir: tmp.dir })).not.toThrow();
  });

  it('--out writes elsewhere and --dry-run writes nothing', async () => {
    const target = path.join(tmp.dir, 'out', 'services.json');
    expect(await main([FIXTURE, '--pack', 'testshire', '--packs-dir', tmp.dir, '--out', target], io(), today)).toBe(0);
    expect(fs.existsSync(target)).toBe(true);
    expect(await main([FIXTURE, '--pack', 'testshire', '--packs-dir', tmp.dir, '--dry-run'], io(), today)).toBe(0);
    expect(fs.existsSync(path.join(packDir(), 'services.imported.json'))).toBe(false);
    expect(out.join('\n')).toContain('Dry run: nothing written.');
  });

  it('--merge adds new services to services.json only when the merged pack loads', async () => {
    const before = JSON.parse(fs.readFileSync(path.join(packDir(), 'services.json'), 'utf8'));
    expect(await main([FIXTURE, '--pack', 'testshire', '--packs-dir', tmp.dir, '--merge'], io(), today)).toBe(0);
    const after = JSON.parse(fs.readFileSync(path.join(packDir(), 'services.json'), 'utf8'));
    expect(after).toHaveLength(before.length + 5);
    expect(loadPack('testshire', { packsDir: tmp.dir }).services).toHaveLength(before.length + 5);
  });

  it('--merge refuses to touch services.json when the pack would not load', async () => {
    tmp.edit('guidance.json', (g: any[]) => {
      g[0].contacts.push('ghost');
    });
    const before = fs.readFileSync(path.join(packDir(), 'services.json'), 'utf8');
    expect(await main([FIXTURE, '--pack', 'testshire', '--packs-dir', tmp.dir, '--merge'], io(), today)).toBe(1);
    expect(fs.readFileSync(path.join(packDir(), 'services.json'), 'utf8')).toBe(before);
    expect(err.join('\n')).toContain('guidance.json: [0].contacts[1]: contact "ghost"');
  });

  it('refuses malformed JSON and writes nothing', async () => {
    const bad = path.join(tmp.dir, 'bad.json');
    fs.writeFileSync(bad, '{ "contents": [ {"id": "1", "name": "x"}, ');
    expect(await main([bad, '--pack', 'testshire', '--packs-dir', tmp.dir, '--source', 'https://directory.example.org'], io(), today)).toBe(1);
    expect(err.join('\n')).toMatch(/bad\.json is not valid JSON/);
    expect(fs.existsSync(path.join(packDir(), 'services.imported.json'))).toBe(false);
  });

  it('refuses a file without a declared https source, and an http source', async () => {
    const plain = path.join(tmp.dir, 'plain.json');
    fs.writeFileSync(plain, JSON.stringify(fixture.contents));
    expect(await main([plain, '--pack', 'testshire', '--packs-dir', tmp.dir], io(), today)).toBe(1);
    expect(err.join('\n')).toContain('needs --source');
    expect(await main([plain, '--pack', 'testshire', '--packs-dir', tmp.dir, '--source', 'http://directory.example.org'], io(), today)).toBe(1);
    expect(err.join('\n')).toContain('must be a public https:// URL');
  });

  it('fails without writing when no service can be imported', async () => {
    const none = path.join(tmp.dir, 'none.json');
    fs.writeFileSync(none, JSON.stringify({ source: 'https://directory.example.org', contents: [{ id: 'x' }, 42] }));
    expect(await main([none, '--pack', 'testshire', '--packs-dir', tmp.dir], io(), today)).toBe(1);
    expect(err.join('\n')).toContain('no services could be imported; nothing written');
    expect(out.join('\n')).toContain('name is missing');
    expect(fs.existsSync(path.join(packDir(), 'services.imported.json'))).toBe(false);
  });

  it('prints usage with --help', async () => {
    expect(await main(['--help'], io(), today)).toBe(0);
    expect(out.join('\n')).toContain('Usage: knowledge:import-oruk');
  });

  it('explains bad usage', async () => {
    expect(await main([], io(), today)).toBe(2);
    expect(await main([FIXTURE], io(), today)).toBe(2);
    expect(await main([FIXTURE, '--pack', '../x'], io(), today)).toBe(2);
    expect(await main([FIXTURE, '--pack', 'testshire', '--bogus'], io(), today)).toBe(2);
    expect(await main([FIXTURE, '--pack', 'nowhere', '--packs-dir', tmp.dir], io(), today)).toBe(1);
    expect(err.join('\n')).toContain('--pack <name> is required');
    expect(err.join('\n')).toContain('no pack "nowhere"');
  });

  describe('from a URL', () => {
    let server: http.Server;
    let base: string;
    const pages: Record<string, { status: number; type: string; body: string }> = {};
    beforeAll(async () => {
      const items = fixture.contents.filter((x: unknown) => typeof x === 'object');
      const page = (n: number, contents: unknown[]) =>
        JSON.stringify({ total_items: items.length, total_pages: 2, page_number: n, size: contents.length, contents });
      pages['/services?page=1'] = { status: 200, type: 'application/json', body: page(1, items.slice(0, 4)) };
      pages['/services'] = pages['/services?page=1'];
      pages['/services?page=2'] = { status: 200, type: 'application/json', body: page(2, items.slice(4)) };
      pages['/missing'] = { status: 404, type: 'text/plain', body: 'not here' };
      pages['/html'] = { status: 200, type: 'text/html', body: '<html>hello</html>' };
      server = http.createServer((req, res) => {
        if (req.url === '/slow') return; // never answers: the client must time out
        const p = pages[req.url ?? ''] ?? pages['/missing'];
        res.writeHead(p.status, { 'content-type': p.type });
        res.end(p.body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('follows pages and cites --source', async () => {
      const code = await main([`${base}/services`, '--pack', 'testshire', '--packs-dir', tmp.dir, '--source', 'https://directory.example.org/api/services', '--json'], io(), today);
      expect(code).toBe(0);
      const report = JSON.parse(out.join('\n'));
      expect(report.imported.length + report.skipped.length).toBe(7);
      expect(report.source).toBe('https://directory.example.org/api/services');
    });

    it('gives a clear error for a non-200 answer, a non-JSON answer and a timeout', async () => {
      const args = (p: string) => [`${base}${p}`, '--pack', 'testshire', '--packs-dir', tmp.dir, '--source', 'https://directory.example.org', '--timeout-ms', '300'];
      expect(await main(args('/missing'), io(), today)).toBe(1);
      expect(await main(args('/html'), io(), today)).toBe(1);
      expect(await main(args('/slow'), io(), today)).toBe(1);
      const text = err.join('\n');
      expect(text).toContain('answered 404');
      expect(text).toContain('did not answer with JSON (content-type text/html)');
      expect(text).toContain('no answer within 300 ms');
      expect(fs.existsSync(path.join(packDir(), 'services.imported.json'))).toBe(false);
    });

    it('refuses to cite a plain http URL as the source', async () => {
      expect(await main([`${base}/services`, '--pack', 'testshire', '--packs-dir', tmp.dir], io(), today)).toBe(1);
      expect(err.join('\n')).toContain('must be a public https:// URL');
    });
  });
});
