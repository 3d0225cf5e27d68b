// What one anonymous client must not be able to do: crash or deafen the process with deep
// JSON, lock residents out with a flood of conversations, or block the event loop with a
// Teams message built for the mention regexes. Real server, real bot, real channels.
import { EventEmitter } from 'node:events';
import net from 'node:net';
import WebSocket from 'ws';
import { bearerShapeProblem } from '../../bot/http/bearerShape';
import { jsonShapeProblem } from '../../bot/http/jsonShape';
import { installLifecycle } from '../../bot/lifecycle';
import { ServiceUrlGuardMiddleware } from '../../bot/middleware/serviceUrlGuard';
import { createLogger, restifyLogger } from '../../bot/logging';
import { collectingLogger } from '../helpers/logs';
import { makeTempDir } from '../helpers/tempDir';
import { replaceAtTags, stripMentions } from '../../bot/teams/mentions';
import { teamsPlugin } from '../../bot/teams';
import { clientKey } from '../../bot/webchat/clientLimits';
import { MAX_RISK_SCAN, riskWindows } from '../../knowledge/triage';
import { message, startTestServer, type TestServer } from '../helpers/botServer';
import { startConversation, startWebChatServer, type WebChatTestServer } from '../webchat/webchatServer';

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
/** A body with `"DEEP"` replaced by JSON nested `depth` deep, built as text (JSON.stringify itself overflows on it). */
const withDeep = (body: object, depth: number): string =>
  JSON.stringify(body).replace('"DEEP"', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('JSON shape limits', () => {
  test('deep, sprawling or long-keyed documents are named; ordinary activities pass', () => {
    expect(jsonShapeProblem(nested(5000))).toMatch(/nested more than 32/);
    expect(jsonShapeProblem(Array.from({ length: 30_000 }, () => 1))).toMatch(/more than 20000 values/);
    expect(jsonShapeProblem({ ['k'.repeat(300)]: 1 })).toMatch(/property name/);
    expect(jsonShapeProblem(message('hello', { value: { action: 'choose', value: 'x' } }))).toBeUndefined();
  });
});

describe('POST /api/messages refuses hostile shapes with a 400, and goes on serving', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ plugins: [teamsPlugin()] });
  });
  afterAll(() => server.close());

  test.each([
    ['value nested 10,000 deep', withDeep({ ...message('hello', { value: 'DEEP' }), deliveryMode: 'expectReplies' }, 10_000)],
    ['channelData nested 5,000 deep', withDeep({ ...message('hello', { channelData: 'DEEP' }), deliveryMode: 'expectReplies' }, 5_000)],
    ['a 100 KB conversation id', { ...message('hello', { conversation: { id: 'c'.repeat(100_000) } }), deliveryMode: 'expectReplies' }],
    ['a 100 KB sender id', { ...message('hello', { from: { id: 'u'.repeat(100_000) } }), deliveryMode: 'expectReplies' }],
  ])('%s', async (_name, body) => {
    const res = await server.post(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/^Body is not a Bot Framework activity/) });
    expect((await server.get('/health')).status).toBe(200);
  });

  test('without authentication, a reply that would be posted to a host off the allow-list is a 400, and nothing is sent', async () => {
    const res = await server.post(message('hello', { serviceUrl: 'http://169.254.169.254/latest/' }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/serviceUrl is not an allowed channel host/) });
    // With expectReplies nothing is posted anywhere, so any serviceUrl is fine.
    const ok = await server.post({ ...message('hello', { serviceUrl: 'http://169.254.169.254/latest/' }), deliveryMode: 'expectReplies' });
    expect(ok.status).toBe(200);
  });

  test('a body cut short by the client hanging up is a 400, not an error line with a 500 that reached nobody', async () => {
    const body = JSON.stringify({ ...message('hello'), deliveryMode: 'expectReplies' });
    const { port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.end(`POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`);
      });
      socket.resume();
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
    for (let i = 0; i < 50 && server.app.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(server.app.inFlight).toBe(0);
    expect(server.logs.filter((l) => l.event === 'http.error')).toEqual([]);
    expect((await server.get('/health')).status).toBe(200);
  });

  test('a Teams message whose entities are not a list is answered as usual, not with the apology for a failed turn', async () => {
    const replies = await server.send(
      message('money worries', {
        channelId: 'msteams',
        conversation: { id: 'a:hardening-entities', conversationType: 'personal', tenantId: 't' },
        recipient: { id: '28:bot', name: 'Early Help' },
        entities: { type: 'mention', mentioned: { id: '28:bot' } },
      }),
    );
    expect(replies.some((r) => r.type === 'message')).toBe(true);
    expect(server.logs.filter((l) => l.event === 'turn.error')).toEqual([]);
  });

  test('an invoke nothing handles is a 400 with a short JSON error, not a bare 501', async () => {
    const res = await server.post({ ...message(undefined), type: 'invoke', name: 'some/unknown', value: {} });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'This bot does not handle the invoke "some/unknown".' });
  });

  test('a Teams message of "<at" repeated (250 KB) with a risk at the end gets the risk contacts', async () => {
    const text = `${'<at'.repeat(80_000)} i have taken all my tablets`;
    const replies = await server.send(
      message(text, {
        channelId: 'msteams',
        conversation: { id: 'a:hardening-at', conversationType: 'personal', tenantId: 't' },
        recipient: { id: '28:bot', name: 'Early Help' },
        entities: [{ type: 'mention', text: '<at>Early Help</at>', mentioned: { id: '28:bot', name: 'Early Help' } }],
      }),
    );
    const said = replies.map((r) => r.text ?? '').join('\n');
    expect(said).toMatch(/999/);
  });
});

describe('mentions and long text are read in bounded work', () => {
  test('replaceAtTags keeps other people\'s names, drops the bot and leaves unclosed tags alone', () => {
    expect(replaceAtTags('<at>Early Help</at> is <at id="1">Sam</at> ok', (inner) => (inner === 'Early Help' ? '' : inner))).toBe(' is Sam ok');
    expect(replaceAtTags('<at<at<at help', () => 'x')).toBe('<at<at<at help');
    expect(replaceAtTags('<attention> please', () => 'x')).toBe('<attention> please');
  });

  test('stripMentions of a 1 MB adversarial message returns, five times in a row (the optimised code once hung on the third)', () => {
    const text = '<at'.repeat(350_000);
    for (let i = 0; i < 5; i++) expect(stripMentions({ text, recipient: { id: 'b', name: 'Bot' } }).length).toBe(text.length);
  });

  test('indices stay right when lower-casing would change the length ("İ")', () => {
    expect(replaceAtTags('İİ <at>Early Help</at> hi', () => '')).toBe('İİ  hi');
  });

  test('the risk check reads the first window and then overlapping windows, never more than MAX_RISK_SCAN', () => {
    expect(riskWindows('short')).toEqual(['short']);
    const long = 'a'.repeat(1_000_000);
    const windows = riskWindows(long);
    expect(windows[0].length).toBe(5000);
    expect(windows.every((w) => w.length <= 5000)).toBe(true);
    expect(windows.reduce((n, w) => n + w.length, 0)).toBeLessThan(MAX_RISK_SCAN * 1.1);
  });
});

describe('Web Chat: hostile posts and floods', () => {
  let server: WebChatTestServer;
  beforeAll(async () => {
    server = await startWebChatServer({ TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => server.close());

  test('a deep or oversized value is refused with 400 and nothing is stored; polls and streams of the conversation keep working', async () => {
    const { token, conversationId } = await startConversation(server);
    const path = `/v3/directline/conversations/${conversationId}/activities`;
    for (const body of [
      withDeep({ type: 'event', name: 'x', value: 'DEEP' }, 5000),
      withDeep({ type: 'message', text: 'hi', channelData: 'DEEP' }, 5000),
      { type: 'event', name: 'x', value: 'v'.repeat(9000) },
    ]) {
      const res = await server.call(path, { method: 'POST', token, body, headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual(expect.any(String));
    }
    const poll = await server.call(`${path}?watermark=`, { token });
    expect(poll.status).toBe(200);
    expect(poll.body.activities.every((a: { type: string }) => a.type === 'message')).toBe(true);
    const started = await server.call(`/v3/directline/conversations/${conversationId}`, { token });
    const ws = new WebSocket(started.body.streamUrl);
    const first = await new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    expect(JSON.parse(first).activities.length).toBeGreaterThan(0);
    ws.close();
    expect((await server.call('/health')).status).toBe(200);
  });

  test('1,000 new chats from one client: it is limited (429 with Retry-After), and another resident still gets a chat', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const res = await server.call('/api/directline/token', { method: 'POST', headers: { 'x-forwarded-for': '198.51.100.7' } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(60);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(940);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(server.webchat.store.size).toBeLessThanOrEqual(60);
    const resident = await server.call('/api/directline/token', { method: 'POST', headers: { 'x-forwarded-for': '192.0.2.44' } });
    expect(resident.status).toBe(200);
  });

  test('the client key is the socket address unless proxies are trusted; IPv6 counts by /64', () => {
    const req = (remoteAddress: string, xff?: string) => ({ socket: { remoteAddress }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as never;
    expect(clientKey(req('10.0.0.1', '1.1.1.1'), 0)).toBe('10.0.0.1');
    expect(clientKey(req('10.0.0.1', 'spoofed, 203.0.113.5:443'), 1)).toBe('203.0.113.5');
    expect(clientKey(req('::ffff:192.0.2.1'), 0)).toBe('192.0.2.1');
    expect(clientKey(req('2001:db8:1:2:3:4:5:6'), 0)).toBe(clientKey(req('2001:db8:1:2:ffff::1'), 0));
  });
});

describe('the process lifecycle', () => {
  const quietLogger = () => createLogger({ level: 'silent' });
  class FakeProcess extends EventEmitter {
    codes: number[] = [];
    exit(code: number) {
      this.codes.push(code);
    }
  }

  test('an uncaught exception or an unhandled rejection closes the server and exits non-zero', async () => {
    for (const event of ['uncaughtException', 'unhandledRejection']) {
      const proc = new FakeProcess();
      let closed = false;
      installLifecycle({ logger: quietLogger(), process: proc, close: async () => void (closed = true) });
      proc.emit(event, new Error('boom'));
      await new Promise((r) => setImmediate(r));
      expect(closed).toBe(true);
      expect(proc.codes).toEqual([1]);
    }
  });

  test('a close that never finishes still ends the process after the deadline', async () => {
    const proc = new FakeProcess();
    installLifecycle({ logger: quietLogger(), process: proc, close: () => new Promise(() => {}), deadlineMs: 20 });
    proc.emit('SIGTERM');
    await new Promise((r) => setTimeout(r, 60));
    expect(proc.codes).toEqual([1]);
  });
});

describe('the service URL guard after authentication', () => {
  test('a turn whose replies would go off the allow-list runs no further; expectReplies turns run', async () => {
    const guard = new ServiceUrlGuardMiddleware(['*.botframework.com'], createLogger({ level: 'silent' }));
    const run = async (activity: Record<string, unknown>) => {
      let ran = false;
      await guard.onTurn({ activity } as never, async () => void (ran = true));
      return ran;
    };
    expect(await run({ serviceUrl: 'https://webchat.botframework.com/' })).toBe(true);
    expect(await run({ serviceUrl: 'http://127.0.0.1:8080/admin' })).toBe(false);
    expect(await run({ serviceUrl: 'http://127.0.0.1:8080/admin', deliveryMode: 'expectReplies' })).toBe(true);
  });
});

describe('forged tokens are refused with 401 before the SDK looks for keys', () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = 1_800_000_000;
  const payload = { iss: 'https://api.botframework.com', exp: now + 3600, nbf: now - 10 };
  test.each([
    ['alg none', `Bearer ${b64({ alg: 'none' })}.${b64(payload)}.`, 'unsigned'],
    ['HS256 with a guessed key', `Bearer ${b64({ alg: 'HS256' })}.${b64(payload)}.c2ln`, 'algorithm'],
    ['stripped signature', `Bearer ${b64({ alg: 'RS256' })}.${b64(payload)}.`, 'unsigned'],
    ['nbf in the future', `Bearer ${b64({ alg: 'RS256' })}.${b64({ ...payload, nbf: now + 3600 })}.c2ln`, 'not-yet-valid'],
    ['expired', `Bearer ${b64({ alg: 'RS256' })}.${b64({ ...payload, exp: now - 3600 })}.c2ln`, 'expired'],
    ['not a JWT', 'Bearer not-a-jwt', 'malformed'],
    ['bad base64 JSON', 'Bearer abc.def.ghi', 'malformed'],
  ])('%s', (_name, header, reason) => {
    expect(bearerShapeProblem(header, now)).toBe(reason);
  });

  test('a well-formed RS256 token is left to the SDK to verify', () => {
    expect(bearerShapeProblem(`Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64(payload)}.c2ln`, now)).toBeUndefined();
  });

  test('through the server with an app id: 401 JSON, and the process goes on', async () => {
    const s = await startTestServer({ env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' } });
    try {
      const res = await s.post(message('hi'), { headers: { authorization: `Bearer ${b64({ alg: 'none' })}.${b64(payload)}.` } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'Unauthorized.' });
      expect(s.logs.some((l) => l.event === 'auth.refused' && l.reason === 'unsigned')).toBe(true);
      expect((await s.get('/health')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe("restify's own log lines", () => {
  test('go through our logger: method and path only, no headers, query, body or typed text', () => {
    const { logger, lines } = collectingLogger();
    const req = { method: 'POST', url: '/v3/directline/conversations/abc/stream?t=secret-token', headers: { authorization: 'Bearer secret' }, body: { text: 'I am scared of him' } };
    restifyLogger(logger).error({ req, body: 'I am scared of him', err: new Error('boom') }, 'error in formatter');
    const written = JSON.stringify(lines);
    expect(lines[0]).toMatchObject({ component: 'restify', req: { method: 'POST', path: '/v3/directline/conversations/abc/stream' } });
    expect(written).not.toMatch(/secret|scared/);
  });

  test('the server hands restify that logger', async () => {
    const s = await startTestServer();
    try {
      expect((s.app.server as unknown as { log: { bindings(): Record<string, unknown> } }).log.bindings()).toMatchObject({ component: 'restify' });
    } finally {
      await s.close();
    }
  });
});

describe('turns of one conversation run one at a time', () => {
  test('20 messages at once to one conversation: every reply comes, and no state update is lost', async () => {
    // The embedded store on disk: its reads and writes take real time, so turns overlap.
    const { dir, remove } = await makeTempDir('eha-order-');
    const s = await startTestServer({ env: { STORAGE: 'lowdb', DATA_DIR: dir } });
    try {
      const conversation = { id: 'busy-group-chat' };
      const posts = Array.from({ length: 20 }, (_, i) => s.post({ ...message(`message ${i}`, { conversation }), deliveryMode: 'expectReplies' }));
      const results = await Promise.all(posts);
      expect(results.every((r) => r.status === 200)).toBe(true);
      const key = 'emulator/conversations/busy-group-chat/';
      const stored = (await s.app.services.storage.read([key]))[key] as { conversationData?: { messageCount: number } };
      expect(stored.conversationData?.messageCount).toBe(20);
    } finally {
      await s.close();
      await remove();
    }
  });
});

describe("words that are Object.prototype's own names", () => {
  // Found by the fuzzer: "constructor" in a message was looked up in a plain object of
  // text-speak rewrites, found Object.prototype.constructor, and crashed the turn (and with it
  // the risk check of that message).
  const names = Object.getOwnPropertyNames(Object.prototype);
  test('never break a turn, at any step of a conversation, and risk beside them is still seen', async () => {
    const s = await startTestServer();
    try {
      const conversation = { id: 'prototype-words' };
      const turns = [
        'my husband is a constructor and we have money worries',
        `${names.join(' ')}`,
        'a parent',
        'toString',
        '__proto__ hasOwnProperty 7',
      ];
      for (const text of turns) {
        const replies = await s.send(message(text, { conversation }));
        expect(replies.map((r) => r.text ?? '').join(' ')).not.toContain('something went wrong');
      }
      const risk = await s.send(message('constructor toString, i have taken all my tablets', { conversation: { id: 'prototype-risk' } }));
      expect(risk.some((r) => (r.text ?? '').includes('999'))).toBe(true);
      expect(s.logs.some((l) => l.event === 'turn.error')).toBe(false);
    } finally {
      await s.close();
    }
  });
});

describe('an adaptiveCard/action invoke without an action', () => {
  // Found by the fuzzer: the SDK read value.action.type unchecked, the turn failed and the
  // conversation was reset.
  test.each([[{}], [7], ['x'], [[]], [{ action: {} }], [null]])('value %j is a 400 with a JSON error, and nothing is reset', async (value) => {
    const s = await startTestServer();
    try {
      const res = await s.post({ ...message(undefined, { type: 'invoke', name: 'adaptiveCard/action', value }), deliveryMode: 'expectReplies' });
      expect(res.status).toBe(200);
      const invokeResponse = res.body.activities.find((a: { type: string }) => a.type === 'invokeResponse');
      expect(invokeResponse.value.status).toBe(400);
      expect(invokeResponse.value.body.error).toContain('adaptiveCard/action');
      expect(s.logs.some((l) => l.event === 'turn.error')).toBe(false);
    } finally {
      await s.close();
    }
  });
});
