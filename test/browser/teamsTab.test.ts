import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { teamsPlugin } from '../../bot/teams';
import { TEAMS_JS_ORIGINS_CDN } from '../../bot/teams/routes';
import { startTestServer, type TestServer } from '../helpers/botServer';

// The Directory tab in headless Chromium, served by the real server: outside Teams (a plain
// page), framed by a page that is not Teams (initialize times out), and framed by a stand-in
// for the Teams client that answers teams-js's initialize and getContext and changes the theme.
// Chromium's local network checks stop a public page framing 127.0.0.1, so there the tab's
// public address is routed to the local server. There is no internet here: the request teams-js makes to Microsoft's CDN for its list of host
// origins is answered with the list the library ships.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TEAMS_HOST_PAGE = 'https://teams.microsoft.com/_test/host';
// Chromium will not let a public origin (the Teams host) frame a loopback address, so inside
// "Teams" the tab is loaded from a public-looking https origin that the test routes to our server.
const TAB_ORIGIN = 'https://early-help.example.org';

let server: TestServer;
let browser: Browser;

/** The origins list teams-js falls back to, read from the library itself. */
function shippedOriginsList(): string {
  const bundle = fs.readFileSync(require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.js'), 'utf8');
  const match = /JSON\.parse\('(\{"validOrigins":\[[^\]]*\]\})'\)/.exec(bundle);
  if (!match) throw new Error('teams-js no longer ships its origins list in the expected form');
  return match[1];
}

interface PageProblems {
  errors: string[];
}

async function openPage(): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  const origins = shippedOriginsList();
  await page.route(`${TEAMS_JS_ORIGINS_CDN}/**`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: origins }));
  return { page, problems };
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  server = await startTestServer({ plugins: [teamsPlugin()] });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('outside Teams', () => {
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ page, problems } = await openPage());
    await page.goto(`${server.url}/teams/tab`);
    await page.waitForSelector('html[data-ready="true"]');
  });
  afterAll(async () => {
    await page.close();
  });

  test('is a plain web page: no Teams, the default theme, every service listed, no console errors', async () => {
    expect(await page.getAttribute('html', 'data-host')).toBe('web');
    expect(await page.getAttribute('html', 'data-theme')).toBe('default');
    const { body } = await server.get('/api/directory/services');
    await expect(page.locator('#results > li').count()).resolves.toBe(body.total);
    expect(await page.textContent('#status')).toBe(`${body.total} services found.`);
    expect(await page.textContent('#council')).toContain('Bath and North East Somerset');
    expect(problems.errors).toEqual([]);
  });

  test('search by words shows matching services with how to refer', async () => {
    await page.fill('#q', 'young carers');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => /services? found/.test(document.getElementById('status')?.textContent ?? '') && document.querySelectorAll('#results > li').length < 30);
    const first = page.locator('#results > li').first();
    expect((await first.locator('h3').textContent())?.toLowerCase()).toContain('carer');
    expect(await first.locator('dt').allTextContents()).toEqual(['Level of need', 'Ages', 'Priority groups', 'How to refer']);
    // Submitting moves focus to the results heading, so keyboard and screen reader users land there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
  });

  test('filters narrow the list; a search with no match says so', async () => {
    await page.fill('#q', '');
    await page.selectOption('#group', 'housing');
    await page.selectOption('#access', 'professional-referral');
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'Searching…');
    const { body } = await server.get('/api/directory/services?group=housing&access=professional-referral');
    await expect(page.locator('#results > li').count()).resolves.toBe(body.total);
    expect(await page.textContent('#status')).toBe(body.total === 1 ? '1 service found.' : `${body.total} services found.`);

    await page.fill('#q', 'zzzzqqqq');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').startsWith('No services match'));
    await expect(page.locator('#results > li').count()).resolves.toBe(0);
    await page.click('button[type="reset"]');
    await page.waitForFunction(() => /^\d+ services found\.$/.test(document.getElementById('status')?.textContent ?? ''));
  });

  test('every control has a label and the page has one h1; the keyboard reaches the search box first after the skip link', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select')].filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    const fresh = await browser.newPage();
    await fresh.goto(`${server.url}/teams/tab`);
    await fresh.waitForSelector('html[data-ready="true"]');
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.id)).toBe('q');
    await fresh.close();
  });

  test.each(['default', 'dark', 'contrast'])('passes axe-core accessibility checks (WCAG 2.1 A and AA) in the %s theme', async (theme) => {
    // Evaluated through the browser's debugging channel: the page's CSP rightly refuses injected scripts.
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});

test('framed by a page that is not Teams, initialize times out and the page still works, without errors', async () => {
  const { page, problems } = await openPage();
  await page.route(`${server.url}/_test/frame`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Not Teams</title><iframe title="tab" src="${server.url}/teams/tab" width="900" height="700"></iframe>` }),
  );
  await page.goto(`${server.url}/_test/frame`);
  const frame = page.frameLocator('iframe');
  await frame.locator('html[data-ready="true"]').waitFor({ timeout: 10_000 });
  expect(await frame.locator('html').getAttribute('data-host')).toBe('web');
  expect(await frame.locator('#results > li').count()).toBeGreaterThan(0);
  expect(problems.errors).toEqual([]);
  await page.close();
});

/** A stand-in for the Teams web client: answers teams-js over postMessage, as the real host does. */
const FAKE_TEAMS_HOST = (tabUrl: string) => `<!doctype html><title>Teams</title>
<iframe id="tab" title="Directory" src="${tabUrl}" width="900" height="700"></iframe>
<script>
  window.calls = [];
  const frame = document.getElementById('tab');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string' || event.source !== frame.contentWindow) return;
    window.calls.push(message.func);
    const reply = (args) => event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
    if (message.func === 'initialize') reply(['content', 'web', '', '2.0.0']);
    if (message.func === 'getContext') reply([{ theme: 'dark', locale: 'cy-GB', hostClientType: 'web', frameContext: 'content', entityId: 'directory' }]);
  });
  window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
</script>`;

test('inside Teams it takes the theme and locale from getContext and follows theme changes', async () => {
  const { page, problems } = await openPage();
  await page.route(`${TAB_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${server.url}${url.pathname}${url.search}` }) });
  });
  await page.route(TEAMS_HOST_PAGE, (route) => route.fulfill({ contentType: 'text/html', body: FAKE_TEAMS_HOST(`${TAB_ORIGIN}/teams/tab`) }));
  await page.goto(TEAMS_HOST_PAGE);
  const frame = page.frameLocator('#tab');
  await frame.locator('html[data-ready="true"]').waitFor({ timeout: 10_000 });

  expect(await page.evaluate(() => (window as unknown as { calls: string[] }).calls)).toEqual(expect.arrayContaining(['initialize', 'getContext']));
  expect(await frame.locator('html').getAttribute('data-host')).toBe('teams');
  expect(await frame.locator('html').getAttribute('data-theme')).toBe('dark');
  expect(await frame.locator('html').getAttribute('lang')).toBe('cy-GB');
  const dark = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  expect(dark).toBe('rgb(31, 31, 31)');

  await page.evaluate(() => (window as unknown as { changeTheme: (t: string) => void }).changeTheme('contrast'));
  await frame.locator('html[data-theme="contrast"]').waitFor();
  expect(await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe('rgb(0, 0, 0)');
  await page.evaluate(() => (window as unknown as { changeTheme: (t: string) => void }).changeTheme('default'));
  await frame.locator('html[data-theme="default"]').waitFor();

  // The search works inside Teams too.
  await frame.locator('#q').fill('housing');
  await frame.locator('#q').press('Enter');
  await frame.locator('#results > li h3').first().waitFor();
  expect(((await frame.locator('#results > li h3').first().textContent()) ?? '').toLowerCase()).toContain('housing');
  expect(problems.errors).toEqual([]);
  await page.close();
});

test('the screenshots a reviewer can look at are written for each theme', async () => {
  const { page } = await openPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${server.url}/teams/tab`);
  await page.waitForSelector('html[data-ready="true"]');
  const dir = path.join(process.cwd(), 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  for (const theme of ['default', 'dark', 'contrast']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const file = path.join(dir, `teams-tab-${theme}.png`);
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  }
  await page.close();
});
