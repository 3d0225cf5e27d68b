// Fuzzing every route of the real server (issue 10, point 12): seeded requests over every
// route the default plugins register, with wrong methods, malformed, truncated, wrongly typed,
// deep and huge JSON, unicode edge cases, odd headers, paths and query strings, broken HTTP,
// WebSocket junk, and valid Direct Line conversations interleaved. What must hold:
//   - no 5xx from input (a 503 with Retry-After, which shutdown and a full chat send, is allowed);
//   - every JSON error is short and has the { "error": "..." } shape;
//   - no uncaught exception or unhandled rejection, and no request left hanging;
//   - GET /health answers 200 throughout and at the end.
//
// About 10 s of fuzzing by default (most of it with the Web Chat rate limits raised so they do
// not hide the routes behind 429s, the rest at the default limits so the 429 paths run too),
// then a short burst through a graceful shutdown.
//
//   FUZZ_SECONDS=120 npx jest test/hosting/fuzz.test.ts    a long run
//   FUZZ_SEED=7 ...                                          another sequence (any number or text)
//   FUZZ_CONCURRENCY=1 ...                                   one request at a time (easiest to replay)
//   FUZZ_VERBOSE=1 ...                                       print the status histogram of each phase
//
// On failure the seed and each failing request (method, path, headers, body preview) are
// printed, and written in full (body in base64) to test-results/fuzz-failures-<seed>-<phase>.json.
// Any error-level log line fails the run: the problems it found so far are fixed, each with a
// regression test beside the code's own tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import vm from 'node:vm';
import WebSocket from 'ws';
import { teamsPlugin } from '../../bot/teams';
import { webChatPlugin } from '../../bot/webchat';
import { AGE_BANDS, NEED_LEVEL_IDS, PRIORITY_GROUP_IDS } from '../../knowledge/vocabulary';
import { message, startTestServer, type TestServer } from '../helpers/botServer';
import { HOSTILE_STRINGS, UNICODE_EDGES, deepJsonText, fuzzJson, fuzzKey, fuzzString, hugeString, malformJson, randomCodeUnits, withDeep } from '../helpers/fuzzInputs';
import { Rng, seedOf } from '../helpers/prng';

// ---------------------------------------------------------------------------------------------
// Settings

const SECONDS = positive(process.env.FUZZ_SECONDS, 10);
const SEED_TEXT = process.env.FUZZ_SEED?.trim() || '20260612';
const SEED = /^\d+$/.test(SEED_TEXT) ? Number(SEED_TEXT) >>> 0 : seedOf(SEED_TEXT);
const CONCURRENCY = Math.floor(positive(process.env.FUZZ_CONCURRENCY, 4));
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
/** Shares of the time: raised limits, default limits, and traffic through a graceful shutdown. */
const RAISED_SHARE = 0.65;
const DEFAULT_SHARE = 0.25;
const SHUTDOWN_SHARE = 0.1;
/** A request with no answer after this long counts as a hang. */
const REQUEST_TIMEOUT_MS = 15_000;
/**
 * /health slower than this counts as not answering. Generous: on a 2-core CI runner the whole
 * suite shares the CPU with this server, and a deaf process (what this catches) never answers.
 */
const HEALTH_TIMEOUT_MS = 10_000;
/** /health is asked after every this many requests (across workers). */
const HEALTH_EVERY = 25;
/** An error body (JSON, status >= 400) must be at most this long. */
const SHORT_BODY_BYTES = 1024;
/** Bodies of huge requests reach this size (the routes' own limits are 1 KB to 256 KB). */
const HUGE_BYTES = 1024 * 1024;
/** Failures collected before a phase stops early. */
const MAX_FAILURES = 25;
/** Response bytes kept for the checks (the Web Chat bundle is 4 MB). */
const KEEP_BODY_BYTES = 64 * 1024;
const MAX_POOL = 40;
const MAX_OPEN_STREAMS = 12;

function positive(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Web Chat settings with the per-client limits out of the way (the other phase uses the defaults). */
const RAISED_LIMITS = {
  WEBCHAT_NEW_CHATS_PER_10_MINUTES: '100000',
  WEBCHAT_MESSAGES_PER_MINUTE: '100000',
  WEBCHAT_MAX_CONVERSATIONS: '100000',
  WEBCHAT_MAX_CONVERSATIONS_PER_CLIENT: '100000',
};

// ---------------------------------------------------------------------------------------------
// The routes the server registers with teamsPlugin() and webChatPlugin() (bot/server.ts,
// bot/teams/routes.ts, bot/webchat/pageRoutes.ts, bot/webchat/directLineRoutes.ts, and the
// upgrade handler in bot/webchat/stream.ts). Every one must see traffic in the raised phase.

const DL = '/v3/directline';
const ROUTE_KEYS = [
  'GET /health',
  'HEAD /health',
  'POST /api/messages',
  'GET /teams/tab',
  'GET /teams/about',
  'GET /teams/privacy',
  'GET /teams/terms',
  'GET /teams/static/:file',
  'GET /api/directory/filters',
  'GET /api/directory/services',
  'GET /',
  'HEAD /',
  'GET /favicon.ico',
  'GET /webchat/webchat.js',
  'GET /webchat/embed.js',
  'GET /webchat/embed.css',
  'GET /webchat/page.css',
  'GET /webchat/config.json',
  'OPTIONS /api/directline/token',
  'POST /api/directline/token',
  `OPTIONS ${DL}/*`,
  `POST ${DL}/tokens/generate`,
  `POST ${DL}/tokens/refresh`,
  `POST ${DL}/conversations`,
  `GET ${DL}/conversations/:conversationId`,
  `POST ${DL}/conversations/:conversationId/activities`,
  `GET ${DL}/conversations/:conversationId/activities`,
  `POST ${DL}/conversations/:conversationId/upload`,
  `UPGRADE ${DL}/conversations/:conversationId/stream`,
] as const;
type RouteKey = (typeof ROUTE_KEYS)[number];

// ---------------------------------------------------------------------------------------------
// Requests and what came back

interface FuzzRequest {
  route: RouteKey | 'raw' | 'none';
  /** Which generator made it, for the histogram and the failure report. */
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Bytes written as they are over a TCP socket (broken HTTP, hand-made upgrades). */
  raw?: Buffer;
  /** Bytes written after a raw upgrade is accepted (junk WebSocket frames). */
  afterUpgrade?: Buffer;
  /** A WebSocket stream opened with the ws client, then fed these frames. */
  ws?: { url: string; origin?: string; frames: Array<{ kind: 'text' | 'binary' | 'ping'; data: Buffer }>; holdMs: number; terminate: boolean };
  /** The server may close the connection without an answer (a body over the route's limit, broken HTTP). */
  mayReset?: boolean;
  /** Updates the client's state (tokens, watermarks) from the answer. */
  after?: (outcome: Outcome) => void;
}

interface Outcome {
  /** Every status seen (a raw socket may carry several pipelined answers). */
  statuses: number[];
  status?: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  bodyBytes: number;
  error?: string;
  timedOut?: boolean;
  /** The request could not even be built by Node's client (not sent, not a server problem). */
  notSent?: boolean;
  wsClose?: number;
  ms: number;
  /**
   * Reset before any answer on a kept-alive socket the server had just closed as idle: Node's
   * documented race (http.ClientRequest.reusedSocket). Such a request is sent once more on a
   * new connection; only that second answer counts.
   */
  resetOnReuse?: boolean;
}

interface Conversation {
  token: string;
  conversationId: string;
  started: boolean;
  watermark: string;
}

interface Target {
  name: string;
  server: TestServer;
  port: number;
  agent: http.Agent;
  pool: Conversation[];
  openStreams: Set<WebSocket>;
}

interface Failure {
  phase: string;
  worker: number;
  index: number;
  problem: string;
  request: FuzzRequest;
  outcome?: Outcome;
}

interface PhaseStats {
  phase: string;
  seconds: number;
  requests: number;
  healthChecks: number;
  healthMaxMs: number;
  statuses: Map<string, number>;
  labels: Map<string, number>;
  routes: Map<string, number>;
  failures: Failure[];
  /** The slowest requests, for the summary. */
  slow: Array<{ ms: number; what: string }>;
  /** What was in flight when /health was slow (over 500 ms). */
  slowHealth: Array<{ ms: number; inFlight: string[] }>;
  inFlight: Set<string>;
  /** The longest the event loop (this process: client and server) was held, in ms. */
  loopMaxMs: number;
  /** Requests sent again after the kept-alive race (see Outcome.resetOnReuse). */
  resent: number;
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

// ---------------------------------------------------------------------------------------------
// Small builders

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const jsonBody = (value: unknown) => utf8(JSON.stringify(value));

/** Percent-encodes the UTF-8 of `text` (lone surrogates become U+FFFD, as any client would send). */
function pct(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Percent-encodes what may not appear raw in a request target (spaces, controls, non-latin1); keeps stray '%'. */
function urlSafe(text: string): string {
  return text.replace(/[^\x21-\x7e]+/gu, (run) => pct(run)).replace(/#/g, '%23');
}

/** A header value Node's client will send: the UTF-8 bytes as latin1, without control characters. */
function headerSafe(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1').replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
}

function randomBase64url(rng: Rng, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, 63)];
  return out;
}

/**
 * Random bytes; past 4 KB one random block repeated. Drawing each byte of a many-megabyte body
 * held this process's event loop (the server's too) for a second, which read as a slow server.
 */
function randomBytes(rng: Rng, length: number): Buffer {
  const block = Buffer.alloc(Math.min(length, 4096));
  for (let i = 0; i < block.length; i++) block[i] = rng.int(0, 255);
  return length <= block.length ? block : Buffer.alloc(length, block);
}

/** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates as CESU-8. */
function invalidUtf8(rng: Rng): Buffer {
  return Buffer.from(rng.pick([[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3]]));
}

/** JSON text with a few invalid UTF-8 bytes spliced into a string. */
function withInvalidUtf8(rng: Rng, text: string): Buffer {
  const at = text.indexOf('"', text.indexOf(':') + 1);
  const cut = at > 0 ? at + 1 : Math.floor(text.length / 2);
  return Buffer.concat([utf8(text.slice(0, cut)), invalidUtf8(rng), utf8(text.slice(cut))]);
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  ' application/json ;;;',
  'application/vnd.microsoft.activity+json',
  'application/+json',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'application/xml',
  '',
  '*/*',
  'application/json, text/plain',
];

const ACCEPTS = ['application/json', 'text/html', '*/*', 'image/png', 'application/xml', 'garbage', '', 'text/*;q=0', 'application/json;q=0, */*;q=0'];

function fuzzHeaders(rng: Rng, headers: Record<string, string>, body?: Buffer): Record<string, string> {
  const out = { ...headers };
  if (body !== undefined && rng.chance(0.8)) out['content-type'] ??= 'application/json';
  if (rng.chance(0.2)) out['content-type'] = rng.pick(CONTENT_TYPES);
  if (rng.chance(0.2)) out.accept = rng.pick(ACCEPTS);
  if (rng.chance(0.1)) out['accept-encoding'] = rng.pick(['gzip', 'br', 'identity;q=0', 'gzip;q=0', 'x'.repeat(500), '*']);
  if (rng.chance(0.1)) out.origin = headerSafe(rng.pick(['null', 'http://evil.example', 'https://www.example.gov.uk', 'http://127.0.0.1', fuzzString(rng, 80)]));
  if (rng.chance(0.08)) out['x-forwarded-for'] = headerSafe(rng.pick(['203.0.113.9', '::1', '2001:db8::1', 'not-an-ip', ', , ,', '1.1.1.1, 2.2.2.2, 3.3.3.3', '[::1]:80', fuzzString(rng, 60), '9'.repeat(400)]));
  if (rng.chance(0.05)) out['x-forwarded-proto'] = rng.pick(['https', 'http', 'gopher', 'https, http', '']);
  if (rng.chance(0.05)) out.host = headerSafe(rng.pick(['[', 'a b', '', 'evil.example', '127.0.0.1:99999', 'x'.repeat(300), '[::1]', '%', 'a/b?c#d', 'user@host', 'é.example', fuzzString(rng, 40)]));
  if (rng.chance(0.04)) out['x-fuzz'] = 'h'.repeat(rng.pick([1_000, 8_000, 15_000, 17_000]));
  if (rng.chance(0.04)) out.expect = '100-continue';
  if (rng.chance(0.03)) out.cookie = `a=${'c'.repeat(rng.size(6000))}; ${headerSafe(fuzzString(rng, 40))}`;
  if (rng.chance(0.05)) out['x-ms-bot-agent'] = headerSafe(fuzzString(rng, 200));
  if (rng.chance(0.03)) out['content-encoding'] = rng.pick(['gzip', 'br', 'identity', 'x']);
  if (rng.chance(0.03)) out['user-agent'] = headerSafe(randomCodeUnits(rng, 100));
  if (rng.chance(0.02)) out.range = rng.pick(['bytes=0-10', 'bytes=-1', 'bytes=99999999999-', 'junk']);
  if (rng.chance(0.02)) out['if-none-match'] = headerSafe(fuzzString(rng, 80));
  return out;
}

/** A bogus or misused Authorization header; `conversation` gives a real token to misuse. */
function fuzzAuthorization(rng: Rng, target: Target, conversation?: Conversation): string {
  const token = conversation?.token ?? rng.pick(target.pool)?.token ?? 'x.y.z';
  const [head, payload, signature] = token.split('.');
  const other = rng.pick(target.pool)?.token ?? token;
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return headerSafe(
    rng.pick([
      () => 'Bearer',
      () => 'Bearer ',
      () => 'Basic dXNlcjpwYXNz',
      () => 'Bearer x.y.z',
      () => `Bearer ${other}`,
      () => `bearer ${token}`,
      () => `Bearer   ${token}   `,
      () => `Bearer ${token} extra`,
      () => `Bearer ${head}.${payload}.`,
      () => `Bearer ${head}.${payload}.${signature?.split('').reverse().join('')}`,
      () => `Bearer ${head}.${other.split('.')[1]}.${signature}`,
      () => `Bearer ${b64({ alg: 'none' })}.${payload}.`,
      () => `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ conv: conversation?.conversationId ?? 'x', user: 'dl_x', exp: 9e9 })}.c2ln`,
      () => `Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64({ iss: 'https://api.botframework.com', exp: 9e9 })}.c2ln`,
      () => `Bearer ${'a'.repeat(rng.size(12_000))}`,
      () => `Bearer ${token}.${token}`,
      () => `Bearer ${fuzzString(rng, 100)}`,
      () => fuzzString(rng, 100),
    ])(),
  );
}

/** A path segment: the real one, or junk (bad percent escapes, dot segments, very long...). */
function fuzzSegment(rng: Rng, valid?: string): string {
  return rng.weighted<() => string>([
    [valid ? 5 : 0, () => valid ?? ''],
    [2, () => randomBase64url(rng, 24)],
    [1, () => ''],
    [1, () => 'a'.repeat(rng.size(12_000))],
    [3, () => rng.pick(['%E0%A4%A', '%', '%zz', '%00', '%2F', '%2f..%2f', '..', '../..', '%2e%2e', '.', '%ED%A0%80', '%C0%AF', '%FF', '__proto__', 'constructor', 'toString', '*', ';', ',', '%20', '+', '%2B', '~', "!$&'()*+,;=:@", '%%32%65'])],
    [2, () => pct(fuzzString(rng, 60))],
    [1, () => Buffer.from(randomBytes(rng, rng.int(1, 8)).map((b) => 0x80 | b)).toString('latin1')],
    [valid ? 1 : 0, () => `${valid}${rng.pick(['/', '%2F', '/..', '/../x', ';x', '%00', '.json'])}`],
  ])();
}

/** A query string with the route's own keys and junk, given as `?...` or ''. */
function fuzzQuery(rng: Rng, keys: readonly string[], values: (key: string) => string): string {
  if (rng.chance(0.25)) return '';
  const pairs: string[] = [];
  for (let n = rng.int(1, 5); n > 0; n--) {
    const key = rng.weighted<() => string>([
      [keys.length > 0 ? 6 : 0, () => rng.pick(keys)],
      [1, () => pct(fuzzKey(rng))],
      [1, () => rng.pick(['%', '%E0%A4%A', '', '=', '&', '__proto__', 'constructor', 'k'.repeat(rng.size(6000))])],
    ])();
    const value = rng.weighted<() => string>([
      [5, () => values(key)],
      [3, () => pct(fuzzString(rng, 120))],
      [1, () => rng.pick(['%', '%E0%A4%A', '%ED%A0%80', '%00', '+', '%2B', '', '=', 'a=b=c', '-1', '1e9', '99999999999999999999', '0x1', '%201', '1.5'])],
      [1, () => 'v'.repeat(rng.size(8000))],
    ])();
    pairs.push(rng.chance(0.1) ? key : `${key}=${value}`);
  }
  return `?${pairs.join(rng.chance(0.9) ? '&' : rng.pick([';', '&&', '&amp;']))}${rng.chance(0.03) ? '#frag' : ''}`;
}

function fuzzWatermark(rng: Rng, conversation?: Conversation): string {
  return urlSafe(rng.weighted<() => string>([
    [4, () => conversation?.watermark ?? ''],
    [2, () => String(rng.int(-2, 40))],
    [2, () => rng.pick(['', '-1', 'abc', '1e9', '9007199254740993', '99999999999999999999999999', '0x10', ' 1', '1 ', '%', '%E0%A4%A', 'NaN', '00000001', '١٢', '1.5'])],
    [1, () => pct(fuzzString(rng, 40))],
    [1, () => '9'.repeat(rng.size(5000))],
  ])());
}

// ---------------------------------------------------------------------------------------------
// Bodies

/** A body that is not what the route wants: wrong type, malformed, deep, huge, not UTF-8, not JSON. */
function junkBody(rng: Rng, good: string, limit: number): { body: Buffer; label: string; mayReset?: boolean } {
  const kind = rng.weighted<string>([
    [3, 'malformed'],
    [2, 'wrong-type'],
    [2, 'deep'],
    [1, 'huge'],
    [1, 'sprawling'],
    [1, 'not-utf8'],
    [1, 'not-json'],
    [1, 'empty'],
    [1, 'random-json'],
  ]);
  switch (kind) {
    case 'malformed':
      return { body: utf8(malformJson(rng, good)), label: 'body:malformed' };
    case 'wrong-type':
      return { body: utf8(rng.pick(['[]', '[{}]', `[${good}]`, '0', '-1', '1e999', 'null', 'true', '"text"', '""', `"${'s'.repeat(100)}"`])), label: 'body:wrong-type' };
    case 'deep': {
      const depth = rng.pick([33, 100, 1_000, 10_000, 100_000]);
      const deep = deepJsonText(rng, depth);
      return { body: utf8(good.includes('"DEEP"') ? withDeep(good, deep) : deep), label: `body:deep-${depth}`, mayReset: deep.length > limit };
    }
    case 'huge': {
      const text = hugeString(rng, HUGE_BYTES);
      const body = jsonBody({ type: 'message', text, value: rng.chance(0.5) ? text.slice(0, 20_000) : undefined });
      return { body, label: 'body:huge', mayReset: body.length > limit };
    }
    case 'sprawling': {
      const items = rng.pick([1_000, 20_001, 50_000]);
      const body = utf8(`{"type":"message","text":"x","value":[${'1,'.repeat(items - 1)}1]}`);
      return { body, label: `body:sprawling-${items}`, mayReset: body.length > limit };
    }
    case 'not-utf8':
      return { body: withInvalidUtf8(rng, good), label: 'body:not-utf8' };
    case 'not-json':
      return {
        body: rng.pick([
          () => utf8('type=message&text=hello'),
          () => utf8('------x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n------x--\r\n'),
          () => utf8('<?xml version="1.0"?><activity><type>message</type></activity>'),
          () => randomBytes(rng, rng.size(4096)),
          () => utf8(randomCodeUnits(rng, rng.size(2000))),
        ])(),
        label: 'body:not-json',
      };
    case 'empty':
      return { body: utf8(rng.pick(['', ' ', '\r\n', '\t\n '])), label: 'body:empty' };
    default:
      return { body: jsonBody(fuzzJson(rng, 4)), label: 'body:random-json' };
  }
}

/** An activity as Web Chat posts it, with fuzzed fields. */
function postedActivity(rng: Rng): Record<string, unknown> {
  const activity: Record<string, unknown> = {
    type: rng.weighted<unknown>([
      [8, 'message'],
      [2, 'event'],
      [1, rng.pick(['invoke', 'conversationUpdate', '', 'MESSAGE', 1, null, ['message'], { type: 'message' }])],
    ]),
  };
  if (rng.chance(0.85)) {
    activity.text = rng.weighted<() => unknown>([
      [8, () => fuzzString(rng, 400)],
      [1, () => hugeString(rng, 40_000)],
      [1, () => rng.pick([1, null, {}, ['hi'], true])],
    ])();
  }
  if (rng.chance(0.3)) {
    activity.value = rng.weighted<() => unknown>([
      [3, () => fuzzJson(rng, 4)],
      [3, () => cardSubmit(rng)],
      [1, () => 'v'.repeat(rng.pick([8_000, 9_000]))],
      [1, () => 'DEEP'],
    ])();
  }
  if (rng.chance(0.2)) {
    activity.channelData = rng.weighted<() => unknown>([
      [3, () => ({ clientActivityID: fuzzString(rng, 60), clientTimestamp: fuzzString(rng, 40) })],
      [2, () => fuzzJson(rng, 4)],
      [1, () => 'DEEP'],
      [1, () => ({ attachmentSizes: [1e308], [fuzzKey(rng)]: fuzzJson(rng, 2) })],
    ])();
  }
  if (rng.chance(0.2)) activity.name = rng.pick(['webchat/join', 'startConversation', 'n'.repeat(101), fuzzString(rng, 100)]);
  if (rng.chance(0.3)) activity.locale = rng.pick(['en-GB', 'cy-GB', 'en', '', 'x'.repeat(36), 'zz-ZZ-u-nu-arab', fuzzString(rng, 35)]);
  if (rng.chance(0.15)) activity.localTimestamp = rng.pick(['2026-01-01T00:00:00+01:00', 'not a date', '', '9'.repeat(64), fuzzString(rng, 64)]);
  if (rng.chance(0.1)) activity.localTimezone = rng.pick(['Europe/London', 'Mars/Olympus', fuzzString(rng, 64)]);
  if (rng.chance(0.1)) activity.entities = rng.pick([() => [{ type: 'ClientCapabilities', requiresBotState: true }], () => Array.from({ length: rng.size(12) }, () => fuzzJson(rng, 2)), () => 'entities', () => [null]])();
  if (rng.chance(0.1)) activity[fuzzKey(rng)] = fuzzJson(rng, 2);
  if (rng.chance(0.05)) activity.from = { id: 'someone-else', name: fuzzString(rng, 100) };
  return activity;
}

/** What a card button sends, sometimes right, sometimes not. */
function cardSubmit(rng: Rng): unknown {
  return rng.pick([
    () => ({ action: 'choose', value: fuzzString(rng, 120) }),
    () => ({ action: 'topic', group: rng.chance(0.7) ? rng.pick(PRIORITY_GROUP_IDS) : fuzzString(rng, 40) }),
    () => ({ action: rng.pick(['restart', 'talk', 'help', 'quick-exit']) }),
    () => ({ action: rng.pick(['restart', 'talk']), extra: fuzzJson(rng, 1) }),
    () => ({ action: fuzzString(rng, 40) }),
    () => ({ action: 'choose', value: rng.pick([1, null, {}, []]) }),
  ])();
}

/** An activity for POST /api/messages, on the emulator, Teams, Web Chat or a made-up channel. */
function botActivity(rng: Rng): Record<string, unknown> {
  const channelId = rng.weighted<string>([
    [4, 'emulator'],
    [4, 'msteams'],
    [1, 'webchat'],
    [1, 'directline'],
    [1, fuzzString(rng, 64) || 'x'],
  ]);
  const teams = channelId === 'msteams';
  const conversationId = rng.chance(0.8) ? `fuzz-${rng.int(1, 12)}` : fuzzString(rng, 600) || 'c';
  const type = rng.weighted<unknown>([
    [10, 'message'],
    [2, 'conversationUpdate'],
    [2, 'invoke'],
    [1, rng.pick(['event', 'messageReaction', 'typing', 'endOfConversation', 'installationUpdate', 'messageUpdate', 'messageDelete', 'contactRelationUpdate', 'trace', 'handoff', 'command'])],
    [1, rng.pick(['', 'MESSAGE', fuzzString(rng, 30), 7, null])],
  ]);
  const activity = message(undefined, {
    type,
    channelId,
    conversation: {
      id: conversationId,
      ...(teams ? { conversationType: rng.pick(['personal', 'groupChat', 'channel', fuzzString(rng, 20)]), tenantId: rng.pick(['t', fuzzString(rng, 40)]) } : {}),
      ...(rng.chance(0.1) ? { isGroup: rng.pick([true, 'yes', null, 1]) } : {}),
    },
    from: rng.chance(0.9) ? { id: rng.pick(['user-1', 'user-2', '29:user', fuzzString(rng, 100) || 'u']), name: fuzzString(rng, 60), ...(teams && rng.chance(0.5) ? { aadObjectId: fuzzString(rng, 40) } : {}) } : rng.pick([{}, { id: '' }, null, 'user']),
    recipient: rng.chance(0.9) ? { id: teams ? '28:bot' : 'bot', name: rng.pick(['Early Help', 'Early Help Assistant', fuzzString(rng, 40)]) } : rng.pick([{ id: 7 }, null, 'bot']),
    ...(rng.chance(0.1) ? { id: fuzzString(rng, 600) } : {}),
  });
  // Without expectReplies the bot posts its replies to serviceUrl: only to hosts off the
  // allow-list here (a 400 before any turn). Replies to an allowed channel that does not answer
  // are test/hosting/outboundDeadline.test.ts's subject.
  if (rng.chance(0.85)) activity.deliveryMode = 'expectReplies';
  else {
    activity.serviceUrl = rng.pick(['http://169.254.169.254/latest/', 'not a url', 'https://evil.example/', 'http://[::1', 'http://127.0.0.1.evil.example/', 'http://localhost@evil.example/', fuzzString(rng, 100)]);
    if (rng.chance(0.5)) activity.deliveryMode = rng.pick(['normal', 'notification', 'EXPECTREPLIES', fuzzString(rng, 20)]);
  }
  if (rng.chance(0.85)) {
    activity.text = rng.weighted<() => unknown>([
      [10, () => fuzzString(rng, 600)],
      [1, () => hugeString(rng, 200_000)],
      [1, () => (teams ? `<at>Early Help</at> ${fuzzString(rng, 100)}` : '<at'.repeat(rng.size(60_000)))],
      [1, () => rng.pick([1, {}, ['hi'], true])],
    ])();
  }
  if (rng.chance(0.25)) activity.value = rng.weighted<() => unknown>([[3, () => cardSubmit(rng)], [3, () => fuzzJson(rng, 4)], [1, () => 'DEEP']])();
  if (type === 'invoke' || rng.chance(0.05)) {
    activity.name = rng.pick(['adaptiveCard/action', 'adaptiveCard/action', 'composeExtension/query', 'task/fetch', 'task/submit', 'signin/verifyState', 'signin/tokenExchange', 'healthCheck', 'actionableMessage/executeAction', 'fileConsent/invoke', 'config/fetch', 'tab/fetch', fuzzString(rng, 200)]);
    if (rng.chance(0.7)) {
      activity.value = rng.pick([
        () => ({ action: { type: 'Action.Execute', verb: rng.pick(['restart', 'talk', 'choose', fuzzString(rng, 30)]), data: rng.chance(0.5) ? cardSubmit(rng) : fuzzJson(rng, 3) } }),
        () => ({ action: fuzzJson(rng, 2) }),
        () => ({ commandId: fuzzString(rng, 40), parameters: [{ name: 'q', value: fuzzString(rng, 100) }] }),
        () => fuzzJson(rng, 3),
      ])();
    }
  }
  if (type === 'conversationUpdate' || rng.chance(0.05)) {
    activity.membersAdded = rng.pick([
      () => [{ id: 'user-1' }],
      () => [{ id: 'bot' }, { id: 'user-2', name: fuzzString(rng, 40) }],
      () => Array.from({ length: rng.pick([0, 100, 101]) }, (_, i) => ({ id: `m-${i}` })),
      () => [{ id: 7 }],
      () => 'everyone',
    ])();
    if (rng.chance(0.3)) activity.membersRemoved = [{ id: fuzzString(rng, 40) }];
  }
  if (rng.chance(teams ? 0.6 : 0.15)) {
    activity.channelData = rng.pick([
      () => ({ tenant: { id: rng.pick(['t', fuzzString(rng, 40)]) }, team: rng.chance(0.3) ? { id: fuzzString(rng, 40) } : undefined, eventType: rng.pick([undefined, 'teamMemberAdded', 'channelCreated', fuzzString(rng, 30)]) }),
      () => ({ tenant: rng.pick([null, 'tenant', { id: 7 }, []]) }),
      () => fuzzJson(rng, 3),
      () => 'DEEP',
    ])();
  }
  if (rng.chance(teams ? 0.5 : 0.1)) {
    activity.entities = rng.pick([
      () => [{ type: 'mention', text: '<at>Early Help</at>', mentioned: { id: '28:bot', name: 'Early Help' } }],
      () => [{ type: 'mention', text: fuzzString(rng, 100), mentioned: { id: fuzzString(rng, 40), name: fuzzString(rng, 40) } }],
      () => [{ type: 'mention' }, { type: 'mention', mentioned: null }, null],
      () => Array.from({ length: rng.size(200) }, () => fuzzJson(rng, 2)),
      () => ({ type: 'mention' }),
    ])();
  }
  if (rng.chance(0.1)) {
    activity.attachments = rng.pick([
      () => [{ contentType: 'application/vnd.microsoft.card.adaptive', content: fuzzJson(rng, 4) }],
      () => [{ contentType: 'image/png', contentUrl: rng.pick(['https://example.org/x.png', 'file:///etc/passwd', fuzzString(rng, 100)]) }],
      () => [{ contentType: 7 }],
      () => Array.from({ length: rng.size(50) }, () => ({ contentType: fuzzString(rng, 40) })),
      () => 'attachment',
    ])();
  }
  if (rng.chance(0.15)) activity.locale = rng.pick(['cy-GB', '', 'x'.repeat(200), fuzzString(rng, 40), 7]);
  if (rng.chance(0.1)) activity.timestamp = rng.pick(['not a date', '', '9999-99-99T99:99:99Z', 0, -1e20, fuzzString(rng, 40)]);
  if (rng.chance(0.1)) activity.localTimestamp = rng.pick(['not a date', '2026-13-45T25:61:61+99:99', fuzzString(rng, 40)]);
  if (rng.chance(0.05)) activity.replyToId = fuzzString(rng, 600);
  if (rng.chance(0.05)) activity.textFormat = rng.pick(['markdown', 'xml', 'plain', fuzzString(rng, 20)]);
  if (rng.chance(0.05)) activity[fuzzKey(rng)] = fuzzJson(rng, 3);
  return activity;
}

// ---------------------------------------------------------------------------------------------
// The generator: one request at a time, drawn from the worker's Rng

const MESSAGES_LIMIT = 256 * 1024; // bot/http/activityBody.ts MAX_BODY_BYTES
const WEBCHAT_LIMIT = 32 * 1024; // WEBCHAT_MAX_BODY_BYTES default
const TOKEN_LIMIT = 1024; // the page's token endpoint

function generate(rng: Rng, target: Target): FuzzRequest {
  const kind = rng.weighted<string>([
    [34, 'flow'],
    [18, 'messages'],
    [34, 'route'],
    [5, 'raw'],
    [5, 'stream'],
    [4, 'upgrade'],
  ]);
  switch (kind) {
    case 'flow':
      return flowRequest(rng, target);
    case 'messages':
      return messagesRequest(rng);
    case 'raw':
      return rawRequest(rng, target);
    case 'stream':
      return streamRequest(rng, target);
    case 'upgrade':
      return upgradeRequest(rng, target);
    default:
      return routeRequest(rng, target);
  }
}

const asConversation = (outcome: Outcome): Conversation | undefined => {
  if (outcome.status !== 200 && outcome.status !== 201) return undefined;
  try {
    const body = JSON.parse(outcome.body.toString('utf8')) as { token?: unknown; conversationId?: unknown };
    if (typeof body.token === 'string' && typeof body.conversationId === 'string') {
      return { token: body.token, conversationId: body.conversationId, started: false, watermark: '' };
    }
  } catch {
    // not JSON: not a conversation
  }
  return undefined;
};

function remember(target: Target, rng: Rng, conversation: Conversation): void {
  if (target.pool.length < MAX_POOL) target.pool.push(conversation);
  else target.pool[rng.int(0, MAX_POOL - 1)] = conversation;
}

/** A step of a real Direct Line conversation, with fuzzed contents. */
function flowRequest(rng: Rng, target: Target): FuzzRequest {
  const conversation = target.pool.length > 0 ? rng.pick(target.pool) : undefined;
  const step = !conversation || rng.chance(0.12) ? 'token' : rng.weighted<string>([
    [3, 'start'],
    [8, 'post'],
    [5, 'poll'],
    [2, 'reconnect'],
    [1, 'refresh'],
    [1, 'upload'],
    [2, 'wrong-auth'],
  ]);
  const auth: Record<string, string> = conversation ? { authorization: `Bearer ${conversation.token}` } : {};
  const idPath = (c: Conversation) => `${DL}/conversations/${encodeURIComponent(c.conversationId)}`;
  switch (step) {
    case 'token': {
      const page = rng.chance(0.6);
      const body = rng.weighted<Buffer | undefined>([[5, undefined], [2, utf8('{}')], [1, jsonBody(fuzzJson(rng, 2))], [1, utf8(malformJson(rng, '{"user":{"id":"x"}}'))], [1, utf8('x'.repeat(2000))]]);
      return {
        route: page ? 'POST /api/directline/token' : `POST ${DL}/tokens/generate`,
        label: `flow:token${body ? ':body' : ''}`,
        method: 'POST',
        path: page ? '/api/directline/token' : `${DL}/tokens/generate`,
        headers: fuzzHeaders(rng, body ? { 'content-type': 'application/json' } : {}, body),
        body,
        mayReset: (body?.length ?? 0) > (page ? TOKEN_LIMIT : WEBCHAT_LIMIT),
        after: (outcome) => {
          const issued = asConversation(outcome);
          if (issued) remember(target, rng, issued);
        },
      };
    }
    case 'start': {
      const c = conversation!;
      const choice = rng.weighted<string>([[4, 'empty'], [3, 'locale'], [1, 'none'], [2, 'junk']]);
      const junk = choice === 'junk' ? junkBody(rng, '{"locale":"DEEP"}', WEBCHAT_LIMIT) : undefined;
      const body = choice === 'empty' ? utf8('{}') : choice === 'locale' ? jsonBody({ locale: rng.pick(['en-GB', 'cy', '', 'x'.repeat(36), fuzzString(rng, 40)]), [fuzzKey(rng)]: fuzzJson(rng, 1) }) : choice === 'none' ? undefined : junk!.body;
      return {
        route: `POST ${DL}/conversations`,
        label: `flow:start:${junk?.label ?? choice}`,
        method: 'POST',
        path: `${DL}/conversations`,
        headers: fuzzHeaders(rng, { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) }, body),
        body,
        mayReset: junk?.mayReset,
        after: (outcome) => {
          if (outcome.status === 200 || outcome.status === 201) c.started = true;
        },
      };
    }
    case 'post': {
      const c = conversation!;
      const activity = postedActivity(rng);
      const text = JSON.stringify(activity);
      const spoil = rng.chance(0.2);
      const junk = spoil ? junkBody(rng, text, WEBCHAT_LIMIT) : undefined;
      const body = junk?.body ?? utf8(text.includes('"DEEP"') ? withDeep(text, deepJsonText(rng, rng.pick([33, 5_000]))) : text);
      return {
        route: `POST ${DL}/conversations/:conversationId/activities`,
        label: `flow:post${junk ? `:${junk.label}` : ''}`,
        method: 'POST',
        path: `${idPath(c)}/activities`,
        headers: fuzzHeaders(rng, { ...auth, 'content-type': 'application/json' }, body),
        body,
        mayReset: junk?.mayReset || body.length > WEBCHAT_LIMIT,
        after: (outcome) => {
          if (outcome.status === 200) c.started = true;
        },
      };
    }
    case 'poll': {
      const c = conversation!;
      const query = rng.chance(0.8) ? `?watermark=${fuzzWatermark(rng, c)}` : fuzzQuery(rng, ['watermark'], () => fuzzWatermark(rng, c));
      return {
        route: `GET ${DL}/conversations/:conversationId/activities`,
        label: 'flow:poll',
        method: 'GET',
        path: `${idPath(c)}/activities${query}`,
        headers: fuzzHeaders(rng, auth),
        after: (outcome) => {
          if (outcome.status !== 200) return;
          try {
            const { watermark } = JSON.parse(outcome.body.toString('utf8')) as { watermark?: unknown };
            if (typeof watermark === 'string') c.watermark = watermark;
          } catch {
            // the check reports a bad body
          }
        },
      };
    }
    case 'reconnect': {
      const c = conversation!;
      return {
        route: `GET ${DL}/conversations/:conversationId`,
        label: 'flow:reconnect',
        method: 'GET',
        path: `${idPath(c)}?watermark=${fuzzWatermark(rng, c)}`,
        headers: fuzzHeaders(rng, auth),
      };
    }
    case 'refresh': {
      const c = conversation!;
      return {
        route: `POST ${DL}/tokens/refresh`,
        label: 'flow:refresh',
        method: 'POST',
        path: `${DL}/tokens/refresh`,
        headers: fuzzHeaders(rng, auth),
        after: (outcome) => {
          const refreshed = asConversation(outcome);
          if (refreshed && refreshed.conversationId === c.conversationId) c.token = refreshed.token;
        },
      };
    }
    case 'upload': {
      const c = conversation!;
      const body = rng.chance(0.5) ? utf8('------x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n------x--\r\n') : randomBytes(rng, rng.size(HUGE_BYTES));
      return {
        route: `POST ${DL}/conversations/:conversationId/upload`,
        label: 'flow:upload',
        method: 'POST',
        path: `${idPath(c)}/upload?userId=${pct(fuzzString(rng, 40))}`,
        headers: fuzzHeaders(rng, { ...auth, 'content-type': 'multipart/form-data; boundary=----x' }, body),
        body,
        mayReset: true,
      };
    }
    default: {
      // A real conversation's path with someone else's, a forged or a mangled token; or the
      // right token with a mangled conversation id.
      const c = conversation!;
      const mangleId = rng.chance(0.4);
      const id = mangleId ? fuzzSegment(rng, c.conversationId) : encodeURIComponent(c.conversationId);
      const which = rng.pick(['poll', 'post', 'reconnect', 'upload'] as const);
      const headers: Record<string, string> = mangleId ? { ...auth } : { authorization: fuzzAuthorization(rng, target, c) };
      if (rng.chance(0.1)) delete headers.authorization;
      const base = `${DL}/conversations/${id}`;
      if (which === 'post') {
        const body = jsonBody(postedActivity(rng));
        return { route: `POST ${DL}/conversations/:conversationId/activities`, label: 'flow:wrong-auth:post', method: 'POST', path: `${base}/activities`, headers: fuzzHeaders(rng, { ...headers, 'content-type': 'application/json' }, body), body, mayReset: body.length > WEBCHAT_LIMIT };
      }
      if (which === 'upload') return { route: `POST ${DL}/conversations/:conversationId/upload`, label: 'flow:wrong-auth:upload', method: 'POST', path: `${base}/upload`, headers: fuzzHeaders(rng, headers), body: utf8('x') };
      if (which === 'reconnect') return { route: `GET ${DL}/conversations/:conversationId`, label: 'flow:wrong-auth:reconnect', method: 'GET', path: base, headers: fuzzHeaders(rng, headers) };
      return { route: `GET ${DL}/conversations/:conversationId/activities`, label: 'flow:wrong-auth:poll', method: 'GET', path: `${base}/activities?watermark=${fuzzWatermark(rng, c)}`, headers: fuzzHeaders(rng, headers) };
    }
  }
}

function messagesRequest(rng: Rng): FuzzRequest {
  const activity = botActivity(rng);
  const text = JSON.stringify(activity);
  const spoil = rng.chance(0.2);
  const junk = spoil ? junkBody(rng, text, MESSAGES_LIMIT) : undefined;
  const body = junk?.body ?? utf8(text.includes('"DEEP"') ? withDeep(text, deepJsonText(rng, rng.pick([33, 5_000, 50_000]))) : text);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (rng.chance(0.1)) headers.authorization = headerSafe(rng.pick(['Bearer x.y.z', 'Bearer ', `Bearer ${'a'.repeat(5000)}`, 'Basic x', fuzzString(rng, 60)]));
  return {
    route: 'POST /api/messages',
    label: `messages:${String(activity.channelId).slice(0, 12)}${junk ? `:${junk.label}` : ''}`,
    method: 'POST',
    path: '/api/messages',
    headers: fuzzHeaders(rng, headers, body),
    body,
    mayReset: junk?.mayReset || body.length > MESSAGES_LIMIT,
  };
}

interface RouteDef {
  key: RouteKey;
  method: string;
  path: (rng: Rng, conversation?: Conversation) => string;
  query?: { keys: readonly string[]; value: (rng: Rng, key: string) => string };
  /** Sends a body when the right method is used. */
  body?: (rng: Rng) => Buffer | undefined;
  limit?: number;
  auth?: boolean;
}

const DIRECTORY_VALUES: Record<string, readonly string[]> = {
  q: ['housing', 'money', 'school', '', 'a'.repeat(200), 'a'.repeat(201)],
  group: PRIORITY_GROUP_IDS,
  level: NEED_LEVEL_IDS,
  age: AGE_BANDS,
  access: ['self-referral', 'professional-referral', 'both'],
  limit: ['1', '5', '100', '0', '101', '-1', '1.5', '007', '1000', 'x'],
};

const staticPaths = (paths: Array<[RouteKey, string]>): RouteDef[] => paths.map(([key, p]) => ({ key, method: key.split(' ')[0], path: () => p }));

const ROUTE_DEFS: RouteDef[] = [
  ...staticPaths([
    ['GET /health', '/health'],
    ['HEAD /health', '/health'],
    ['GET /teams/tab', '/teams/tab'],
    ['GET /teams/about', '/teams/about'],
    ['GET /teams/privacy', '/teams/privacy'],
    ['GET /teams/terms', '/teams/terms'],
    ['GET /api/directory/filters', '/api/directory/filters'],
    ['GET /', '/'],
    ['HEAD /', '/'],
    ['GET /favicon.ico', '/favicon.ico'],
    ['GET /webchat/embed.js', '/webchat/embed.js'],
    ['GET /webchat/embed.css', '/webchat/embed.css'],
    ['GET /webchat/page.css', '/webchat/page.css'],
    ['GET /webchat/config.json', '/webchat/config.json'],
    ['OPTIONS /api/directline/token', '/api/directline/token'],
  ]),
  {
    key: 'GET /webchat/webchat.js',
    method: 'GET',
    path: () => '/webchat/webchat.js',
    query: { keys: ['v'], value: (rng) => rng.pick(['4.18.1', '', '0', 'x'.repeat(1000)]) },
  },
  {
    key: 'GET /teams/static/:file',
    method: 'GET',
    path: (rng) => `/teams/static/${rng.chance(0.4) ? rng.pick(['tab.js', 'tab.css', 'teams-js.min.js']) : fuzzSegment(rng, rng.pick(['tab.js', '__proto__', 'hasOwnProperty', '..%2F..%2Fpackage.json', '%2e%2e%2f%2e%2e%2fpackage.json', '....//....//etc/passwd', 'tab.js%00.html', 'TAB.JS']))}`,
  },
  {
    key: 'GET /api/directory/services',
    method: 'GET',
    path: () => '/api/directory/services',
    query: { keys: ['q', 'group', 'level', 'age', 'access', 'limit'], value: (rng, key) => (Object.hasOwn(DIRECTORY_VALUES, key) ? pct(rng.pick(DIRECTORY_VALUES[key])) : pct(fuzzString(rng, 40))) },
  },
  {
    key: 'POST /api/messages',
    method: 'POST',
    path: () => '/api/messages',
    body: (rng) => jsonBody(botActivity(rng)),
    limit: MESSAGES_LIMIT,
  },
  {
    key: 'POST /api/directline/token',
    method: 'POST',
    path: () => '/api/directline/token',
    body: (rng) => (rng.chance(0.5) ? undefined : jsonBody(fuzzJson(rng, 2))),
    limit: TOKEN_LIMIT,
  },
  { key: `OPTIONS ${DL}/*`, method: 'OPTIONS', path: (rng, c) => `${DL}/${rng.pick(['conversations', 'tokens/generate', `conversations/${fuzzSegment(rng, c?.conversationId)}/activities`, fuzzSegment(rng)])}` },
  { key: `POST ${DL}/tokens/generate`, method: 'POST', path: () => `${DL}/tokens/generate`, body: (rng) => (rng.chance(0.5) ? undefined : jsonBody(fuzzJson(rng, 2))), limit: WEBCHAT_LIMIT },
  { key: `POST ${DL}/tokens/refresh`, method: 'POST', path: () => `${DL}/tokens/refresh`, auth: true },
  { key: `POST ${DL}/conversations`, method: 'POST', path: () => `${DL}/conversations`, body: (rng) => jsonBody({ locale: fuzzString(rng, 40) }), limit: WEBCHAT_LIMIT, auth: true },
  {
    key: `GET ${DL}/conversations/:conversationId`,
    method: 'GET',
    path: (rng, c) => `${DL}/conversations/${fuzzSegment(rng, c && encodeURIComponent(c.conversationId))}`,
    query: { keys: ['watermark'], value: (rng) => fuzzWatermark(rng) },
    auth: true,
  },
  {
    key: `POST ${DL}/conversations/:conversationId/activities`,
    method: 'POST',
    path: (rng, c) => `${DL}/conversations/${fuzzSegment(rng, c && encodeURIComponent(c.conversationId))}/activities`,
    body: (rng) => jsonBody(postedActivity(rng)),
    limit: WEBCHAT_LIMIT,
    auth: true,
  },
  {
    key: `GET ${DL}/conversations/:conversationId/activities`,
    method: 'GET',
    path: (rng, c) => `${DL}/conversations/${fuzzSegment(rng, c && encodeURIComponent(c.conversationId))}/activities`,
    query: { keys: ['watermark'], value: (rng) => fuzzWatermark(rng) },
    auth: true,
  },
  {
    key: `POST ${DL}/conversations/:conversationId/upload`,
    method: 'POST',
    path: (rng, c) => `${DL}/conversations/${fuzzSegment(rng, c && encodeURIComponent(c.conversationId))}/upload`,
    body: (rng) => randomBytes(rng, rng.size(4096)),
    auth: true,
  },
];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'TRACE', 'MKCOL', 'SEARCH', 'PURGE'];

/** Any route: usually its own method, sometimes another; its path, query, headers and body fuzzed. */
function routeRequest(rng: Rng, target: Target): FuzzRequest {
  const def = rng.pick(ROUTE_DEFS);
  const conversation = rng.chance(0.7) ? rng.pick(target.pool) : undefined;
  const method = rng.chance(0.75) ? def.method : rng.pick(METHODS);
  let p = def.path(rng, conversation);
  if (rng.chance(0.12)) {
    p = rng.pick([
      () => `${p}/`,
      () => `/${p}`,
      // Upper case turns some latin1 bytes into wider characters ("ÿ" to "Ÿ"): those are escaped.
      () => p.toUpperCase().replace(/[^\u0000-\u00ff]/gu, (c) => pct(c)),
      () => `${p}/..`,
      () => p.replace(/\/([^/]*)$/, '/./$1'),
      () => p.replace(/\/([^/]*)$/, '/x/../$1'),
      () => `${p}%00`,
      () => `${p}%2F`,
      () => `${p};jsessionid=1`,
      () => `${p}/${fuzzSegment(rng)}`,
      () => p.replace(/\//g, '%2F'),
      () => `${p}${'/'.repeat(rng.size(200))}`,
    ])();
  }
  const query = def.query ? fuzzQuery(rng, def.query.keys, (key) => def.query!.value(rng, key)) : rng.chance(0.2) ? fuzzQuery(rng, [], () => pct(fuzzString(rng, 20))) : '';
  let body: Buffer | undefined;
  let mayReset = false;
  let label = method === def.method ? 'route' : 'route:wrong-method';
  if (method !== 'GET' && method !== 'HEAD' ? rng.chance(0.8) : rng.chance(0.05)) {
    if (method === def.method && def.body && rng.chance(0.5)) {
      body = def.body(rng);
    } else {
      const junk = junkBody(rng, '{"type":"message","text":"DEEP"}', def.limit ?? WEBCHAT_LIMIT);
      body = junk.body;
      mayReset = junk.mayReset ?? false;
      label += `:${junk.label}`;
    }
  }
  const headers: Record<string, string> = {};
  if (def.auth && conversation && rng.chance(0.8)) headers.authorization = rng.chance(0.7) ? `Bearer ${conversation.token}` : fuzzAuthorization(rng, target, conversation);
  else if (rng.chance(0.15)) headers.authorization = fuzzAuthorization(rng, target, conversation);
  // Oversized bodies and the biggest headers may be cut off by a route that stops reading.
  if (body && body.length > (def.limit ?? WEBCHAT_LIMIT)) mayReset = true;
  return { route: def.key, label, method, path: `${p}${query}`, headers: fuzzHeaders(rng, headers, body), body, mayReset };
}

/** A WebSocket stream opened properly, then fed junk frames. */
function streamRequest(rng: Rng, target: Target): FuzzRequest {
  const conversation = rng.pick(target.pool);
  if (!conversation) return flowRequest(rng, target);
  const token = rng.chance(0.85) ? conversation.token : fuzzAuthorization(rng, target, conversation).replace(/^\S+\s*/, '');
  const url = `ws://127.0.0.1:${target.port}${DL}/conversations/${encodeURIComponent(conversation.conversationId)}/stream?watermark=${fuzzWatermark(rng, conversation)}&t=${encodeURIComponent(token)}`;
  const frames = Array.from({ length: rng.size(8) }, () =>
    rng.weighted<{ kind: 'text' | 'binary' | 'ping'; data: Buffer }>([
      [4, { kind: 'text', data: utf8(rng.chance(0.3) ? '' : fuzzString(rng, 300)) }],
      [1, { kind: 'text', data: utf8('x'.repeat(rng.pick([1_024, 1_025, 4_000]))) }],
      [2, { kind: 'binary', data: randomBytes(rng, rng.size(2_000)) }],
      [1, { kind: 'ping', data: randomBytes(rng, rng.size(125)) }],
      [1, { kind: 'text', data: jsonBody(postedActivity(rng)) }],
    ]),
  );
  return {
    route: `UPGRADE ${DL}/conversations/:conversationId/stream`,
    label: 'stream',
    method: 'GET',
    path: url.slice(url.indexOf(DL)),
    headers: {},
    ws: { url, origin: rng.chance(0.1) ? rng.pick(['http://evil.example', `http://127.0.0.1:${target.port}`, 'null']) : undefined, frames, holdMs: rng.int(0, 300), terminate: rng.chance(0.3) },
  };
}

/** A hand-made upgrade request: bad paths, tokens, keys and versions; junk bytes after a 101. */
function upgradeRequest(rng: Rng, target: Target): FuzzRequest {
  const conversation = rng.pick(target.pool);
  const id = rng.chance(0.6) && conversation ? encodeURIComponent(conversation.conversationId) : fuzzSegment(rng, conversation?.conversationId);
  const token = conversation && rng.chance(0.6) ? conversation.token : fuzzAuthorization(rng, target, conversation).replace(/^\S+\s*/, '');
  const p = rng.weighted<string>([
    [6, `${DL}/conversations/${id}/stream${fuzzQuery(rng, ['t', 'watermark'], (key) => (key === 't' ? encodeURIComponent(token) : fuzzWatermark(rng, conversation)))}`],
    [2, `${DL}/conversations/${id}/stream?t=${encodeURIComponent(token)}`],
    [1, rng.pick(['/health', '/', '/api/messages', `${DL}/conversations/${id}/activities`, `${DL}/conversations/${id}/stream/x`, '*', `//${DL}/conversations/${id}/stream`, `http://evil.example${DL}/conversations/${id}/stream`])],
  ]);
  const lines = [`GET ${p} HTTP/1.1`, `Host: ${rng.chance(0.9) ? `127.0.0.1:${target.port}` : headerSafe(rng.pick(['[', 'evil.example', '']))}`];
  if (rng.chance(0.9)) lines.push(`Upgrade: ${rng.chance(0.9) ? 'websocket' : rng.pick(['h2c', 'WebSocket', 'websocket, h2c', 'x'])}`);
  if (rng.chance(0.9)) lines.push(`Connection: ${rng.pick(['Upgrade', 'upgrade', 'keep-alive, Upgrade', 'close'])}`);
  if (rng.chance(0.85)) lines.push(`Sec-WebSocket-Key: ${rng.chance(0.85) ? 'dGhlIHNhbXBsZSBub25jZQ==' : rng.pick(['', 'short', '!!!!', 'x'.repeat(200)])}`);
  if (rng.chance(0.9)) lines.push(`Sec-WebSocket-Version: ${rng.chance(0.85) ? '13' : rng.pick(['8', '', '13, 8', 'x'])}`);
  if (rng.chance(0.2)) lines.push(`Origin: ${headerSafe(rng.pick(['http://evil.example', 'null', `http://127.0.0.1:${target.port}`, fuzzString(rng, 60)]))}`);
  if (rng.chance(0.1)) lines.push(`Sec-WebSocket-Extensions: ${rng.pick(['permessage-deflate; client_max_window_bits', 'permessage-deflate; server_max_window_bits=99', 'x; y=;;'])}`);
  if (rng.chance(0.1)) lines.push(`Sec-WebSocket-Protocol: ${rng.pick(['chat', ',,,', 'a b'])}`);
  const raw = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), rng.chance(0.1) ? randomBytes(rng, rng.size(200)) : Buffer.alloc(0)]);
  const afterUpgrade = rng.pick([
    () => randomBytes(rng, rng.size(3_000)),
    // An unmasked text frame (clients must mask): the server must close with a protocol error.
    () => Buffer.concat([Buffer.from([0x81, 0x05]), utf8('hello')]),
    // A masked frame claiming 2^63 bytes.
    () => Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]),
    // A close frame with a reserved code and invalid UTF-8 reason.
    () => Buffer.from([0x88, 0x84, 0, 0, 0, 0, 0x03, 0xed, 0xff, 0xfe]),
    () => Buffer.alloc(0),
  ])();
  return { route: `UPGRADE ${DL}/conversations/:conversationId/stream`, label: 'upgrade:raw', method: 'GET', path: p, headers: {}, raw, afterUpgrade, mayReset: true };
}

/** Broken HTTP over a plain socket: Node's parser and the routes must answer 4xx or close. */
function rawRequest(rng: Rng, target: Target): FuzzRequest {
  const host = `Host: 127.0.0.1:${target.port}`;
  const conversation = rng.pick(target.pool);
  const auth = conversation ? `Authorization: Bearer ${conversation.token}\r\n` : '';
  const postPath = rng.pick(['/api/messages', '/api/directline/token', `${DL}/conversations`, `${DL}/tokens/generate`, conversation ? `${DL}/conversations/${encodeURIComponent(conversation.conversationId)}/activities` : '/api/messages']);
  const activity = JSON.stringify({ ...message('hello'), deliveryMode: 'expectReplies' });
  const variants: Array<[string, () => Buffer]> = [
    ['garbage', () => randomBytes(rng, rng.int(1, 2000))],
    ['no-host', () => Buffer.from('GET /health HTTP/1.1\r\n\r\n', 'latin1')],
    ['http-1.0', () => Buffer.from('GET /health HTTP/1.0\r\n\r\n', 'latin1')],
    ['http-2-preface', () => Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1')],
    ['asterisk', () => Buffer.from(`OPTIONS * HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1')],
    ['absolute-form', () => Buffer.from(`GET http://evil.example/health HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1')],
    ['unknown-method', () => Buffer.from(`${rng.pick(['FOO', 'get', 'G E T', 'GET\t'])} /health HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1')],
    ['bytes-in-path', () => Buffer.concat([Buffer.from('GET /teams/static/', 'latin1'), randomBytes(rng, 8).map((b) => 0x80 | b), Buffer.from(` HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1')])],
    ['utf8-in-query', () => Buffer.concat([Buffer.from('GET /api/directory/services?q=', 'latin1'), utf8(rng.pick(UNICODE_EDGES)), Buffer.from(` HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1')])],
    ['nul-in-header', () => Buffer.from(`GET /health HTTP/1.1\r\n${host}\r\nX-A: a\x00b\r\n\r\n`, 'latin1')],
    ['bytes-in-header', () => Buffer.concat([Buffer.from(`GET /webchat/config.json HTTP/1.1\r\n${host}\r\nOrigin: `, 'latin1'), invalidUtf8(rng), Buffer.from('\r\n\r\n', 'latin1')])],
    ['header-no-colon', () => Buffer.from(`GET /health HTTP/1.1\r\n${host}\r\nNoColonHere\r\n\r\n`, 'latin1')],
    ['space-before-colon', () => Buffer.from(`GET /health HTTP/1.1\r\nHost : x\r\n\r\n`, 'latin1')],
    ['obs-fold', () => Buffer.from(`GET /health HTTP/1.1\r\n${host}\r\nX-A: a\r\n  folded\r\n\r\n`, 'latin1')],
    ['long-request-line', () => Buffer.from(`GET /${'a'.repeat(20_000)} HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1')],
    ['long-headers', () => Buffer.from(`GET /health HTTP/1.1\r\n${host}\r\nX-A: ${'a'.repeat(20_000)}\r\n\r\n`, 'latin1')],
    ['many-headers', () => Buffer.from(`GET /health HTTP/1.1\r\n${host}\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join('')}\r\n`, 'latin1')],
    ['cl-and-te', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 'latin1')],
    ['two-content-lengths', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 4\r\n\r\n{}{}`, 'latin1')],
    ['bad-content-length', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: ${rng.pick(['-1', '1e3', 'abc', '99999999999999999999', ' 2', '0x2'])}\r\n\r\n{}`, 'latin1')],
    ['bad-chunk', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${rng.pick(['zz', '-1', 'ffffffffffffffffff', '2;x=\x00'])}\r\n{}\r\n0\r\n\r\n`, 'latin1')],
    ['chunked-deep', () => {
      const deep = deepJsonText(rng, 20_000);
      return Buffer.concat([Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(deep).toString(16)}\r\n`, 'latin1'), utf8(deep), Buffer.from('\r\n0\r\n\r\n', 'latin1')]);
    }],
    // The body stops short of its Content-Length and the client hangs up.
    ['truncated-body', () => {
      const body = rng.chance(0.5) ? activity : JSON.stringify({ type: 'message', text: 'hello' });
      const cut = body.slice(0, rng.int(0, body.length - 1));
      return Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${cut}`, 'latin1');
    }],
    ['truncated-chunked', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n100\r\n{"type":"mess`, 'latin1')],
    ['headers-cut', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\nContent-Ty`, 'latin1')],
    ['pipelined', () => Buffer.from([`GET /health HTTP/1.1\r\n${host}\r\n\r\n`, `GET /api/directory/services?q=%E0%A4%A HTTP/1.1\r\n${host}\r\n\r\n`, `POST /api/messages HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(activity)}\r\n\r\n${activity}`, `GET /teams/static/..%2f HTTP/1.1\r\n${host}\r\n\r\n`].join(''), 'utf8')],
    ['pipelined-then-garbage', () => Buffer.concat([Buffer.from(`GET /health HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1'), randomBytes(rng, rng.int(1, 500))])],
    ['expect-continue', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}`, 'latin1')],
    ['expect-unknown', () => Buffer.from(`POST ${postPath} HTTP/1.1\r\n${host}\r\n${auth}Content-Type: application/json\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}`, 'latin1')],
  ];
  const [label, build] = rng.pick(variants);
  return { route: 'raw', label: `raw:${label}`, method: 'RAW', path: '', headers: {}, raw: build(), mayReset: true };
}

/**
 * A burst that crosses the default per-client limits (60 new chats per 10 minutes, 300 messages
 * a minute), so the rest of the phase runs into 429s. Posts with an empty activity are counted
 * by the limiter before the body is read, and cost no bot turn.
 */
function floodRequests(target: Target): Array<(rng: Rng) => FuzzRequest> {
  const newChat = (rng: Rng): FuzzRequest => {
    const page = rng.chance(0.7);
    return {
      route: page ? 'POST /api/directline/token' : `POST ${DL}/tokens/generate`,
      label: 'flood:token',
      method: 'POST',
      path: page ? '/api/directline/token' : `${DL}/tokens/generate`,
      headers: {},
      after: (outcome) => {
        const issued = asConversation(outcome);
        if (issued) remember(target, rng, issued);
      },
    };
  };
  const post = (rng: Rng): FuzzRequest => {
    const c = rng.pick(target.pool);
    if (!c) return newChat(rng);
    return {
      route: `POST ${DL}/conversations/:conversationId/activities`,
      label: 'flood:post',
      method: 'POST',
      path: `${DL}/conversations/${encodeURIComponent(c.conversationId)}/activities`,
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      body: utf8('{}'),
    };
  };
  return [...Array.from({ length: 70 }, () => newChat), ...Array.from({ length: 320 }, () => post)];
}

// ---------------------------------------------------------------------------------------------
// Sending

function emptyOutcome(partial: Partial<Outcome>, started: number): Outcome {
  return { statuses: partial.status !== undefined ? [partial.status] : [], headers: {}, body: Buffer.alloc(0), bodyBytes: 0, ...partial, ms: Date.now() - started };
}

function sendHttp(target: Target, req: FuzzRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (partial: Partial<Outcome>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(emptyOutcome(partial, started));
    };
    let request: http.ClientRequest;
    try {
      request = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.path, headers: req.headers, agent: target.agent }, (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes <= KEEP_BODY_BYTES) chunks.push(chunk);
        });
        const done = (error?: string) => settle({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), bodyBytes: bytes, error });
        res.on('end', () => done());
        res.on('error', (error) => done(`response: ${error.message}`));
        res.on('close', () => done(res.complete ? undefined : 'response cut short'));
      });
    } catch (error) {
      settle({ error: `not sent: ${(error as Error).message}`, notSent: true });
      return;
    }
    timer = setTimeout(() => {
      settle({ error: 'no answer (timeout)', timedOut: true });
      request.destroy();
    }, REQUEST_TIMEOUT_MS);
    let answered = false;
    request.on('response', () => (answered = true));
    request.on('error', (error: NodeJS.ErrnoException) =>
      settle({ error: error.code ?? error.message, resetOnReuse: error.code === 'ECONNRESET' && request.reusedSocket && !answered }),
    );
    request.end(req.body);
  });
}

/** Each answer in a raw reply (several when requests were pipelined): its status and headers. */
function answersIn(data: Buffer): Array<{ status: number; headers: Record<string, string> }> {
  const text = data.toString('latin1');
  const answers: Array<{ status: number; headers: Record<string, string> }> = [];
  let at = 0;
  while (at < text.length) {
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(text.slice(at, at + 16));
    if (!status) break;
    const code = Number(status[1]);
    const headEnd = text.indexOf('\r\n\r\n', at);
    const headers: Record<string, string> = {};
    for (const line of text.slice(at, headEnd === -1 ? undefined : headEnd).split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    answers.push({ status: code, headers });
    if (headEnd === -1) break;
    // 1xx, 204 and 304 have no body; otherwise the length says where the next answer starts.
    if (code < 200 || code === 204 || code === 304) at = headEnd + 4;
    else if (headers['content-length'] !== undefined) at = headEnd + 4 + Number(headers['content-length']);
    else break;
  }
  return answers;
}

function statusesIn(data: Buffer): number[] {
  return answersIn(data).map((answer) => answer.status);
}

function sendRaw(target: Target, req: FuzzRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    let upgraded = false;
    const socket = net.connect(target.port, '127.0.0.1');
    const settle = (partial: Partial<Outcome>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const data = Buffer.concat(chunks);
      const statuses = statusesIn(data);
      resolve(emptyOutcome({ statuses, status: statuses[0], body: data, bodyBytes: bytes, ...partial }, started));
    };
    const timer = setTimeout(() => settle(upgraded ? {} : { error: 'no answer (timeout)', timedOut: true }), upgraded ? 3_000 : 8_000);
    socket.on('connect', () => {
      socket.write(req.raw!);
      if (!req.afterUpgrade) socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= KEEP_BODY_BYTES) chunks.push(chunk);
      if (req.afterUpgrade && !upgraded && Buffer.concat(chunks).includes('\r\n\r\n')) {
        upgraded = true;
        if (statusesIn(Buffer.concat(chunks))[0] === 101) socket.write(req.afterUpgrade);
        socket.end();
      }
    });
    socket.on('error', () => settle({}));
    socket.on('close', () => settle({}));
  });
}

function sendWs(target: Target, req: FuzzRequest): Promise<Outcome> {
  const plan = req.ws!;
  return new Promise((resolve) => {
    const started = Date.now();
    let settled = false;
    let status: number | undefined;
    const settle = (partial: Partial<Outcome>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      target.openStreams.delete(ws);
      resolve(emptyOutcome({ status, ...partial }, started));
    };
    let ws: WebSocket;
    try {
      ws = new WebSocket(plan.url, { handshakeTimeout: REQUEST_TIMEOUT_MS, origin: plan.origin, perMessageDeflate: false });
    } catch (error) {
      settled = true;
      resolve(emptyOutcome({ error: `not sent: ${(error as Error).message}`, notSent: true }, started));
      return;
    }
    const timer = setTimeout(() => {
      ws.terminate();
      settle({ error: 'no answer (timeout)', timedOut: true });
    }, REQUEST_TIMEOUT_MS);
    ws.on('unexpected-response', (request, res) => {
      status = res.statusCode;
      res.resume();
      request.destroy();
      settle({ status });
    });
    ws.on('open', () => {
      status = 101;
      target.openStreams.add(ws);
      for (const frame of plan.frames) {
        if (ws.readyState !== WebSocket.OPEN) break;
        if (frame.kind === 'ping') ws.ping(frame.data);
        else ws.send(frame.kind === 'text' ? frame.data.toString('utf8') : frame.data, { binary: frame.kind === 'binary' });
      }
      setTimeout(() => (plan.terminate ? ws.terminate() : ws.close(1000)), plan.holdMs);
    });
    ws.on('message', () => undefined);
    ws.on('close', (code) => settle({ status, wsClose: code }));
    ws.on('error', (error) => {
      // After a 101, errors are the client's own (our junk frames): the close follows.
      if (status === undefined) settle({ error: error.message });
    });
  });
}

function send(target: Target, req: FuzzRequest): Promise<Outcome> {
  if (req.ws) {
    // Streams are held open for a while: keep their number bounded.
    if (target.openStreams.size >= MAX_OPEN_STREAMS) return sendHttp(target, { ...req, ws: undefined, route: 'none', label: 'stream:skipped', method: 'GET', path: '/health' });
    return sendWs(target, req);
  }
  return req.raw ? sendRaw(target, req) : sendHttpOnce(target, req);
}

async function sendHttpOnce(target: Target, req: FuzzRequest): Promise<Outcome> {
  const outcome = await sendHttp(target, req);
  if (!outcome.resetOnReuse) return outcome;
  resetsOnReuse++;
  const again = await sendHttp({ ...target, agent: new http.Agent({ keepAlive: false }) }, req);
  return { ...again, ms: outcome.ms + again.ms };
}

/** How many requests met the kept-alive race and were sent again (shown in each summary). */
let resetsOnReuse = 0;

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * Every 5xx the server may send on purpose: a 503 with Retry-After while it shuts down or when
 * every place is taken by a live chat (docs/webchat.md).
 */
function allowed5xx(status: number, headers: http.IncomingHttpHeaders | Record<string, unknown>): boolean {
  return status === 503 && headers['retry-after'] !== undefined;
}

function problemsOf(req: FuzzRequest, outcome: Outcome, phase: string): string[] {
  const problems: string[] = [];
  if (outcome.notSent) return problems;
  if (outcome.timedOut) problems.push(`hang: ${outcome.error}`);
  else if (outcome.error && outcome.statuses.length === 0 && !req.mayReset && phase !== 'shutdown') problems.push(`no answer: ${outcome.error}`);
  const answers = req.raw ? answersIn(outcome.body) : outcome.statuses.map((status) => ({ status, headers: outcome.headers }));
  for (const { status, headers } of answers) {
    if (status >= 500 && !allowed5xx(status, headers)) problems.push(`status ${status}`);
  }
  if (req.ws && outcome.wsClose !== undefined && outcome.wsClose === 1011) problems.push('stream closed with 1011 (server error)');
  const status = outcome.status;
  const type = String(outcome.headers['content-type'] ?? '');
  if (!req.raw && status !== undefined && status >= 400 && type.includes('json') && req.method !== 'HEAD') {
    const text = outcome.body.toString('utf8');
    if (outcome.bodyBytes > SHORT_BODY_BYTES) problems.push(`long error body (${outcome.bodyBytes} bytes)`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      if (outcome.bodyBytes <= KEEP_BODY_BYTES) problems.push('error body is not JSON');
    }
    if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null || typeof (parsed as { error?: unknown }).error !== 'string')) {
      problems.push('error body is not { "error": "..." }');
    }
  }
  if (req.method === 'HEAD' && outcome.bodyBytes > 0 && !req.raw) problems.push('HEAD answered with a body');
  return problems;
}

function preview(data: Buffer | string | undefined, max = 300): string | undefined {
  if (data === undefined) return undefined;
  const text = typeof data === 'string' ? data : data.toString('utf8');
  return text.length > max ? `${JSON.stringify(text.slice(0, max))}... (${Buffer.byteLength(text)} bytes)` : JSON.stringify(text);
}

function describe_(failure: Failure): string {
  const { request: req, outcome } = failure;
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, v.length > 120 ? `${v.slice(0, 120)}... (${v.length} chars)` : v]));
  return [
    `[${failure.phase} worker ${failure.worker} request ${failure.index}] ${failure.problem}`,
    `  ${req.method} ${req.path.length > 300 ? `${req.path.slice(0, 300)}... (${req.path.length} chars)` : req.path}   (${req.route}, ${req.label})`,
    `  headers: ${JSON.stringify(headers)}`,
    req.body ? `  body: ${preview(req.body)}` : undefined,
    req.raw ? `  raw: ${preview(req.raw.toString('latin1'))}` : undefined,
    outcome ? `  answer: ${outcome.statuses.join(',') || '-'} ${outcome.error ?? ''} ${preview(outcome.body, 200) ?? ''} (${outcome.ms} ms)` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}

function writeFailures(phase: string, failures: Failure[]): string {
  const dir = path.join(__dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `fuzz-failures-${SEED}-${phase}.json`);
  const full = failures.map((f) => ({
    phase: f.phase,
    worker: f.worker,
    index: f.index,
    problem: f.problem,
    method: f.request.method,
    path: f.request.path,
    route: f.request.route,
    label: f.request.label,
    headers: f.request.headers,
    bodyBase64: f.request.body?.toString('base64'),
    rawBase64: f.request.raw?.toString('base64'),
    afterUpgradeBase64: f.request.afterUpgrade?.toString('base64'),
    ws: f.request.ws && { ...f.request.ws, frames: f.request.ws.frames.map((fr) => ({ kind: fr.kind, base64: fr.data.toString('base64') })) },
    answer: f.outcome && { statuses: f.outcome.statuses, error: f.outcome.error, headers: f.outcome.headers, body: f.outcome.body.toString('utf8').slice(0, 2000), ms: f.outcome.ms },
  }));
  writeFileSync(file, JSON.stringify({ seed: SEED, seedText: SEED_TEXT, seconds: SECONDS, concurrency: CONCURRENCY, failures: full }, null, 2));
  return file;
}

// ---------------------------------------------------------------------------------------------
// Running a phase

const realProcess = vm.runInThisContext('process') as NodeJS.Process;
const crashes: string[] = [];

function newStats(phase: string): PhaseStats {
  return { phase, seconds: 0, requests: 0, healthChecks: 0, healthMaxMs: 0, statuses: new Map(), labels: new Map(), routes: new Map(), failures: [], slow: [], slowHealth: [], inFlight: new Set(), loopMaxMs: 0, resent: 0 };
}

async function checkHealth(target: Target, stats: PhaseStats, context: string): Promise<void> {
  const started = Date.now();
  const outcome = await sendHttp({ ...target, agent: new http.Agent({ keepAlive: false }) }, { route: 'GET /health', label: 'health', method: 'GET', path: '/health', headers: {} });
  const ms = Date.now() - started;
  if (ms > 500 && stats.slowHealth.length < 5) stats.slowHealth.push({ ms, inFlight: [...stats.inFlight] });
  stats.healthChecks++;
  stats.healthMaxMs = Math.max(stats.healthMaxMs, ms);
  if (outcome.status !== 200 || ms > HEALTH_TIMEOUT_MS) {
    stats.failures.push({ phase: stats.phase, worker: -1, index: stats.requests, problem: `/health ${context}: ${outcome.status ?? outcome.error} in ${ms} ms`, request: { route: 'GET /health', label: 'health', method: 'GET', path: '/health', headers: {} }, outcome });
  }
}

function statusKey(req: FuzzRequest, outcome: Outcome): string {
  if (outcome.notSent) return `not-sent(${(outcome.error ?? '').replace(/^not sent: /, '').slice(0, 40)})`;
  if (req.ws) return outcome.status === 101 ? `ws:101 close ${outcome.wsClose}` : `ws:${outcome.status ?? outcome.error}`;
  if (outcome.statuses.length > 0) return outcome.statuses.join('+');
  return outcome.timedOut ? 'timeout' : `no-answer(${outcome.error ?? 'closed'})`;
}

interface PhaseOptions {
  health?: boolean;
  during?: (elapsedMs: number) => void;
  /** Requests sent before the random ones (built when their turn comes, so they see the pool). */
  prelude?: Array<(rng: Rng) => FuzzRequest>;
  /** Routes the phase must reach with their own method (see runPhase). */
  cover?: readonly string[];
}

async function runPhase(target: Target, phase: string, seconds: number, rng: Rng, options: PhaseOptions = {}): Promise<PhaseStats> {
  const stats = newStats(phase);
  const started = Date.now();
  const deadline = started + seconds * 1000;
  // A slow machine sends fewer requests in the time: a phase that must reach some routes goes on
  // (up to twice as long again) until it has, so coverage does not hang on the machine's speed.
  const lastChance = deadline + seconds * 2000;
  const uncovered = () => (options.cover ?? []).some((key) => !stats.routes.has(key));
  const more = () => Date.now() < deadline || (uncovered() && Date.now() < lastChance);
  const prelude = [...(options.prelude ?? [])];
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const resentBefore = resetsOnReuse;
  let sinceHealth = 0;
  const worker = async (id: number, wrng: Rng) => {
    for (let index = 0; more() && stats.failures.length < MAX_FAILURES && crashes.length === 0; index++) {
      const next = prelude.shift();
      const req = next ? next(wrng) : generate(wrng, target);
      const what = `${req.method} ${req.path.slice(0, 60)} (${req.label}, ${req.body?.length ?? req.raw?.length ?? 0} bytes)`;
      stats.inFlight.add(what);
      const outcome = await send(target, req);
      stats.inFlight.delete(what);
      if (VERBOSE && outcome.notSent) console.log(`not sent: ${req.label} ${JSON.stringify(req.path.slice(0, 200))}`);
      if (VERBOSE && Date.now() > deadline + 300) console.log(`after the deadline by ${Date.now() - deadline} ms: ${what} took ${outcome.ms} ms`);
      stats.requests++;
      count(stats.statuses, statusKey(req, outcome));
      count(stats.labels, req.label.split(':').slice(0, 2).join(':'));
      if (req.route !== 'raw' && req.route !== 'none' && req.method === req.route.split(' ')[0]) count(stats.routes, req.route);
      if (req.ws && outcome.status === 101) count(stats.routes, req.route);
      if (outcome.ms > 1_000 || stats.slow.length < 3 || outcome.ms > stats.slow[stats.slow.length - 1].ms) {
        stats.slow.push({ ms: outcome.ms, what: `${req.method} ${req.path.slice(0, 80)} (${req.label}) ${outcome.statuses.join(',')} body ${preview(req.body, 120) ?? '-'}` });
        stats.slow.sort((a, b) => b.ms - a.ms).splice(5);
      }
      for (const problem of problemsOf(req, outcome, phase)) stats.failures.push({ phase, worker: id, index, problem, request: req, outcome });
      req.after?.(outcome);
      options.during?.(Date.now() - started);
      if (options.health !== false && ++sinceHealth >= HEALTH_EVERY) {
        sinceHealth = 0;
        await checkHealth(target, stats, `after ${stats.requests} requests`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => worker(id, rng.fork())));
  loop.disable();
  stats.loopMaxMs = Math.round(loop.max / 1e6);
  stats.resent = resetsOnReuse - resentBefore;
  stats.seconds = (Date.now() - started) / 1000;
  return stats;
}

function summary(stats: PhaseStats, target: Target): string {
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ');
  const errors = new Map<string, number>();
  for (const line of target.server.logs) {
    if (line.level >= 50) count(errors, `${line.event ?? line.msg}${line.err?.message ? ` (${String(line.err.message).slice(0, 120)})` : ''}`);
  }
  return [
    `fuzz ${stats.phase}: seed ${SEED} (${SEED_TEXT}), ${stats.requests} requests in ${stats.seconds.toFixed(1)} s, concurrency ${CONCURRENCY}, ${stats.healthChecks} health checks (slowest ${stats.healthMaxMs} ms), event loop held at most ${stats.loopMaxMs} ms, ${stats.resent} sent again after a kept-alive reset`,
    ...stats.slow.map((s) => `  slow: ${s.ms} ms ${s.what}`),
    ...stats.slowHealth.map((h) => `  slow /health: ${h.ms} ms with in flight: ${h.inFlight.join(' | ')}`),
    `  statuses: ${sorted(stats.statuses)}`,
    `  generators: ${sorted(stats.labels)}`,
    `  server-side 5xx: ${serverSide.get(target)?.length ?? 0}; error log lines: ${sorted(errors) || 'none'}; conversations held: ${target.pool.length} in pool`,
  ].join('\n');
}

/** Every response the server itself sent with a 5xx, also those a client hung up before reading. */
const serverSide = new Map<Target, Array<{ method: string; url: string; status: number; retryAfter: boolean }>>();

function watchServer(target: Target): void {
  const seen: Array<{ method: string; url: string; status: number; retryAfter: boolean }> = [];
  serverSide.set(target, seen);
  target.server.app.server.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on('close', () => {
      if (res.headersSent && res.statusCode >= 500) seen.push({ method: req.method ?? '', url: (req.url ?? '').slice(0, 300), status: res.statusCode, retryAfter: res.getHeader('retry-after') !== undefined });
    });
  });
}

function assertClean(stats: PhaseStats, target: Target): void {
  const failures = [...stats.failures];
  for (const crash of crashes) failures.push({ phase: stats.phase, worker: -1, index: -1, problem: `crash: ${crash}`, request: { route: 'none', label: 'crash', method: '-', path: '-', headers: {} } });
  for (const sent of serverSide.get(target) ?? []) {
    if (!allowed5xx(sent.status, { 'retry-after': sent.retryAfter ? '1' : undefined })) {
      failures.push({ phase: stats.phase, worker: -1, index: -1, problem: `server sent ${sent.status} (seen server-side)`, request: { route: 'none', label: 'server-side', method: sent.method, path: sent.url, headers: {} } });
    }
  }
  // A 5xx the client never saw (it hung up first) still leaves its error line, and a turn that
  // failed on its input is answered 200 with an apology: both count.
  for (const line of target.server.logs) {
    if (line.level >= 50) {
      failures.push({ phase: stats.phase, worker: -1, index: -1, problem: `error log ${line.event}: ${line.err?.message ?? line.msg}\n${String(line.err?.stack ?? '').split('\n').slice(0, 6).join('\n')}`, request: { route: 'none', label: 'log', method: '-', path: '-', headers: {} } });
    }
  }
  const text = summary(stats, target);
  // The next phase on this server reports only what happens in it.
  (serverSide.get(target) ?? []).length = 0;
  target.server.logs.length = 0;
  const unique = failures.filter((f, i) => failures.findIndex((g) => g.problem === f.problem && g.request.label === f.request.label && g.request.route === f.request.route) === i);
  if (VERBOSE || unique.length > 0) console.log(text);
  if (unique.length > 0) {
    const file = writeFailures(stats.phase, failures);
    throw new Error(
      [
        `Fuzz phase "${stats.phase}" found ${failures.length} problem(s) (${unique.length} distinct). Seed ${SEED} (FUZZ_SEED=${SEED_TEXT}); every failing request in full: ${file}`,
        `Rerun: FUZZ_SEED=${SEED_TEXT} FUZZ_SECONDS=${SECONDS} FUZZ_CONCURRENCY=${CONCURRENCY} npx jest test/hosting/fuzz.test.ts`,
        ...unique.slice(0, 8).map(describe_),
      ].join('\n\n'),
    );
  }
}

/**
 * On one connection: a POST /api/messages whose body is still arriving when shutdown begins (so
 * it is in flight), then the rest of its body and three more requests pipelined behind it. A
 * second connection holds another turn in flight until those are answered, as other residents'
 * turns would: the drain waits for it, so the pipelined requests meet a server that is stopping
 * but still has the connection open.
 */
async function pipelinedThroughShutdown(target: Target): Promise<{ request: FuzzRequest; outcome: Outcome; closing: Promise<void> }> {
  const host = `Host: 127.0.0.1:${target.port}`;
  const conversation = target.pool.find((c) => c.started) ?? target.pool[0];
  const activity = (id: string) => JSON.stringify({ ...message('hello', { conversation: { id } }), deliveryMode: 'expectReplies' });
  const partly = (body: string) => {
    const cut = Math.floor(body.length / 2);
    return [`POST /api/messages HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, cut)}`, body.slice(cut)];
  };
  const [head, rest] = partly(activity('fuzz-shutdown-1'));
  const [otherHead, otherRest] = partly(activity('fuzz-shutdown-2'));
  const post = conversation
    ? `POST ${DL}/conversations/${encodeURIComponent(conversation.conversationId)}/activities HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${conversation.token}\r\nContent-Type: application/json\r\nContent-Length: 34\r\n\r\n{"type":"message","text":"hello!"}`
    : '';
  const late = activity('fuzz-shutdown-3');
  const tail = [
    rest,
    post,
    `POST /api/directline/token HTTP/1.1\r\n${host}\r\nContent-Length: 0\r\n\r\n`,
    `POST /api/messages HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(late)}\r\n\r\n${late}`,
  ].join('');
  const request: FuzzRequest = { route: 'raw', label: 'raw:pipelined-through-shutdown', method: 'RAW', path: '', headers: {}, raw: Buffer.from(head + tail, 'utf8') };
  const expected = post ? 4 : 3;
  const connect = () => new Promise<net.Socket>((resolve) => {
    const socket = net.connect(target.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => undefined);
  });
  const [main, other] = await Promise.all([connect(), connect()]);
  const started = Date.now();
  main.write(head);
  other.write(otherHead);
  // Long enough for the server to have read both sets of headers and begun reading the bodies.
  await new Promise((r) => setTimeout(r, 100));
  const closing = target.server.close();
  const chunks: Buffer[] = [];
  const error = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve('no answer (timeout)'), 10_000);
    const check = () => {
      if (statusesIn(Buffer.concat(chunks)).length < expected) return;
      clearTimeout(timer);
      resolve(undefined);
    };
    main.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      check();
    });
    main.on('close', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    main.write(tail);
  });
  // Now the other turn may finish, and the drain with it.
  other.end(otherRest);
  other.resume();
  main.destroy();
  const data = Buffer.concat(chunks);
  const statuses = statusesIn(data);
  return { request, outcome: emptyOutcome({ statuses, status: statuses[0], body: data, bodyBytes: data.length, error }, started), closing };
}

// ---------------------------------------------------------------------------------------------
// The tests

async function startTarget(name: string, webchatEnv: Record<string, string>): Promise<Target> {
  const server = await startTestServer({ env: { LOG_LEVEL: 'warn' }, plugins: [teamsPlugin(), webChatPlugin({ env: webchatEnv })] });
  const target: Target = { name, server, port: server.app.port, agent: new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 }), pool: [], openStreams: new Set() };
  watchServer(target);
  return target;
}

async function stopTarget(target: Target | undefined): Promise<void> {
  if (!target) return;
  for (const ws of target.openStreams) ws.terminate();
  await target.server.close();
  target.agent.destroy();
}

describe(`fuzzing every route (seed ${SEED}, ${SECONDS} s)`, () => {
  const rng = new Rng(SEED);
  let raised: Target | undefined;
  let defaults: Target | undefined;
  const onCrash = (kind: string) => (error: unknown) => crashes.push(`${kind}: ${error instanceof Error ? error.stack : String(error)}`);
  const onException = onCrash('uncaughtException');
  const onRejection = onCrash('unhandledRejection');

  beforeAll(async () => {
    // The real process's events: jest's `process` is a copy that never hears them.
    realProcess.on('uncaughtException', onException);
    realProcess.on('unhandledRejection', onRejection);
    [raised, defaults] = await Promise.all([startTarget('raised limits', RAISED_LIMITS), startTarget('default limits', {})]);
  });

  afterAll(async () => {
    await Promise.all([stopTarget(raised), stopTarget(defaults)]);
    realProcess.off('uncaughtException', onException);
    realProcess.off('unhandledRejection', onRejection);
  });

  test(`raised limits: every route, no 5xx, no crash, /health throughout`, async () => {
    const stats = await runPhase(raised!, 'raised', SECONDS * RAISED_SHARE, rng.fork(), { cover: ROUTE_KEYS });
    await checkHealth(raised!, stats, 'at the end');
    const missed = ROUTE_KEYS.filter((key) => !stats.routes.has(key));
    if (missed.length > 0) stats.failures.push({ phase: 'raised', worker: -1, index: -1, problem: `routes never exercised with their own method: ${missed.join(', ')}`, request: { route: 'none', label: 'coverage', method: '-', path: '-', headers: {} } });
    assertClean(stats, raised!);
    // The phase may run three times its share to reach every route (see runPhase).
  }, SECONDS * RAISED_SHARE * 3 * 1000 + 60_000);

  test('default limits: the 429 paths run, no 5xx, no crash, /health throughout', async () => {
    const stats = await runPhase(defaults!, 'default', SECONDS * DEFAULT_SHARE, rng.fork(), { prelude: floodRequests(defaults!) });
    await checkHealth(defaults!, stats, 'at the end');
    const limited = [...stats.statuses.entries()].filter(([key]) => key.split('+').includes('429')).reduce((sum, [, n]) => sum + n, 0);
    if (limited === 0) stats.failures.push({ phase: 'default', worker: -1, index: -1, problem: 'no 429 at the default limits', request: { route: 'none', label: 'coverage', method: '-', path: '-', headers: {} } });
    assertClean(stats, defaults!);
  }, SECONDS * 1000 + 60_000);

  test('through a graceful shutdown: only 503 with Retry-After, no crash', async () => {
    const target = defaults!;
    // Random traffic, and shutdown begun under it by the pipelined requests below.
    let handing: ReturnType<typeof pipelinedThroughShutdown> | undefined;
    // Once it has stopped listening there is little left to learn: at most 3 s.
    const stats = await runPhase(target, 'shutdown', Math.min(3, Math.max(1, SECONDS * SHUTDOWN_SHARE)), rng.fork(), {
      health: false,
      during: (elapsed) => {
        if (elapsed > 250) handing ??= pipelinedThroughShutdown(target);
      },
    });
    const handedBack = await (handing ?? pipelinedThroughShutdown(target));
    await handedBack.closing;
    // The request in flight when shutdown began is answered; those behind it on its connection
    // are handed back with 503 and Retry-After (the Direct Line post and the token request).
    stats.requests += 1;
    count(stats.statuses, `pipelined:${handedBack.outcome.statuses.join('+') || handedBack.outcome.error}`);
    for (const problem of problemsOf(handedBack.request, handedBack.outcome, 'shutdown')) stats.failures.push({ phase: 'shutdown', worker: -1, index: -1, problem, request: handedBack.request, outcome: handedBack.outcome });
    const [first, ...behind] = handedBack.outcome.statuses;
    if (first !== 200 || !behind.includes(503)) {
      stats.failures.push({ phase: 'shutdown', worker: -1, index: -1, problem: `pipelined through shutdown: expected 200 then 503s, got ${handedBack.outcome.statuses.join(', ') || handedBack.outcome.error}`, request: handedBack.request, outcome: handedBack.outcome });
    }
    assertClean(stats, target);
  }, 60_000);
});
