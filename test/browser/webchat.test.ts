import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { registerWebChat, type WebChat } from '../../bot/webchat';
import { startTestServer, type TestServer } from '../helpers/botServer';
import { makeTempDir } from '../helpers/tempDir';

// The council website channel in headless Chromium: the real server and bot, the page at `/`,
// Web Chat talking to the embedded Direct Line endpoint. There is no internet here, so the
// neutral site quick exit goes to is answered by the test (page.route).

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXIT_URL = 'https://www.bbc.co.uk/weather';
const RESULTS = path.resolve(__dirname, '../../test-results');
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

let server: TestServer;
let webchat: WebChat;
let browser: Browser;
let removeDataDir: () => Promise<void>;
// A stand-in council website on another origin, serving deployment/webchat/embed.html.
let councilSite: http.Server;
let councilOrigin: string;

interface PageProblems {
  console: string[];
  csp: string[];
  /** The conversation the page was given, read from its token response. */
  conversationId?: string;
  /** WebSocket URLs the page opened, and how many times it polled for activities. */
  sockets: string[];
  polls: number;
}

async function openChat(viewport = { width: 1280, height: 900 }, url?: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport });
  const problems: PageProblems = { console: [], csp: [], sockets: [], polls: 0 };
  page.on('websocket', (socket) => problems.sockets.push(socket.url()));
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/activities\b/.test(request.url())) problems.polls += 1;
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.console.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.console.push(`pageerror: ${error.message}`));
  page.on('response', async (response) => {
    if (response.url().endsWith('/api/directline/token')) problems.conversationId = (await response.json()).conversationId;
  });
  await page.exposeFunction('__reportCsp', (text: string) => problems.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Weather</title><h1>Weather</h1>' }),
  );
  await page.goto(url ?? `${server.url}/`);
  await page.locator('.webchat__bubble').first().waitFor();
  return { page, problems };
}

/** Moves to the suggested actions with Shift+Tab, then to one choice with the arrow keys, and presses it. */
/**
 * Waits until the transcript has stopped scrolling (Web Chat scrolls smoothly to a new reply): on a
 * busy machine a fixed pause read the reply's position mid-scroll, 16 px short of where it stops.
 */
async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const top = await page.evaluate(() => document.querySelector('.webchat__basic-transcript__scrollable')?.scrollTop ?? 0);
    if (top === last) return;
    last = top;
  }
}

async function chooseSuggestedAction(page: Page, title: string): Promise<void> {
  await tabTo(page, (el) => el.classList.contains('webchat__suggested-action'), { backwards: true });
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  // Stacked buttons (a narrow chat) move with the up and down arrows; buttons in rows (a wide
  // chat) with left and right.
  for (let i = 0; i < 8 && (await focused()) !== title; i++) {
    const before = await focused();
    await page.keyboard.press('ArrowDown');
    if ((await focused()) === before) await page.keyboard.press('ArrowRight');
  }
  expect(await focused()).toBe(title);
  await page.keyboard.press('Enter');
}

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: Element) => boolean, { backwards = false, max = 30 } = {}): Promise<void> {
  const fn = matches.toString();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const found = await page.evaluate((source) => {
      const test = new Function(`return (${source})`)() as (el: Element) => boolean;
      return document.activeElement ? test(document.activeElement) : false;
    }, fn);
    if (found) return;
  }
  throw new Error(`Could not reach the element with ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

const lastBotText = (page: Page) =>
  page.evaluate(() => {
    const bubbles = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')];
    return bubbles.map((b) => b.textContent ?? '').join('\n');
  });

async function runAxe(page: Page) {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
  });
}

async function storageSnapshot(page: Page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).length,
    caches: 'caches' in window ? (await caches.keys()).length : 0,
  }));
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run npm run test:browser (installs it on CI) or set CHROMIUM_PATH`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const data = await makeTempDir('eha-webchat-');
  removeDataDir = data.remove;
  const snippet = fs.readFileSync(path.resolve(__dirname, '../../deployment/webchat/embed.html'), 'utf8');
  councilSite = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(snippet.replaceAll('https://earlyhelp.example.gov.uk', server.url));
  });
  await new Promise<void>((resolve) => councilSite.listen(0, '127.0.0.1', () => resolve()));
  councilOrigin = `http://127.0.0.1:${(councilSite.address() as AddressInfo).port}`;
  server = await startTestServer({ env: { STORAGE: 'lowdb', DATA_DIR: data.dir } });
  webchat = registerWebChat(server.app, { env: { WEBCHAT_EXIT_URL: EXIT_URL, WEBCHAT_ALLOWED_ORIGINS: councilOrigin } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

afterAll(async () => {
  await browser?.close();
  webchat?.close();
  await server?.close();
  await new Promise<void>((resolve) => (councilSite ? councilSite.close(() => resolve()) : resolve()));
  await removeDataDir?.();
});

describe('the chat page, by keyboard only', () => {
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ page, problems } = await openChat());
  });

  afterAll(async () => {
    await page?.close();
  });

  test('the page is in British English, with a skip link first and the exit link next', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Exit this page');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
  });

  test('the bot greets; "I\'m worried about money" typed and sent from the keyboard gets a question with choices', async () => {
    expect(await lastBotText(page)).toMatch(/not a person/i);
    await tabTo(page, (el) => el.getAttribute('data-id') === 'webchat-sendbox-input');
    await page.keyboard.type("I'm worried about money");
    await page.keyboard.press('Enter');
    await page.locator('.webchat__bubble--from-user', { hasText: "I'm worried about money" }).waitFor();
    await page.locator('.webchat__suggested-action', { hasText: 'Me' }).first().waitFor();
    expect(await lastBotText(page)).toContain('Who is the worry about?');
    // Focus stays in the send box while the answer arrives (Web Chat announces it in a live region).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
  });

  test('suggested actions are buttons reached with the keyboard; pressing one answers and focus returns to the send box', async () => {
    const names = await page.locator('.webchat__suggested-action').evaluateAll((buttons) =>
      buttons.map((b) => `${b.tagName}:${b.textContent?.trim()}`),
    );
    expect(names).toEqual(expect.arrayContaining(['BUTTON:Me', 'BUTTON:A child']));
    // Screen readers: the choices are a labelled toolbar that announces itself, and each new
    // bot message is read out from Web Chat's live region.
    const toolbar = page.locator('.webchat__suggested-actions');
    expect(await toolbar.getAttribute('role')).toBe('toolbar');
    expect(await toolbar.getAttribute('aria-label')).toBe('Suggested actions');
    expect(await toolbar.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.webchat__live-region-transcript').textContent()).toContain('Who is the worry about?');
    // Alt+Shift+A jumps from the send box straight to the choices.
    await page.keyboard.press('Alt+Shift+A');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('webchat__suggested-action'))).toBe(true);
    await page.locator(SEND_BOX).focus();
    await chooseSuggestedAction(page, 'Me');
    await page.locator('.webchat__suggested-action', { hasText: '18 to 64' }).waitFor();
    expect(await lastBotText(page)).toContain('How old are you?');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
  });

  test('the bot answers with services, shown as a card a screen reader can read', async () => {
    await chooseSuggestedAction(page, '18 to 64');
    await page.getByText('These services may help', { exact: false }).first().waitFor();
    const card = page.locator('.ac-adaptiveCard').first();
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText.length).toBeGreaterThan(40);
    // The transcript exposes each activity, card included, to assistive technology.
    const transcriptLabel = await page.locator('.webchat__basic-transcript').first().getAttribute('aria-label');
    expect(transcriptLabel).toBeTruthy();
    const announced = (await page.locator('.webchat__live-region-transcript').textContent()) ?? '';
    expect(announced).toContain('These services may help');
    // The card's own text is announced too, not just the message above it.
    expect(announced).toContain(cardText.trim().slice(0, 20));
    await page.screenshot({ path: path.join(RESULTS, 'webchat-services.png') });
  });

  test('axe-core finds no WCAG 2.2 A/AA violations with the conversation, choices and cards on screen', async () => {
    const violations = await runAxe(page);
    expect(violations).toEqual([]);
  });

  test('nothing is kept in browser storage', async () => {
    expect(await storageSnapshot(page)).toEqual({ localStorage: 0, sessionStorage: 0, cookie: '', indexedDB: 0, caches: 0 });
  });

  test('activities arrive over the Direct Line stream (WebSocket), not by polling', () => {
    expect(problems.sockets).toHaveLength(1);
    expect(problems.sockets[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[^/]+\/stream\?/);
    expect(problems.polls).toBe(0);
  });

  test('no CSP violations and no console errors or warnings', () => {
    expect(problems.csp).toEqual([]);
    expect(problems.console).toEqual([]);
  });
});

describe('safe rendering', () => {
  test('what the user types is shown as text; links the bot did not author stay plain text', async () => {
    const { page, problems } = await openChat();
    const payload = '<img src=x onerror="window.__xss=1"> [click](javascript:window.__xss=2) **bold** https://evil.example/phish';
    await page.locator(SEND_BOX).fill(payload);
    await page.keyboard.press('Enter');
    const mine = page.locator('.webchat__bubble--from-user').last();
    await mine.waitFor();
    await page.waitForTimeout(500);
    expect((await mine.textContent())?.trim()).toBe(payload);
    expect(await mine.locator('img, a, strong').count()).toBe(0);

    // A bot message echoing the same text as markdown (what the page must defend against)
    // plus a link the bot really authored, to a site in the knowledge pack.
    const allowed = webchat.settings && (await (await fetch(`${server.url}/webchat/config.json`)).json()).linkOrigins[0];
    expect(typeof allowed).toBe('string');
    expect(problems.conversationId).toBeTruthy();
    const conversation = webchat.store.get(problems.conversationId!)!;
    webchat.store.append(conversation, [
      {
        type: 'message',
        from: { id: 'early-help-assistant', name: 'Early help assistant', role: 'bot' },
        text: `You said: ${payload} [Phish](https://evil.example/x) and [Live Well](${allowed}/)`,
        timestamp: new Date(),
      },
    ]);
    const echo = page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: 'You said:' });
    await echo.waitFor();
    expect(await echo.locator('img').count()).toBe(0);
    const hrefs = await echo.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([`${allowed}/`]);
    expect(await echo.textContent()).toContain('Phish');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: path.join(RESULTS, 'webchat-safe-rendering.png') });
    expect(problems.csp).toEqual([]);
    await page.close();
  });
});

describe('reflow at 400% zoom (320 CSS px wide)', () => {
  test('no sideways scrolling; the exit link and send box stay usable', async () => {
    const { page } = await openChat({ width: 320, height: 256 });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const botBubbles = page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
    const before = await botBubbles.count();
    await page.locator(SEND_BOX).fill('hello');
    await page.keyboard.press('Enter');
    await page.locator('.webchat__bubble--from-user').last().waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n,
      before,
      { timeout: 15_000 },
    );
    await expect(page.locator('.ehc-exit').isVisible()).resolves.toBe(true);
    const after = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(after).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'webchat-320px.png') });
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });
});

describe('the page on a phone (issue 13, point 3 in part)', () => {
  test('at 320 x 640 the chat and its send box are on screen without scrolling; the header names the council; no button text is cut', async () => {
    const { page } = await openChat({ width: 320, height: 640 });
    const layout = await page.evaluate(() => {
      const chat = document.querySelector('.ehc-chat__webchat')!.getBoundingClientRect();
      const box = document.querySelector('.webchat__send-box-text-box')!.getBoundingClientRect();
      return { chatTop: chat.top, boxBottom: box.bottom, height: window.innerHeight, scrolled: window.scrollY };
    });
    expect(layout.scrolled).toBe(0);
    expect(layout.chatTop).toBeGreaterThan(0);
    expect(layout.boxBottom).toBeLessThanOrEqual(layout.height);
    expect(await page.locator('.site-header__name').innerText()).toBe('Bath and North East Somerset');
    await page.locator('.webchat__suggested-action').first().waitFor();
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.webchat__suggested-action__text')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
    );
    expect(cut).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, 'webchat-320x640-load.png') });
    await page.close();
  });

  test.each([
    [1280, 800],
    [1024, 768],
  ])('at %i x %i the introduction sits beside the chat, and the send box is on screen without scrolling', async (width, height) => {
    const { page } = await openChat({ width, height });
    const layout = await page.evaluate(() => {
      const chat = document.querySelector('.ehc-chat__webchat')!.getBoundingClientRect();
      const box = document.querySelector('.webchat__send-box-text-box')!.getBoundingClientRect();
      const intro = document.querySelector('main h1')!.getBoundingClientRect();
      return { chatLeft: chat.left, introRight: intro.right, boxBottom: box.bottom, height: window.innerHeight, scrolled: window.scrollY };
    });
    expect(layout.scrolled).toBe(0);
    expect(layout.introRight).toBeLessThanOrEqual(layout.chatLeft);
    expect(layout.boxBottom).toBeLessThanOrEqual(layout.height);
    await page.screenshot({ path: path.join(RESULTS, `webchat-${width}x${height}-load.png`) });
    await page.close();
  });
});

describe('a risk reply is seen from its start (issue 13, point 1 in part)', () => {
  test.each([
    [320, 640],
    [1280, 800],
  ])('at %ix%i px the risk reply\'s 999 line and first contact are on screen, and phone numbers are tel: links', async (width, height) => {
    const { page } = await openChat({ width, height });
    const before = await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count();
    await page.locator(SEND_BOX).fill('i want to kill myself');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length >= n + 3, before, { timeout: 15_000 });
    await scrollSettled(page);
    // The risk reply's lead (the crisis route's message in the pack) names 999.
    const lead = await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: 'in danger now, call 999' }).last().boundingBox();
    // The route's first contact, Samaritans, as a link a phone dials.
    const first = await page.locator('a[href="tel:116123"]').last().boundingBox();
    const transcript = await page.locator('.webchat__basic-transcript__scrollable').boundingBox();
    const exitBar = await page.locator('.ehc-exit-bar').boundingBox();
    // What can be seen: the transcript's part below the exit bar and inside the window.
    const top = Math.max(transcript!.y, exitBar ? exitBar.y + exitBar.height : 0, 0);
    const bottom = Math.min(transcript!.y + transcript!.height, height);
    // The lead from its first line (where it says 999) and the first contact are all in that part.
    expect(lead!.y).toBeGreaterThanOrEqual(top - 1);
    expect(lead!.y + lead!.height).toBeGreaterThan(top + 20);
    expect(lead!.y + lead!.height).toBeLessThanOrEqual(bottom);
    expect(first!.y).toBeGreaterThanOrEqual(top);
    expect(first!.y + first!.height).toBeLessThanOrEqual(bottom);
    const tel = await page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(tel).toEqual(expect.arrayContaining([['tel:116123', 'Call 116 123'], ['tel:999', 'Call 999']]));
    // The text line is an sms: link too, with the word to send, and still written out.
    const sms = await page.locator('a[href^="sms:"]').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(sms).toEqual(expect.arrayContaining([['sms:85258?body=SHOUT', 'Text SHOUT to 85258']]));
    await page.screenshot({ path: path.join(RESULTS, `webchat-risk-${width}px.png`) });
    await page.close();
  });
});

// A person test at 320 px: after "i dont want to ring anyone" the follow-up's Shout line, the one
// contact for someone who will not phone, was scrolled above the screen.
describe('a risk follow-up is seen from its start too', () => {
  test('at 320x640, after "i dont want to ring anyone" the follow-up\'s first line and its text line are on screen', async () => {
    const height = 640;
    const { page } = await openChat({ width: 320, height });
    const bubbles = '.webchat__bubble:not(.webchat__bubble--from-user)';
    let before = await page.locator(bubbles).count();
    await page.locator(SEND_BOX).fill('i want to kill myself');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length >= n + 3, before, { timeout: 15_000 });
    await scrollSettled(page);
    before = await page.locator(bubbles).count();
    await page.locator(SEND_BOX).fill('i dont want to ring anyone');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length >= n + 1, before, { timeout: 15_000 });
    await scrollSettled(page);
    await page.screenshot({ path: path.join(RESULTS, 'webchat-risk-follow-up-320px.png') });
    const lead = await page.locator(bubbles, { hasText: 'have to phone' }).last().boundingBox({ timeout: 5_000 });
    const sms = await page.locator('a[href^="sms:"]').last().boundingBox();
    const transcript = await page.locator('.webchat__basic-transcript__scrollable').boundingBox();
    const exitBar = await page.locator('.ehc-exit-bar').boundingBox();
    const top = Math.max(transcript!.y, exitBar ? exitBar.y + exitBar.height : 0, 0);
    const bottom = Math.min(transcript!.y + transcript!.height, height);
    expect(lead!.y).toBeGreaterThanOrEqual(top - 1);
    expect(sms!.y).toBeGreaterThanOrEqual(top);
    expect(sms!.y + sms!.height).toBeLessThanOrEqual(bottom);
    await page.close();
  });
});

describe('quick exit', () => {
  test('"Exit this page" clears the chat at once and replaces the page (Back does not return to it)', async () => {
    const { page } = await openChat();
    await page.locator(SEND_BOX).fill('something private');
    await page.keyboard.press('Enter');
    await page.locator('.webchat__bubble--from-user').last().waitFor();
    // Hold the neutral page back a little, to see what is on screen in between.
    await page.unroute(`${EXIT_URL}**`);
    await page.route(`${EXIT_URL}**`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Weather</title><h1>Weather</h1>' });
    });
    await page.locator('.ehc-exit').click();
    const during = await page.evaluate(() => ({ text: document.body.innerText, transcript: document.querySelectorAll('.webchat__basic-transcript').length }));
    expect(during.transcript).toBe(0);
    expect(during.text).not.toContain('something private');
    await page.waitForURL(`${EXIT_URL}**`);
    expect(await page.title()).toBe('Weather');
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toBe(`${server.url}/`);
    await page.close();
  });

  test('pressing Shift three times leaves the page, even while typing in the chat', async () => {
    const { page } = await openChat();
    await page.locator(SEND_BOX).click();
    // Capital letters (Shift held with a letter) do not count.
    await page.keyboard.type('Hello There');
    await page.waitForTimeout(200);
    expect(page.url()).toBe(`${server.url}/`);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(`${EXIT_URL}**`);
    expect(await page.title()).toBe('Weather');
    await page.close();
  });

  test('the privacy page has the same quick exit: Shift three times leaves it, with no CSP problem and no axe violation', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${EXIT_URL}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Weather</title><h1>Weather</h1>' }),
    );
    await page.goto(`${server.url}/privacy`);
    await expect(page.locator('.ehc-exit').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'privacy-320px.png'), fullPage: true });
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(`${EXIT_URL}**`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('typing "quick exit" leaves the page as the button does (the bot sends the page an event)', async () => {
    const { page } = await openChat();
    await page.locator(SEND_BOX).fill('quick exit');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${EXIT_URL}**`);
    expect(await page.title()).toBe('Weather');
    await page.close();
  });

  test('"hide" explains how to leave, and stays', async () => {
    const { page } = await openChat();
    await page.locator(SEND_BOX).fill('hide');
    await page.keyboard.press('Enter');
    await page.getByText('To leave quickly:', { exact: true }).waitFor();
    expect(page.url()).toBe(`${server.url}/`);
    await page.close();
  });

  test('two presses then a pause do not leave', async () => {
    const { page } = await openChat();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1300);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${server.url}/`);
    await page.screenshot({ path: path.join(RESULTS, 'webchat-page.png') });
    await page.close();
  });
});

describe('the embed snippet on a council site (another origin)', () => {
  test('the chat works across origins and quick exit still leaves', async () => {
    const { page, problems } = await openChat(undefined, `${councilOrigin}/`);
    expect(await lastBotText(page)).toMatch(/not a person/i);
    await page.locator(SEND_BOX).fill("I'm worried about money");
    await page.keyboard.press('Enter');
    await page.locator('.webchat__suggested-action', { hasText: 'Me' }).first().waitFor();
    // The council's own font reaches the chat through --ehc-font.
    const font = await page.locator('.webchat__bubble').first().evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('Your Council Sans');
    expect(await storageSnapshot(page)).toEqual({ localStorage: 0, sessionStorage: 0, cookie: '', indexedDB: 0, caches: 0 });
    await page.screenshot({ path: path.join(RESULTS, 'webchat-embedded-on-council-site.png') });
    expect(problems.console).toEqual([]);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(`${EXIT_URL}**`);
    await page.close();
  });
});

describe('with WEBCHAT_WEBSOCKET=false', () => {
  test('the page polls the Direct Line endpoint and the conversation still works', async () => {
    const polling = await startTestServer();
    const channel = registerWebChat(polling.app, { env: { WEBCHAT_WEBSOCKET: 'false' } });
    try {
      const { page, problems } = await openChat(undefined, `${polling.url}/`);
      await page.locator(SEND_BOX).fill("I'm worried about money");
      await page.keyboard.press('Enter');
      await page.locator('.webchat__suggested-action', { hasText: 'Me' }).first().waitFor();
      expect(problems.sockets).toEqual([]);
      expect(problems.polls).toBeGreaterThan(0);
      expect(problems.console).toEqual([]);
      expect(problems.csp).toEqual([]);
      await page.close();
    } finally {
      channel.close();
      await polling.close();
    }
  });
});
