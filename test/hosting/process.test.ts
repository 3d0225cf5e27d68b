// The compiled bot as `npm start` runs it: a child process, real signals, real files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { message } from '../helpers/botServer';
import { makeTempDir } from '../helpers/tempDir';

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'dist/bot/index.js');

interface Child {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(cwd: string, env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [entry], {
    // Run outside the repository with only the variables the bot needs, so a developer's own
    // .env or shell cannot change the outcome.
    cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => stdout.push(...d.split('\n').filter(Boolean)));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, stdout, stderr, exited };
}

async function listeningUrl(child: Child): Promise<string> {
  // Start-up loads and checks the knowledge pack and trains triage: allow for a busy CI machine.
  for (let i = 0; i < 600; i++) {
    const line = child.stdout.map((l) => JSON.parse(l)).find((l) => l.event === 'listening');
    if (line) return line.url as string;
    if (child.proc.exitCode !== null) throw new Error(`bot exited early: ${child.stderr.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('bot did not start listening');
}

beforeAll(() => {
  // Same compiler and settings as `npm run build` (prestart). Type errors elsewhere in the tree
  // still emit JavaScript, so only a missing entry point fails here.
  spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'ignore',
  });
  expect(existsSync(entry)).toBe(true);
}, 120_000);

describe.each(['SIGTERM', 'SIGINT'] as const)('the compiled bot on %s', (signal) => {
  test('stops accepting, flushes state to disk and exits 0', async () => {
    const { dir, remove } = await makeTempDir('eha-process-');
    const child = run(dir, { DATA_DIR: path.join(dir, 'data') });
    try {
      const url = await listeningUrl(child);
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', storage: 'lowdb' });

      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...message('hello from a resident', { conversation: { id: `proc-${signal}` } }), deliveryMode: 'expectReplies' }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).activities.length).toBeGreaterThanOrEqual(1);

      child.proc.kill(signal);
      expect(await child.exited).toEqual({ code: 0, signal: null });

      const lines = child.stdout.map((l) => JSON.parse(l));
      expect(lines.map((l) => l.event)).toEqual(expect.arrayContaining(['auth.disabled', 'listening', 'turn', 'shutdown', 'stopped']));
      expect(child.stdout.join('\n')).not.toContain('hello from a resident');
      // Everything the process wrote is JSON lines (restify's known deprecation warning is dropped).
      expect(child.stderr.join('')).toBe('');

      const files = (await readdir(path.join(dir, 'data', 'state'), { recursive: true })).filter((f) => f.endsWith('.json'));
      const records = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, 'data', 'state', f), 'utf8'))));
      expect(records.find((r) => r.key === `emulator/conversations/proc-${signal}/`)?.value.conversationData).toEqual({
        messageCount: 1,
      });
    } finally {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      await remove();
    }
  }, 60_000);
});

test('bad configuration: exits 1 with a message naming the variable', async () => {
  const child = run(os.tmpdir(), { RETENTION_HOURS: '-1' });
  expect((await child.exited).code).toBe(1);
  expect(child.stderr.join('')).toContain('Invalid configuration: RETENTION_HOURS must be a positive number');
}, 30_000);

test('STORAGE=blob with Azure unreachable: exits 1 at start-up with a message naming BLOB_CONNECTION_STRING, and never the key', async () => {
  // A well-formed connection string to a port nothing listens on.
  const key = Buffer.from('an account key that must not be printed').toString('base64');
  const child = run(os.tmpdir(), {
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;`,
    BLOB_CONTAINER: 'early-help-state',
  });
  expect((await child.exited).code).toBe(1);
  const stderr = child.stderr.join('');
  expect(stderr).toContain(
    'The Early Help Assistant could not start: Storage: Azure Blob storage at 127.0.0.1:9 could not be reached (ECONNREFUSED); check BLOB_CONNECTION_STRING',
  );
  expect(stderr + child.stdout.join('\n')).not.toContain(key);
}, 30_000);

test('SIGTERM with a Web Chat stream open and five turns queued: every turn is answered on the stream, which then gets a 1001 close frame, and the process exits 0', async () => {
  const { dir, remove } = await makeTempDir('eha-process-ws-');
  const child = run(dir, { DATA_DIR: path.join(dir, 'data'), WEBCHAT_TOKEN_SECRET: 'a-test-secret-for-webchat-tokens-0123456789' });
  try {
    const url = await listeningUrl(child);
    const call = async (route: string, token: string | undefined, body: unknown) => {
      const res = await fetch(`${url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const issued = await call('/api/directline/token', undefined, {});
    const started = await call('/v3/directline/conversations', issued.body.token, {});
    const { token, conversationId, streamUrl } = started.body;
    const ws = new WebSocket(streamUrl);
    const seen: Array<{ text?: string; role?: string }> = [];
    ws.on('message', (data) => {
      for (const a of JSON.parse(String(data)).activities) seen.push({ text: a.text, role: a.from?.role });
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));

    const posts = ['one', 'two', 'three', 'four', 'five'].map((word) =>
      call(`/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', text: `message ${word}` }),
    );
    // Let the five posts arrive (they queue behind each other), then stop.
    await new Promise((r) => setTimeout(r, 50));
    child.proc.kill('SIGTERM');
    const results = await Promise.all(posts);
    expect(await closed).toBe(1001);
    expect(await child.exited).toEqual({ code: 0, signal: null });

    const accepted = results.filter((r) => r.status === 200).length;
    const handedBack = results.filter((r) => r.status === 503).length;
    expect(accepted + handedBack).toBe(5);
    // Every accepted message got its echo and at least one reply from the bot before the close.
    const echoes = seen.filter((a) => a.role === 'user').length;
    const botReplies = seen.filter((a) => a.role === 'bot').length;
    expect(echoes).toBe(accepted);
    expect(botReplies).toBeGreaterThanOrEqual(accepted + 1);
  } finally {
    if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
    await remove();
  }
}, 60_000);

test('one process per DATA_DIR; after kill -9 a restart takes the folder at once and a retried activity does not run twice', async () => {
  const { dir, remove } = await makeTempDir('eha-process-lock-');
  const env = { DATA_DIR: path.join(dir, 'data') };
  const first = run(dir, env);
  let second: Child | undefined;
  let third: Child | undefined;
  try {
    const url = await listeningUrl(first);
    const send = async (base: string, activity: Record<string, unknown>) => {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { activities: unknown[] }).activities;
    };
    const turn = message('my son is being bullied at school', { id: 'retried-activity-1', conversation: { id: 'proc-lock' } });
    expect((await send(url, turn)).length).toBeGreaterThanOrEqual(1);

    // A second process on the same folder stops with a clear error instead of sharing it.
    second = run(dir, env);
    expect((await second.exited).code).toBe(1);
    expect(second.stderr.join('')).toContain(`is in use by process ${first.proc.pid}`);

    // The first dies without releasing its lock; its replacement starts without waiting.
    first.proc.kill('SIGKILL');
    await first.exited;
    third = run(dir, env);
    const url3 = await listeningUrl(third);
    // "Without waiting": it saw the owner was gone and took the lock (storage.lock.stale), rather
    // than waiting for the lock to go stale (storage.lock.wait). Read from its log, not a clock,
    // so a loaded machine cannot fail it.
    const lockEvents = third.stdout.map((l) => JSON.parse(l).event as string).filter((e) => e.startsWith('storage.lock.'));
    expect(lockEvents).toEqual(['storage.lock.stale']);

    // The connector retries the activity whose reply it never got: the turn is not run again.
    expect(await send(url3, turn)).toEqual([]);
    // The log line may reach us a moment after the HTTP answer.
    const events = async () => third!.stdout.map((l) => JSON.parse(l).event as string);
    for (let i = 0; i < 40 && !(await events()).includes('turn.duplicate'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await events()).toEqual(expect.arrayContaining(['storage.lock.stale', 'turn.duplicate']));
    // A new activity in the same conversation still runs.
    expect((await send(url3, message('thanks', { id: 'retried-activity-2', conversation: { id: 'proc-lock' } }))).length).toBeGreaterThanOrEqual(1);
  } finally {
    for (const child of [first, second, third]) if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
    await remove();
  }
}, 60_000);
