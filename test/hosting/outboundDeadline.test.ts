// Replies the bot posts to a channel are cut off when the channel does not answer, so one dead
// or slow channel cannot hold a turn (and the person's next message) for long.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { startTestServer, type TestServer } from '../helpers/botServer';

interface Channel {
  url: string;
  /** Requests that reached it. */
  hits: number;
  close(): Promise<void>;
}

/** A channel on loopback that takes each request and never answers it. */
async function silentChannel(): Promise<Channel> {
  const held: http.ServerResponse[] = [];
  const channel = { url: '', hits: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    channel.hits++;
    req.resume();
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  channel.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  channel.close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return channel;
}

/** A channel that refuses every reply with this status. */
async function refusingChannel(status: number): Promise<Channel> {
  const channel = { url: '', hits: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    channel.hits++;
    req.resume();
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end('{"error":{"code":"BadArgument","message":"refused"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  channel.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  channel.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return channel;
}

/** A port nothing listens on: bound, read, released. */
async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

function message(serviceUrl: string, id: string): Partial<Activity> & Record<string, unknown> {
  return {
    type: 'message',
    id,
    channelId: 'directline',
    serviceUrl,
    conversation: { id: `outbound-${id}` },
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    text: 'hello',
    locale: 'en-GB',
  } as Partial<Activity> & Record<string, unknown>;
}

describe('replies to a channel that does not answer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ outbound: { sendMs: 800, turnMs: 1_500 } });
  });
  afterAll(() => server.app.close());

  it('a channel that never answers: the turn ends once the deadline passes, and it is logged as an error', async () => {
    const channel = await silentChannel();
    try {
      const started = Date.now();
      const result = await server.post(message(channel.url, 'silent'));
      const ms = Date.now() - started;
      // The reply and the apology after it each meet the deadline; without it this never ends.
      expect(ms).toBeLessThan(5_000);
      // Asked to deliver the message again: a channel that redelivers gets another turn.
      expect(result.status).toBe(503);
      expect(result.headers.get('retry-after')).toBe('5');
      expect(channel.hits).toBeGreaterThanOrEqual(1);
      // Logged as the channel's fault, with no apology sent the same dead way.
      const line = server.logs.find((l) => l.event === 'turn.channel' && l.conversation !== undefined);
      expect(line).toMatchObject({ code: 'TIMEOUT' });
      expect(server.logs.filter((l) => l.event === 'turn.error' || l.event === 'turn.error.reply')).toEqual([]);
      // Message text stays out of the log even on this path.
      expect(JSON.stringify(server.logs)).not.toContain('hello');
    } finally {
      await channel.close();
    }
  });

  it('a channel whose port is closed: the retries stop at the deadline', async () => {
    const started = Date.now();
    await server.post(message(await closedPortUrl(), 'refused'));
    // The connector's own retries (1 s, 2 s, 4 s waits) would take about ten seconds here.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('loses nothing: the conversation is where it was, and the channel may deliver the same message again', async () => {
    const channel = await silentChannel();
    try {
      const talk = (conversation: string) => (id: string, text: string, serviceUrl?: string) =>
        serviceUrl
          ? server.post({ ...message(serviceUrl, id), conversation: { id: conversation }, text })
          : server.send({ ...message('http://127.0.0.1:9/', id), conversation: { id: conversation }, text } as Partial<Activity> & Record<string, unknown>);
      const failed = talk('kept');
      const control = talk('control');
      for (const say of [failed, control]) {
        await say('1', 'hello');
        await say('2', 'my son is being bullied at school');
      }
      // The answer to "How old is your child?" never reaches the person.
      await failed('3', 'he is 12', channel.url);
      const duplicates = server.logs.filter((l) => l.event === 'turn.duplicate').length;
      // The same activity again, now answered in the response: run, not dropped as a duplicate,
      // and answered as the control conversation is (the age question was still open).
      const again = (await failed('3', 'he is 12')) as Array<{ text?: string }>;
      const expected = (await control('3', 'he is 12')) as Array<{ text?: string }>;
      const fresh = (await talk('fresh')('1', 'he is 12')) as Array<{ text?: string }>;
      expect(server.logs.filter((l) => l.event === 'turn.duplicate').length).toBe(duplicates);
      expect(again.map((a) => a.text)).toEqual(expected.map((a) => a.text));
      // Had the failed turn cleared the state, the answer would be a fresh conversation's.
      expect(fresh.map((a) => a.text)).not.toEqual(expected.map((a) => a.text));
      expect(again.length).toBeGreaterThan(0);
    } finally {
      await channel.close();
    }
  });

  it('a reply the channel refuses with a 4xx (a card it cannot show, a reply too large) is the bot\'s own error: logged with its cause, an apology tried', async () => {
    const channel = await refusingChannel(400);
    try {
      const lines = server.logs.length;
      await server.post(message(channel.url, 'refused-400'));
      const logged = server.logs.slice(lines);
      expect(logged.filter((l) => l.event === 'turn.channel')).toEqual([]);
      expect(logged.find((l) => l.event === 'turn.error')).toBeDefined();
      // The reply, then the apology: both reached the channel.
      expect(channel.hits).toBeGreaterThanOrEqual(2);
    } finally {
      await channel.close();
    }
  });

  it('a channel answering 503 is unavailable: retried until the deadline, logged as the channel\'s with its cause, and the turn answered 503', async () => {
    const channel = await refusingChannel(503);
    try {
      const lines = server.logs.length;
      const result = await server.post(message(channel.url, 'refused-503'));
      expect(result.status).toBe(503);
      const line = server.logs.slice(lines).find((l) => l.event === 'turn.channel');
      // The connector retries a 503 with growing waits; the send's deadline ends that.
      expect(line).toBeDefined();
      expect(line!.err).toBeDefined();
      expect(channel.hits).toBeGreaterThanOrEqual(1);
      expect(server.logs.slice(lines).filter((l) => l.event === 'turn.error')).toEqual([]);
    } finally {
      await channel.close();
    }
  });

  it('the server stays healthy afterwards', async () => {
    const health = await server.get('/health');
    expect(health.status).toBe(200);
  });
});
