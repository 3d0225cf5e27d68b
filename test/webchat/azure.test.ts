import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWebChatServer, type WebChatTestServer } from './webchatServer';

// Production path: the page's token comes from Azure Bot Service's Direct Line. Here a local
// stand-in for https://directline.botframework.com answers on 127.0.0.1, so what is tested is
// our HTTP client and what reaches the browser.

interface SeenRequest {
  method?: string;
  url?: string;
  authorization?: string;
  body: string;
}

function fakeDirectLine(answer: (req: SeenRequest) => { status: number; body: unknown }) {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const request = { method: req.method, url: req.url, authorization: req.headers.authorization, body };
      seen.push(request);
      const { status, body: out } = answer(request);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  return {
    seen,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = 'the-direct-line-secret-never-leaves-the-server';

describe('Azure Direct Line (DIRECT_LINE_SECRET set)', () => {
  let server: WebChatTestServer;
  const upstream = fakeDirectLine((req) =>
    req.authorization === `Bearer ${SECRET}`
      ? { status: 200, body: { conversationId: 'azure-conv-1', token: 'azure-token-1', expires_in: 3600 } }
      : { status: 403, body: { error: { code: 'BadArgument', message: `secret ${req.authorization}` } } },
  );
  let endpoint: string;

  beforeAll(async () => {
    endpoint = await upstream.start();
    server = await startWebChatServer({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: endpoint });
  });

  afterAll(async () => {
    await server.close();
    await upstream.stop();
  });

  test('the token endpoint exchanges the secret server-side and returns only the short-lived token', async () => {
    const res = await server.call('/api/directline/token', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: 'azure-token-1', conversationId: 'azure-conv-1', expires_in: 3600, userId: expect.stringMatching(/^dl_/) });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    const call = upstream.seen.at(-1)!;
    expect(call).toMatchObject({ method: 'POST', url: '/v3/directline/tokens/generate', authorization: `Bearer ${SECRET}` });
    // The token is bound to a fresh user id, so one browser cannot post as another.
    expect(JSON.parse(call.body)).toEqual({ user: { id: res.body.userId } });
  });

  test('the page is told to use Azure, and the CSP allows exactly that host over https and wss', async () => {
    const config = await server.call('/webchat/config.json');
    expect(config.body).toMatchObject({ mode: 'azure', directLineDomain: `${endpoint}/v3/directline`, webSocket: true });
    expect(JSON.stringify(config.body)).not.toContain(SECRET);
    const page = await server.call('/');
    const host = new URL(endpoint).host;
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${endpoint} wss://${host}`);
    expect(page.body).not.toContain(SECRET);
  });

  test('the embedded Direct Line endpoint is off in this mode', async () => {
    const res = await server.call('/v3/directline/tokens/generate', { method: 'POST' });
    expect(res.status).toBe(404);
  });

  test('an upstream refusal becomes a 502 JSON error that does not echo the upstream body', async () => {
    const failing = fakeDirectLine(() => ({ status: 403, body: { error: { message: 'leaky detail' } } }));
    const url = await failing.start();
    const other = await startWebChatServer({ DIRECT_LINE_SECRET: 'wrong', DIRECT_LINE_ENDPOINT: url });
    try {
      const res = await other.call('/api/directline/token', { method: 'POST' });
      expect(res.status).toBe(502);
      expect(res.body).toEqual({ error: expect.stringContaining('403') });
      expect(JSON.stringify(res.body)).not.toContain('leaky');
    } finally {
      await other.close();
      await failing.stop();
    }
  });

  test('an unreachable Direct Line is a 502 JSON error', async () => {
    const down = fakeDirectLine(() => ({ status: 200, body: {} }));
    const url = await down.start();
    await down.stop();
    const other = await startWebChatServer({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: url });
    try {
      const res = await other.call('/api/directline/token', { method: 'POST' });
      expect(res.status).toBe(502);
      expect(res.body.error).toMatch(/could not be reached/);
    } finally {
      await other.close();
    }
  });

  test('an unreadable answer is a 502 JSON error', async () => {
    const odd = fakeDirectLine(() => ({ status: 200, body: { hello: 'world' } }));
    const url = await odd.start();
    const other = await startWebChatServer({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: url });
    try {
      const res = await other.call('/api/directline/token', { method: 'POST' });
      expect(res.status).toBe(502);
    } finally {
      await other.close();
      await odd.stop();
    }
  });
});
