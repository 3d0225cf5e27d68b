import http from 'node:http';
import WebSocket from 'ws';
import { TokenIssuer } from '../../bot/webchat/tokens';
import { startConversation, startWebChatServer, TEST_TOKEN_SECRET, type WebChatTestServer } from './webchatServer';

describe('embedded Direct Line channel (real server, real bot)', () => {
  let server: WebChatTestServer;

  beforeAll(async () => {
    server = await startWebChatServer();
  });

  afterAll(async () => {
    await server.close();
  });

  const activitiesPath = (id: string, watermark = '') =>
    `/v3/directline/conversations/${encodeURIComponent(id)}/activities${watermark !== undefined ? `?watermark=${watermark}` : ''}`;

  test('a started conversation is greeted by the bot, with ids, watermark, channel and timestamp set', async () => {
    const { token, conversationId, userId } = await startConversation(server);
    const polled = await server.call(activitiesPath(conversationId), { token });
    expect(polled.status).toBe(200);
    expect(polled.body.activities.length).toBeGreaterThan(0);
    const greeting = polled.body.activities[0];
    expect(greeting).toMatchObject({
      type: 'message',
      channelId: 'webchat',
      conversation: { id: conversationId },
      from: { role: 'bot' },
      recipient: { id: userId, role: 'user' },
    });
    expect(typeof greeting.text).toBe('string');
    expect(Number.isNaN(Date.parse(greeting.timestamp))).toBe(false);
    expect(greeting.id).toMatch(new RegExp(`^${conversationId}\\|\\d+$`));
    expect(polled.body.watermark).toMatch(/^\d+$/);

    // Nothing new after the watermark.
    const again = await server.call(activitiesPath(conversationId, polled.body.watermark), { token });
    expect(again.body).toEqual({ activities: [], watermark: polled.body.watermark });
  });

  test('a posted message is echoed back as plain text and answered by the bot', async () => {
    const { token, conversationId, userId } = await startConversation(server);
    const before = await server.call(activitiesPath(conversationId), { token });

    const posted = await server.call(activitiesPath(conversationId, undefined as unknown as string).replace(/\?.*$/, ''), {
      method: 'POST',
      token,
      body: {
        type: 'message',
        text: 'Hello **there** <b>you</b>',
        from: { id: 'someone-else', role: 'bot' },
        channelData: { clientActivityID: 'client-1' },
        locale: 'en-GB',
      },
    });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${conversationId}\\|`));

    const after = await server.call(activitiesPath(conversationId, before.body.watermark), { token });
    const [echo, ...replies] = after.body.activities;
    expect(echo).toMatchObject({
      id: posted.body.id,
      type: 'message',
      text: 'Hello **there** <b>you</b>',
      textFormat: 'plain',
      from: { id: userId, role: 'user' },
      channelData: { clientActivityID: 'client-1' },
      channelId: 'webchat',
    });
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r: { from: { role: string } }) => r.from.role === 'bot')).toBe(true);
    expect(replies[0].replyToId).toBe(posted.body.id);
    expect(Number(after.body.watermark)).toBeGreaterThan(Number(before.body.watermark));
  });

  test('refresh gives a new working token; reconnect returns the conversation', async () => {
    const { token, conversationId } = await startConversation(server);
    const refreshed = await server.call('/v3/directline/tokens/refresh', { method: 'POST', token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId, expires_in: expect.any(Number) });
    expect(typeof refreshed.body.token).toBe('string');
    const reconnect = await server.call(`/v3/directline/conversations/${conversationId}?watermark=0`, { token: refreshed.body.token });
    expect(reconnect.status).toBe(200);
    expect(reconnect.body.conversationId).toBe(conversationId);
    // Starting again with the same token does not greet twice.
    const restart = await server.call('/v3/directline/conversations', { method: 'POST', token, body: {} });
    expect(restart.status).toBe(200);
  });

  test('the stream (streamUrl) pushes the backlog, then each new activity, as Direct Line does', async () => {
    const issued = await server.call('/api/directline/token', { method: 'POST' });
    const started = await server.call('/v3/directline/conversations', { method: 'POST', token: issued.body.token, body: {} });
    const { streamUrl, conversationId, token } = started.body;
    expect(streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conversationId}/stream\\?`));
    const ws = new WebSocket(streamUrl);
    const received: Array<{ activities: Array<{ type: string; text?: string; from: { role: string } }>; watermark: string }> = [];
    const next = () =>
      new Promise<(typeof received)[number]>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    const backlog = await next();
    expect(backlog.activities[0]).toMatchObject({ type: 'message', from: { role: 'bot' } });
    const echo = next();
    await server.call(`/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', token, body: { type: 'message', text: 'hello' } });
    expect((await echo).activities[0]).toMatchObject({ text: 'hello', from: { role: 'user' } });
    ws.close();
  });

  test('the stream refuses a missing, foreign or forged token before upgrading', async () => {
    const a = await startConversation(server);
    const b = await startConversation(server);
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => undefined);
      });
    const base = `${server.url.replace('http', 'ws')}/v3/directline/conversations`;
    expect(await status(`${base}/${a.conversationId}/stream`)).toBe(401);
    expect(await status(`${base}/${a.conversationId}/stream?t=${b.token}`)).toBe(403);
    expect(await status(`${base}/unknown/stream?t=${a.token}`)).toBe(404);
    expect(await status(`${base}/${a.conversationId}/stream?t=${a.token}`)).toBe(101);
  });

  test('stream upgrades that are malformed, elsewhere or one too many get an answer and the server keeps serving', async () => {
    const a = await startConversation(server);
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => resolve(-1));
      });
    const base = `${server.url.replace('http', 'ws')}/v3/directline/conversations`;
    // A malformed escape in the id used to throw inside the upgrade handler and stop the process.
    expect(await status(`${base}/%E0%A4%A/stream?t=${a.token}`)).toBe(400);
    // An upgrade on a path that is not a stream is refused rather than left open for ever.
    expect(await status(`${server.url.replace('http', 'ws')}/health`)).toBe(404);
    const open: WebSocket[] = [];
    for (let i = 0; i < 3; i++) {
      const ws = new WebSocket(`${base}/${a.conversationId}/stream?t=${a.token}`);
      await new Promise((resolve) => ws.once('open', resolve));
      open.push(ws);
    }
    expect(await status(`${base}/${a.conversationId}/stream?t=${a.token}`)).toBe(429);
    for (const ws of open) ws.close();
    expect((await server.call('/health')).status).toBe(200);
  });

  test('a conversation with 5 turns still waiting gets 429 for a further post, which is not recorded; then posts work again', async () => {
    const a = await startConversation(server);
    const conversation = server.webchat.store.get(a.conversationId)!;
    const path = `/v3/directline/conversations/${a.conversationId}/activities`;
    const before = server.webchat.store.activitiesAfter(conversation, '').activities.length;
    conversation.pendingTurns = 5;
    const refused = await server.call(path, { method: 'POST', token: a.token, body: { type: 'message', text: 'hello' } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: expect.stringContaining('Too many messages') });
    expect(server.webchat.store.activitiesAfter(conversation, '').activities).toHaveLength(before);
    conversation.pendingTurns = 0;
    const accepted = await server.call(path, { method: 'POST', token: a.token, body: { type: 'message', text: 'hello' } });
    expect(accepted.status).toBe(200);
  });

  test('tokens/generate opens a new conversation without any secret', async () => {
    const generated = await server.call('/v3/directline/tokens/generate', { method: 'POST' });
    expect(generated.status).toBe(200);
    expect(generated.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
  });

  describe('bad input gets a JSON error', () => {
    let conversation: { token: string; conversationId: string };
    beforeAll(async () => {
      conversation = await startConversation(server);
    });
    const post = (body: unknown, token = conversation.token, headers?: Record<string, string>) =>
      server.call(`/v3/directline/conversations/${conversation.conversationId}/activities`, { method: 'POST', token, body, headers });

    test('missing token: 401', async () => {
      const res = await server.call(activitiesPath(conversation.conversationId));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: expect.any(String) });
      expect((await server.call('/v3/directline/tokens/refresh', { method: 'POST' })).status).toBe(401);
    });

    test('malformed token: 401; forged signature: 403', async () => {
      expect((await server.call(activitiesPath(conversation.conversationId), { token: 'not-a-token' })).status).toBe(401);
      const [header, payload] = conversation.token.split('.');
      const forged = await server.call(activitiesPath(conversation.conversationId), { token: `${header}.${payload}.AAAA` });
      expect(forged.status).toBe(403);
      expect(forged.body.error).toMatch(/not valid/);
    });

    test('expired token: 403', async () => {
      const past = new TokenIssuer(TEST_TOKEN_SECRET, 60, () => Date.now() - 3_600_000);
      const conv = server.webchat.store.get(conversation.conversationId)!;
      const { token } = past.issue(conv.id, conv.userId);
      const res = await server.call(activitiesPath(conversation.conversationId), { token });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'The token has expired.' });
    });

    test("another conversation's token: 403", async () => {
      const other = await startConversation(server);
      const res = await server.call(activitiesPath(conversation.conversationId), { token: other.token });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/different conversation/);
      const posted = await post({ type: 'message', text: 'hi' }, other.token);
      expect(posted.status).toBe(403);
    });

    test('unknown conversation: 404', async () => {
      const res = await server.call(activitiesPath('no-such-conversation'), { token: conversation.token });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: expect.stringMatching(/not found/i) });
      // A valid token whose conversation has been forgotten.
      const issuer = new TokenIssuer(TEST_TOKEN_SECRET, 60);
      const { token } = issuer.issue('forgotten', 'dl_x');
      expect((await server.call('/v3/directline/conversations', { method: 'POST', token, body: {} })).status).toBe(404);
    });

    test('oversized post: 413', async () => {
      const res = await post({ type: 'message', text: 'x'.repeat(40 * 1024) });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error: expect.stringMatching(/larger than/) });
    });

    test('malformed body: 400', async () => {
      const res = await post('{"type": "message", ');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'Request body is not valid JSON.' });
      expect((await post('')).status).toBe(400);
    });

    test('not an activity: 400', async () => {
      const res = await post({ text: 'no type' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/type/);
      expect((await post({ type: 'invoke', name: 'x' })).status).toBe(400);
      expect((await post([1, 2, 3])).status).toBe(400);
    });

    test('a Host header no URL can be built on: start, reconnect and refresh answer without a streamUrl (they were 500s)', async () => {
      // fetch() sets Host itself, so this goes through node:http.
      const send = (method: string, path: string, host: string) =>
        new Promise<{ status: number; body: any }>((resolve, reject) => {
          const { port } = new URL(server.url);
          const req = http.request({ host: '127.0.0.1', port, method, path, headers: { host, authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' } }, (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          });
          req.on('error', reject);
          req.end(method === 'POST' ? '{}' : undefined);
        });
      for (const host of ['[', 'a b']) {
        for (const [method, path] of [['POST', '/v3/directline/conversations'], ['GET', `/v3/directline/conversations/${conversation.conversationId}`], ['POST', '/v3/directline/tokens/refresh']]) {
          const res = await send(method, path, host);
          expect(res.status).toBeLessThan(300);
          expect(res.body.conversationId).toBe(conversation.conversationId);
          expect(res.body.streamUrl).toBeUndefined();
        }
      }
    });

    test('uploads are refused: 415', async () => {
      const res = await server.call(`/v3/directline/conversations/${conversation.conversationId}/upload?userId=x`, {
        method: 'POST',
        token: conversation.token,
        body: 'file',
      });
      expect(res.status).toBe(415);
      expect(res.body.error).toMatch(/files/);
    });

    test('the server keeps serving after all that', async () => {
      const res = await post({ type: 'message', text: 'still there?' });
      expect(res.status).toBe(200);
    });
  });
});

describe('embedded Direct Line when the bot has a Microsoft App Id (authenticated /api/messages)', () => {
  test('the in-process channel still delivers turns and replies', async () => {
    const server = await startWebChatServer({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-here' });
    try {
      const { token, conversationId } = await startConversation(server);
      const greeting = await server.call(`/v3/directline/conversations/${conversationId}/activities`, { token });
      expect(greeting.body.activities[0]).toMatchObject({ from: { id: '00000000-0000-0000-0000-000000000001', role: 'bot' } });
      // /api/messages itself stays closed to unauthenticated callers.
      const direct = await server.call('/api/messages', { method: 'POST', body: { type: 'message', text: 'hi', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'x' }, from: { id: 'u' }, recipient: { id: 'b' } } });
      expect(direct.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
