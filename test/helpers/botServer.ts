// Starts the real server (restify + CloudAdapter + middleware + bot) on 127.0.0.1, port 0, and
// talks to it over HTTP with deliveryMode "expectReplies", so replies come back in the response.
import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import { parseConfig, type AppConfig } from '../../bot/config';
import { startServer, type RunningServer, type StartOptions } from '../../bot/server';

export interface TestServerOptions extends Omit<StartOptions, 'logDestination' | 'logger'> {
  /** Extra environment variables, e.g. { STORAGE: 'lowdb', DATA_DIR: dir }. */
  env?: Record<string, string | undefined>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text (or undefined when empty). */
  body: any;
}

export interface TestServer {
  app: RunningServer;
  config: AppConfig;
  url: string;
  /** Every JSON log line written so far. */
  logs: Record<string, any>[];
  /** POSTs an activity with deliveryMode expectReplies and returns the bot's replies. */
  send(activity: Partial<Activity> & Record<string, unknown>): Promise<Activity[]>;
  /** POSTs anything to /api/messages (or `path`) and returns status and body. */
  post(body: string | object, options?: { headers?: Record<string, string>; path?: string }): Promise<HttpResult>;
  get(path: string): Promise<HttpResult>;
  close(): Promise<void>;
}

let counter = 0;

/** A message activity from a resident on the emulator channel; override any field. */
export function message(text: string | undefined, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    id: `activity-${process.pid}-${counter}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conversation-1' },
    from: { id: 'user-1', name: 'Resident' },
    recipient: { id: 'bot', name: 'Early Help Assistant' },
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    ...(text === undefined ? {} : { text }),
    ...overrides,
  };
}

/** The conversationUpdate a channel sends when a person joins a conversation. */
export function conversationUpdate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = message(undefined, overrides);
  return {
    ...base,
    type: 'conversationUpdate',
    membersAdded: [{ id: (base.from as { id: string }).id }],
    ...overrides,
  };
}

async function toResult(res: Response): Promise<HttpResult> {
  const text = await res.text();
  let body: unknown = text.length > 0 ? text : undefined;
  if (text.length > 0 && (res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = parseConfig({ STORAGE: 'memory', LOG_LEVEL: 'debug', HOST: '127.0.0.1', PORT: '0', ...options.env });
  const logs: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const { env: _env, ...startOptions } = options;
  const app = await startServer(config, { ...startOptions, logDestination: destination });

  const post: TestServer['post'] = async (body, { headers = {}, path = '/api/messages' } = {}) => {
    const res = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return toResult(res);
  };

  return {
    app,
    config,
    url: app.url,
    logs,
    post,
    get: async (path) => toResult(await fetch(`${app.url}${path}`)),
    async send(activity) {
      const result = await post({ ...activity, deliveryMode: 'expectReplies' });
      if (result.status !== 200) {
        throw new Error(`POST /api/messages answered ${result.status}: ${JSON.stringify(result.body)}`);
      }
      return (result.body?.activities ?? []) as Activity[];
    },
    close: () => app.close(),
  };
}
