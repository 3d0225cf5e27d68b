import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ActivityHandler } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { MAX_BODY_BYTES } from '../../bot/http/activityBody';
import { TURN_ERROR } from '../../bot/messages';
import { conversationUpdate, message, startTestServer, type TestServer } from '../helpers/botServer';
import { PLAIN_WELCOME, PlainBot, plainReply } from '../helpers/plainBot';
import { makeTempDir } from '../helpers/tempDir';

const plain = { createBot: (services: ConstructorParameters<typeof PlainBot>[0]) => new PlainBot(services) };

describe('server over HTTP (memory storage)', () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer(plain);
  });

  afterAll(async () => {
    await s.close();
  });

  test('GET /health answers 200 with status, version, uptime and storage kind', async () => {
    const res = await s.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: '0.1.0', uptimeSeconds: expect.any(Number), storage: 'memory' });
  });

  test('GET /ready (and HEAD) answers 200 while storage takes writes; a bot that reports nothing more is ready once built', async () => {
    const res = await s.get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', version: '0.1.0', checks: { storage: { ok: true, kind: 'memory' } } });
    expect((await fetch(`${s.url}/ready`, { method: 'HEAD' })).status).toBe(200);
  });

  test('a new conversation is welcomed through POST /api/messages with expectReplies', async () => {
    const replies = await s.send(conversationUpdate({ conversation: { id: 'welcome-1' } }));
    expect(replies.map((r) => r.text)).toEqual([PLAIN_WELCOME]);
    expect(replies[0]).toMatchObject({ type: 'message', conversation: { id: 'welcome-1' }, recipient: { id: 'user-1' } });
  });

  test('the bot itself joining gets no welcome', async () => {
    const replies = await s.send(
      conversationUpdate({ conversation: { id: 'welcome-2' }, membersAdded: [{ id: 'bot' }], recipient: { id: 'bot' } }),
    );
    expect(replies).toEqual([]);
  });

  test('a message reaches the bot and its replies come back in the response', async () => {
    const replies = await s.send(message('We are struggling with money', { conversation: { id: 'plain-1' } }));
    expect(replies.map((r) => r.text)).toEqual([plainReply('We are struggling with money', 1)]);
  });

  test.each([
    ['attachments only', message(undefined, { attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://example.org/x.jpg' }] }), /can't open files/],
    ['emoji only', message('😭😭😭'), /only understand words/],
    ['text over 5,000 characters', message('help '.repeat(1001)), /too long.*5,000/],
    ['empty text', message(''), /didn't get a message/],
  ])('%s gets a polite reply', async (_name, activity, expected) => {
    const replies = await s.send(activity);
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(expected);
    expect(replies[0].text).toContain('call 999');
  });

  describe('bad input gets a short JSON error, never a 500', () => {
    test.each([
      ['not JSON', 'this is {not json', 400, 'Body is not valid JSON.'],
      ['empty body', '', 400, 'Body is not valid JSON.'],
      ['a JSON array', '[1,2]', 400, /not a Bot Framework activity/],
      ['a JSON string', '"hello"', 400, /not a Bot Framework activity/],
      ['null', 'null', 400, /not a Bot Framework activity/],
      ['an empty object', '{}', 400, /not a Bot Framework activity: type/],
      ['a numeric type', JSON.stringify({ ...message('x'), type: 5 }), 400, /type/],
      ['no conversation', JSON.stringify({ ...message('x'), conversation: undefined }), 400, /conversation/],
      ['no sender', JSON.stringify({ ...message('x'), from: undefined }), 400, /from/],
      ['no serviceUrl', JSON.stringify({ ...message('x'), serviceUrl: undefined }), 400, /serviceUrl/],
      ['text that is not a string', JSON.stringify({ ...message('x'), text: { a: 1 } }), 400, /text/],
    ])('%s -> 400', async (_name, body, status, error) => {
      const res = await s.post(body);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(Object.keys(res.body)).toEqual(['error']);
      if (typeof error === 'string') expect(res.body.error).toBe(error);
      else expect(res.body.error).toMatch(error);
    });

    test('a wrong content type -> 415', async () => {
      const res = await s.post(JSON.stringify(message('hi')), { headers: { 'content-type': 'text/plain' } });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ error: 'Content-Type must be application/json.' });
    });

    test('JSON with a charset parameter is fine', async () => {
      const res = await s.post({ ...message('hi'), deliveryMode: 'expectReplies' }, { headers: { 'content-type': 'application/json; charset=utf-8' } });
      expect(res.status).toBe(200);
    });

    test('a body over the limit -> 413', async () => {
      const res = await s.post({ ...message('hi'), padding: 'x'.repeat(MAX_BODY_BYTES) });
      expect(res.status).toBe(413);
      expect(res.body.error).toMatch(/larger than/);
    });

    test('a streamed body over the limit without Content-Length -> 413', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= MAX_BODY_BYTES + chunk.length) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await fetch(`${s.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/larger than/) });
    });

    test('GET /api/messages -> 405 and an unknown path -> 404, both as JSON errors', async () => {
      const wrongMethod = await s.get('/api/messages');
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.body).toEqual({ error: expect.any(String) });
      const missing = await s.get('/nowhere');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: expect.any(String) });
    });

    test('the server keeps serving after all of that', async () => {
      expect((await s.get('/health')).status).toBe(200);
      expect((await s.send(message('still there?', { conversation: { id: 'still-1' } }))).map((r) => r.text)).toEqual([
        plainReply('still there?', 1),
      ]);
    });
  });

  test('a redelivered activity runs once; the duplicate gets 200 with no replies', async () => {
    const activity = message('please help', { conversation: { id: 'dup-1' } });
    const first = await s.send(activity);
    const second = await s.send(activity);
    expect(first.map((r) => r.text)).toEqual([plainReply('please help', 1)]);
    expect(second).toEqual([]);
    const stored = await s.app.services.storage.read(['emulator/conversations/dup-1/']);
    expect(stored['emulator/conversations/dup-1/'].conversationData.messageCount).toBe(1);
    expect(s.logs.filter((l) => l.event === 'turn.duplicate')).toHaveLength(1);
  });

  test('simultaneous duplicates also run once', async () => {
    const activity = message('at the same time', { conversation: { id: 'dup-2' } });
    const results = await Promise.all([s.send(activity), s.send(activity), s.send(activity)]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 1]);
  });

  test('each turn logs one line with a hashed conversation id and no message text', async () => {
    const before = s.logs.length;
    await s.send(message('a very private sentence', { conversation: { id: 'log-1' } }));
    const lines = s.logs.slice(before);
    const turns = lines.filter((l) => l.event === 'turn');
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ channelId: 'emulator', activityType: 'message', outcome: 'ok', replies: 1 });
    expect(turns[0].conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(typeof turns[0].durationMs).toBe('number');
    const all = JSON.stringify(lines);
    expect(all).not.toContain('a very private sentence');
    expect(all).not.toContain('log-1');
  });

  test('running without MicrosoftAppId logs a warning that requests are not authenticated', () => {
    expect(s.logs.find((l) => l.event === 'auth.disabled')?.level).toBe(40);
  });
});

describe('server behaviour that needs its own instance', () => {
  test('with MicrosoftAppId set, a request without a token is refused with 401', async () => {
    // CloudAdapter prints the AuthenticationError itself; keep the test output readable.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = await startTestServer({ ...plain, env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' } });
    try {
      const res = await s.post(message('hi'));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: expect.stringMatching(/Unauthorized/) });
      expect(s.logs.find((l) => l.event === 'auth.disabled')).toBeUndefined();
    } finally {
      consoleError.mockRestore();
      await s.close();
    }
  });

  test('a turn that throws: the user gets the apology, not the stack, and the server carries on', async () => {
    let fail = true;
    class FlakyBot extends PlainBot {
      protected override async reply(context: TurnContext, count: number): Promise<void> {
        if (fail) {
          fail = false;
          throw new Error('database on fire');
        }
        await super.reply(context, count);
      }
    }
    const s = await startTestServer({ createBot: (services) => new FlakyBot(services) });
    try {
      const res = await s.post({ ...message('hi', { conversation: { id: 'err-1' } }), deliveryMode: 'expectReplies' });
      expect(res.status).toBe(200);
      expect(res.body.activities.map((a: { text: string }) => a.text)).toEqual([TURN_ERROR]);
      expect(JSON.stringify(res.body)).not.toContain('database on fire');
      const logged = s.logs.find((l) => l.event === 'turn.error');
      expect(logged?.err.stack).toContain('database on fire');
      // Conversation state was cleared, so the count starts again.
      expect((await s.send(message('again', { conversation: { id: 'err-1' } }))).map((r) => r.text)).toEqual([plainReply('again', 1)]);
    } finally {
      await s.close();
    }
  });

  test('createBot swaps the bot; plugins add routes', async () => {
    class EchoBot extends ActivityHandler {
      constructor() {
        super();
        this.onMessage(async (context, next) => {
          await context.sendActivity(`echo: ${context.activity.text}`);
          await next();
        });
      }
    }
    const s = await startTestServer({
      createBot: () => new EchoBot(),
      plugins: [
        (server, services) =>
          server.get('/plugin', async (_req, res) => {
            res.json(200, { storage: services.storage.kind });
          }),
      ],
    });
    try {
      expect((await s.send(message('ping'))).map((r) => r.text)).toEqual(['echo: ping']);
      // The hosting middleware still applies to a swapped-in bot.
      expect((await s.send(message('🙂')))[0].text).toMatch(/only understand words/);
      expect((await s.get('/plugin')).body).toEqual({ storage: 'memory' });
    } finally {
      await s.close();
    }
  });

  test('graceful close waits for a turn in flight, then refuses new connections', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const turnStarted = new Promise<void>((resolve) => (started = resolve));
    class SlowBot extends PlainBot {
      protected override async reply(context: TurnContext, count: number): Promise<void> {
        started();
        await gate;
        await super.reply(context, count);
      }
    }
    const { dir, remove } = await makeTempDir('eha-drain-');
    const s = await startTestServer({ env: { STORAGE: 'lowdb', DATA_DIR: dir }, createBot: (services) => new SlowBot(services) });
    try {
      const inFlight = s.send(message('slow one', { conversation: { id: 'slow-1' } }));
      await turnStarted;
      expect(s.app.inFlight).toBe(1);

      let closed = false;
      const closing = s.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(false);

      release();
      expect((await inFlight).map((r) => r.text)).toEqual([plainReply('slow one', 1)]);
      await closing;
      expect(closed).toBe(true);

      // State written by the last turn is on disk.
      const files = await readdir(path.join(dir, 'state'), { recursive: true });
      const records = await Promise.all(
        files.filter((f) => f.endsWith('.json')).map(async (f) => JSON.parse(await readFile(path.join(dir, 'state', f), 'utf8'))),
      );
      expect(records.find((r) => r.key === 'emulator/conversations/slow-1/')?.value.conversationData.messageCount).toBe(1);

      await expect(fetch(`${s.url}/health`)).rejects.toThrow();
    } finally {
      await remove();
    }
  });

  test('health reports uptime from the injected clock and answers HEAD too', async () => {
    let clock = 1_000_000;
    const s = await startTestServer({ ...plain, now: () => clock });
    try {
      clock += 90_500;
      expect((await s.get('/health')).body.uptimeSeconds).toBe(90);
      const head = await fetch(`${s.url}/health`, { method: 'HEAD' });
      expect(head.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  test('plugins can track their own turns for shutdown and clean up after them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const s = await startTestServer({
      ...plain,
      plugins: [
        (_server, services) => {
          void services.trackInFlight(async () => {
            await gate;
            events.push('plugin work done');
          });
          return () => {
            events.push('plugin cleaned up');
          };
        },
      ],
    });
    expect(s.app.inFlight).toBe(1);
    const closing = s.close();
    expect(s.close()).toBe(closing); // closing twice is one shutdown
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([]);
    release();
    await closing;
    expect(events).toEqual(['plugin work done', 'plugin cleaned up']);
    expect(s.logs.filter((l) => l.event === 'stopped')).toHaveLength(1);
  });

  test('conversation state survives a restart on lowdb', async () => {
    const { dir, remove } = await makeTempDir('eha-restart-');
    try {
      const first = await startTestServer({ ...plain, env: { STORAGE: 'lowdb', DATA_DIR: dir } });
      expect((await first.get('/health')).body.storage).toBe('lowdb');
      await first.send(message('one', { conversation: { id: 'keep-1' } }));
      await first.close();

      const second = await startTestServer({ ...plain, env: { STORAGE: 'lowdb', DATA_DIR: dir } });
      try {
        await second.send(message('two', { conversation: { id: 'keep-1' } }));
        const stored = await second.app.services.storage.read(['emulator/conversations/keep-1/']);
        expect(stored['emulator/conversations/keep-1/'].conversationData.messageCount).toBe(2);
      } finally {
        await second.close();
      }
    } finally {
      await remove();
    }
  });

  test('the start-up sweep removes state that outlived retention while the bot was down', async () => {
    const { dir, remove } = await makeTempDir('eha-startup-sweep-');
    let clock = Date.UTC(2026, 0, 1);
    try {
      const first = await startTestServer({ ...plain, env: { STORAGE: 'lowdb', DATA_DIR: dir }, now: () => clock });
      await first.send(message('one', { conversation: { id: 'old-1' } }));
      await first.close();

      clock += 25 * 60 * 60 * 1000;
      const second = await startTestServer({ ...plain, env: { STORAGE: 'lowdb', DATA_DIR: dir }, now: () => clock });
      try {
        await second.app.retention.sweep();
        expect(await second.app.services.storage.read(['emulator/conversations/old-1/'])).toEqual({});
      } finally {
        await second.close();
      }
    } finally {
      await remove();
    }
  });
});

describe('the default bot (EarlyHelpBot) over HTTP', () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer();
  });

  afterAll(async () => {
    await s.close();
  });

  test('welcomes a new conversation: a guide, not a person, not an emergency service, 999', async () => {
    const replies = await s.send(conversationUpdate({ conversation: { id: 'default-welcome' } }));
    expect(replies.length).toBeGreaterThanOrEqual(1);
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toContain('not a person');
    expect(text).toContain('not an emergency service');
    expect(text).toContain('If someone is in immediate danger, call 999');
  });

  test('answers a message and saves conversation state at the end of the turn', async () => {
    const replies = await s.send(message('hello', { conversation: { id: 'default-message' } }));
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.type === 'message' || r.type === 'trace' || r.type === 'typing')).toBe(true);
    const stored = await s.app.services.storage.read(['emulator/conversations/default-message/']);
    expect(stored['emulator/conversations/default-message/'].conversationData.messageCount).toBe(1);
  });
});
