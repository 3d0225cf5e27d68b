import { gunzipSync } from 'node:zlib';
import { startWebChatServer, type WebChatTestServer } from './webchatServer';

describe('the chat page and its files (embedded mode)', () => {
  let server: WebChatTestServer;

  beforeAll(async () => {
    server = await startWebChatServer();
  });

  afterAll(async () => {
    await server.close();
  });

  test('GET /privacy says who runs it, what is kept and for how long, from the same settings as the welcome', async () => {
    const res = await server.call('/privacy');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = res.body as string;
    expect(html).toMatch(/<html lang="en-GB">/);
    expect(html).toContain('The council for Bath and North East Somerset runs this assistant.');
    expect(html).toContain('not an emergency service. If someone is in immediate danger, call 999.');
    expect(html).toContain('Your answers are deleted 24 hours after your last message (the service checks every 15 minutes).');
    expect(html).toContain('The chat is cleared from the server 30 minutes after it goes quiet.');
    expect(html).toContain('It never records what you type.');
    expect(html).not.toMatch(/__[A-Z_]+__/);
    // The same quick exit as the chat page (button and Shift three times, from embed.js).
    expect(html).toContain('data-ehc-exit');
    expect(html).toContain('Exit this page');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes, body]) => [attributes.trim(), body.trim()])).toEqual([['src="/webchat/embed.js" defer', '']]);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    // The page's footer links to it.
    expect((await server.call('/')).body as string).toContain('<a href="/privacy">');
  });

  test('GET / is the chat page in British English, with security headers and no inline script', async () => {
    const res = await server.call('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = res.body as string;
    expect(html).toMatch(/<html lang="en-GB">/);
    expect(html).toContain('Exit this page');
    expect(html).toContain('href="#main-content"');
    // The header names the pack's council, as the bot's welcome does.
    expect(html).toContain('<p class="site-header__name">Bath and North East Somerset</p>');
    expect(html).not.toContain('__COUNCIL_NAME__');
    // One promise about keeping what people type, from the configuration the welcome uses too.
    expect(html).toContain('What you type is deleted 24 hours after your last message, and the chat on this page is cleared 30 minutes after it goes quiet.');
    expect(html).not.toContain('__RETENTION_PROMISE__');
    // Every script is a file from this origin: no inline script for the CSP to allow.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/webchat\//);
      expect(body.trim()).toBe('');
    }

    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'connect-src': "'self'",
      'img-src': "'self' data: blob:",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
      'base-uri': "'none'",
    });
    // Web Chat's run-time <style> elements get this response's nonce; no 'unsafe-inline'.
    const nonce = /'nonce-([^']+)'/.exec(directives['style-src'])?.[1];
    expect(nonce).toBeTruthy();
    expect(directives['style-src']).not.toContain('unsafe-inline');
    expect(html).toContain(`data-style-nonce="${nonce}"`);
    const again = await server.call('/');
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('permissions-policy')).toContain('microphone=()');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('the Web Chat bundle is served from this origin, gzipped when asked, cacheable when versioned', async () => {
    const versions = await server.call('/webchat/config.json');
    const res = await fetch(`${server.url}/webchat/webchat.js?v=${versions.body.webChatVersion}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const body = Buffer.from(await res.arrayBuffer());
    // fetch has already decoded the gzip; the bundle defines window.WebChat.
    const text = res.headers.get('content-encoding') === 'gzip' && body[0] === 0x1f ? gunzipSync(body).toString() : body.toString();
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(text).toContain('WebChat');
    for (const file of ['embed.js', 'embed.css', 'page.css']) {
      const asset = await server.call(`/webchat/${file}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('no-cache');
    }
  });

  test('config.json tells the page to use the embedded Direct Line and where quick exit goes', async () => {
    const res = await server.call('/webchat/config.json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'embedded',
      directLineDomain: '/v3/directline',
      webSocket: true,
      tokenUrl: '/api/directline/token',
      exitUrl: 'https://www.bbc.co.uk/weather',
      locale: 'en-GB',
    });
    // Links the bot may make live: the https sites in the knowledge pack.
    expect(res.body.linkOrigins.length).toBeGreaterThan(0);
    for (const origin of res.body.linkOrigins) expect(origin).toMatch(/^https:\/\/[^/]+$/);
    // The text lines the page makes into sms: links: the pack's own, and only those.
    expect(res.body.textLines).toContainEqual({ written: '85258', number: '85258', keyword: 'SHOUT' });
    for (const line of res.body.textLines) expect(line.number).toMatch(/^\d{5,11}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/secret/i);
  });

  test('unknown paths under the channel are JSON 404s', async () => {
    const res = await server.call('/webchat/nothing-here.js');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: expect.any(String) });
  });

  test('cross-origin requests get no CORS headers unless the origin is allowed', async () => {
    const res = await server.call('/webchat/config.json', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('configured for a council site', () => {
  let server: WebChatTestServer;

  beforeAll(async () => {
    server = await startWebChatServer({
      WEBCHAT_ALLOWED_ORIGINS: 'https://www.council.example.gov.uk',
      WEBCHAT_FRAME_ANCESTORS: 'https://www.council.example.gov.uk',
      WEBCHAT_EXIT_URL: 'https://www.google.co.uk/',
    });
  });

  afterAll(async () => {
    await server.close();
  });

  test('the allowed origin may call the token and Direct Line endpoints (CORS, preflight)', async () => {
    const origin = 'https://www.council.example.gov.uk';
    const token = await server.call('/api/directline/token', { method: 'POST', headers: { origin } });
    expect(token.status).toBe(200);
    expect(token.headers.get('access-control-allow-origin')).toBe(origin);
    expect(token.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await server.call(`/v3/directline/conversations/${token.body.conversationId}/activities`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  test('framing is allowed only by the configured site; quick exit goes where configured', async () => {
    const page = await server.call('/');
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors https://www.council.example.gov.uk');
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect((await server.call('/webchat/config.json')).body.exitUrl).toBe('https://www.google.co.uk/');
  });
});

describe('the privacy page follows the configuration', () => {
  test('with message text logged, and a shorter retention, it says so', async () => {
    const server = await startWebChatServer({ LOG_MESSAGE_TEXT: 'true', RETENTION_HOURS: '2', WEBCHAT_IDLE_MINUTES: '20' });
    try {
      const html = (await server.call('/privacy')).body as string;
      expect(html).toContain('Your answers are deleted 2 hours after your last message');
      expect(html).toContain('The chat is cleared from the server 20 minutes after it goes quiet.');
      expect(html).toContain('What you type is kept in the service&#39;s logs');
      expect(html).not.toContain('It never records what you type.');
      // The pack's page on how the council handles personal data (pack.json privacyNotice).
      expect(html).toContain('https://bathnes.gov.uk/council-privacy-notices');
    } finally {
      await server.close();
    }
  });

  test('with Azure Direct Line carrying the chat, Microsoft\'s terms are named and no server memory is claimed', () => {
    const { privacySections } = jest.requireActual('../../dialogs/wording') as typeof import('../../dialogs/wording');
    const text = privacySections({ councilName: 'Somerset', retentionHours: 24, sweepMinutes: 15, idleMinutes: 30, logMessageText: false, azureDirectLine: true })
      .flatMap((section) => section.paragraphs)
      .join(' ');
    expect(text).toContain("Microsoft's Azure Bot Service");
    expect(text).not.toContain('memory of the council');
    expect(text).not.toContain('cleared 30 minutes');
  });
});
