// npm run bench:load: resident memory of the real bot under a long mixed load.
//
// Starts the compiled bot (node dist/bot/index.js) as a child process on 127.0.0.1 with a fresh
// DATA_DIR (lowdb, the default store; --storage memory for the in-memory one), then drives N
// turns (default 100,000) over HTTP the way the channels do:
//   - POST /api/messages with deliveryMode "expectReplies" (no app id, so no auth; the replies
//     come back in the response): many conversations of a few turns each, as residents,
//     parents, young people and practitioners; ordinary worries, risk messages, typed and
//     button answers (card submits), long messages of a few thousand characters (a few over
//     the 5,000 limit), and Teams-shaped activities (personal chats, @mentions in channels and
//     group chats, adaptiveCard/action invokes);
//   - a slice of Web Chat conversations on the embedded Direct Line channel: token, start,
//     post each message, poll for the replies. The per-client limits are raised through the
//     environment (every request comes from 127.0.0.1), the capacity limits are the defaults.
// The child's resident memory is read from /proc/<pid>/status (VmRSS, VmHWM) at idle after
// start, every --sample-every turns, continuously for the peak, and at the end after an idle
// pause; heap and external memory come from a small probe loaded with --require
// (scripts/bench-load-probe.ts), which answers over the IPC channel. Prints a table, turns/s
// and latency, and exits non-zero when the final resident memory is not under --max-rss-mb,
// or when any request failed.
//
//   npm run bench:load -- --turns 10000 --concurrency 8 --storage memory --max-rss-mb 250
//   npm run bench:load -- --heap-snapshot /tmp/after.heapsnapshot   (written after the run, after a GC)

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { PRIORITY_GROUP_IDS } from '../knowledge/vocabulary';
import { seededRandom } from '../knowledge/triage/model/hashing';

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  turns: number;
  concurrency: number;
  storage: 'lowdb' | 'memory';
  webchatShare: number;
  sampleEvery: number;
  maxRssMb: number;
  idleMs: number;
  heapSnapshot?: string;
  keepData: boolean;
  seed: number;
  /** Extra node/V8 flags for the bot's process, after the ones `npm start` uses. */
  nodeArgs: string[];
  /** Run the bot with plain node, without the flags of `npm start`. */
  plainNode: boolean;
  /** Extra environment variables for the bot (--env NAME=value, repeatable). */
  env: Record<string, string>;
  /** Copy of the bot's stdout (its log lines, and --trace-gc output). */
  childLog?: string;
  /** Turns started per second across all workers; 0: as fast as the bot answers. */
  rate: number;
}

const USAGE = `usage: npm run bench:load -- [--turns 100000] [--concurrency 8] [--rate 0] [--storage lowdb|memory]
       [--webchat-share 0.1] [--sample-every 5000] [--max-rss-mb 250] [--idle-ms 5000]
       [--heap-snapshot FILE] [--keep-data] [--seed 1] [--node-args "--trace-gc ..."] [--plain-node]
       [--env NAME=value] [--child-log FILE]`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    turns: 100_000,
    concurrency: 8,
    storage: 'lowdb',
    webchatShare: 0.1,
    sampleEvery: 5_000,
    maxRssMb: 250,
    idleMs: 5_000,
    keepData: false,
    seed: 1,
    nodeArgs: [],
    plainNode: false,
    env: {},
    rate: 0,
  };
  const number = (name: string, raw: string | undefined, min: number, max: number): number => {
    const value = Number(raw);
    if (raw === undefined || !Number.isFinite(value) || value < min || value > max) fail(`${name} must be a number from ${min} to ${max}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    switch (arg) {
      case '--turns': options.turns = Math.floor(number(arg, next(), 1, 10_000_000)); break;
      case '--concurrency': options.concurrency = Math.floor(number(arg, next(), 1, 256)); break;
      case '--rate': options.rate = number(arg, next(), 0, 100_000); break;
      case '--storage': {
        const kind = next();
        if (kind !== 'lowdb' && kind !== 'memory') fail('--storage must be lowdb or memory');
        options.storage = kind;
        break;
      }
      case '--webchat-share': options.webchatShare = number(arg, next(), 0, 1); break;
      case '--sample-every': options.sampleEvery = Math.floor(number(arg, next(), 100, 10_000_000)); break;
      case '--max-rss-mb': options.maxRssMb = number(arg, next(), 1, 100_000); break;
      case '--idle-ms': options.idleMs = Math.floor(number(arg, next(), 0, 600_000)); break;
      case '--heap-snapshot': options.heapSnapshot = resolve(next() ?? fail('--heap-snapshot needs a file name')); break;
      case '--keep-data': options.keepData = true; break;
      case '--seed': options.seed = Math.floor(number(arg, next(), 0, 2 ** 31)); break;
      case '--node-args': options.nodeArgs.push(...(next() ?? fail('--node-args needs flags')).split(/\s+/).filter(Boolean)); break;
      case '--plain-node': options.plainNode = true; break;
      case '--env': {
        const [name, ...value] = (next() ?? '').split('=');
        if (!name || value.length === 0) fail('--env needs NAME=value');
        options.env[name] = value.join('=');
        break;
      }
      case '--child-log': options.childLog = resolve(next() ?? fail('--child-log needs a file name')); break;
      case '--help': case '-h': console.log(USAGE); process.exit(0);
      default: fail(`unknown option ${arg}`);
    }
  }
  return options;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// What people write. Made up, in the shapes people write them (see scripts/bench.ts).

/** Seeded (the training's own mulberry32), so two runs with one seed send the same load. */
const random = seededRandom;

const WORRIES = [
  "I've lost my job and I'm behind on the rent",
  'my son is 14 and he has not been to school properly since october',
  'we have had a letter about a fine because my daughter keeps missing school',
  'money is really tight and I cannot afford the energy bills this winter',
  'my partner and I argue all the time and the kids are hearing it',
  'my 2 year old is not talking yet and I am worried about his speech',
  'I am a carer for my mum and I am exhausted, I do not get any break',
  'people at school keep posting horrible stuff about me online and I feel really low',
  'we are going to be evicted next month and have nowhere to go',
  'my daughter is autistic and we are waiting for an EHCP assessment',
  'I just had a baby and I feel very alone, I do not know anyone round here',
  'my teenage son is smoking weed every day and stays out late',
  'is there any help with free childcare for my 2 year old',
  'my husband drinks a lot and gets angry, it is getting worse',
  'my child is being bullied at school and does not want to go in',
  'I am 16 and want to leave school but do not know what to do next',
  'my dad has dementia and keeps getting lost, I cannot cope',
  'the school say my son needs to be assessed for ADHD',
  'are there any toddler groups near keynsham on a tuesday',
  'my stepdaughter is moving to secondary school and is really anxious about it',
];

const RISK = [
  'his stepdad hits him and he has bruises on his arms',
  'I want to end my life, I cannot see a way out',
  'my daughter has taken a load of tablets and she is being sick',
  'my partner pushed me against the wall last night and said he would kill me',
  'some days I just do not want to be here anymore',
  'she has been seeing an older man who gives her drugs and money and picks her up from school',
  'I have been cutting myself again',
  'a pupil told me today that her uncle touches her',
  'my ex is outside the house and threatening to take the kids',
  'I am scared to go home, he checks my phone and takes all the money',
];

const PRACTITIONER_QUESTIONS = [
  'what is the threshold for an early help assessment',
  'how do I make an early help request for a family',
  'a pupil in year 9 has poor attendance and mum says they are about to be evicted',
  'a new mum I visit seems very low since the birth of her baby and is isolated',
  'what services are there for young carers',
  'do I need consent before I refer to early help',
  'a boy in year 6 keeps coming to school hungry and in dirty clothes',
  'which service helps with parental conflict',
];

const SCRIPTS: Record<string, string[]> = {
  resident: ['Me', '18 to 64', 'Help me ask for support', 'Yes, please', "That's all, thanks"],
  young: ["I'm a young person", 'Talk to someone', "That's all"],
  parent: ["I'm a parent or carer", 'my son will not go to school', '11 to 19 (up to 25 with special needs)', 'Something else', 'Start again'],
  practitioner: ["I'm a professional", 'Health visitor', 'Describe a concern', 'Early help request and guidance', 'Yes', 'Finish'],
  commands: ['help', 'talk to someone', 'start again', 'what can you do', 'thanks'],
};

const SYLLABLES = ['ka', 'ri', 'mo', 'lin', 'dra', 've', 'sho', 'pel', 'tru', 'an', 'bex', 'qua', 'zon', 'ith', 'mur', 'gle', 'ny', 'fo', 'ster', 'wick'];

/** A made-up word (a surname, a typo, a street): text always has words nobody else used. */
function madeUpWord(rnd: () => number): string {
  let word = '';
  const parts = 2 + Math.floor(rnd() * 3);
  for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return word;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

/** Sometimes names a person or a place nobody else did, as people do. */
function withMadeUpWords(rnd: () => number, text: string): string {
  if (rnd() < 0.6) return text;
  const words = text.split(' ');
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) words.splice(Math.floor(rnd() * (words.length + 1)), 0, madeUpWord(rnd));
  return words.join(' ');
}

/** A long message: worries run together, with made-up words, `length` characters. */
function longMessage(rnd: () => number, length: number, risk: boolean): string {
  let text = 'Hi, sorry this is long, I do not really know where to start. ';
  while (text.length < length) {
    text += withMadeUpWords(rnd, pick(rnd, WORRIES)) + '. ';
    if (rnd() < 0.3) text += `${madeUpWord(rnd)} ${madeUpWord(rnd)} said it would get better but it has not. `;
  }
  text = text.slice(0, length);
  // Risk late in a long message: the risk check must still read it.
  return risk ? `${text.slice(0, length - 80)} and ${pick(rnd, RISK)}` : text;
}

// ---------------------------------------------------------------------------------------------
// Conversations

type Channel = 'emulator' | 'msteams' | 'webchat';

/** One turn: what the person sends (a message's text, a card submit, a Teams invoke...). */
interface PlannedTurn {
  kind: 'welcome' | 'worry' | 'risk' | 'answer' | 'button' | 'practitioner' | 'long' | 'too-long' | 'invoke';
  text?: string;
  value?: unknown;
}

/** A few turns of one conversation, in one of the shapes people take. */
function planConversation(rnd: () => number, channel: Channel, wanted?: number): PlannedTurn[] {
  const turns: PlannedTurn[] = [];
  const answer = (text: string) => turns.push({ kind: 'answer', text });
  const button = () => {
    const r = rnd();
    const value =
      r < 0.4 ? { action: 'topic', group: pick(rnd, PRIORITY_GROUP_IDS) }
        : r < 0.7 ? { action: 'choose', value: pick(rnd, ['self', 'parent-carer', 'young-person', 'practitioner', 'teacher', 'health-visitor', '11-19', 'adult']) }
          : { action: pick(rnd, ['restart', 'talk', 'help']) };
    if (channel === 'msteams' && rnd() < 0.5) {
      turns.push({ kind: 'invoke', value: { action: { type: 'Action.Execute', verb: value.action, data: value }, trigger: 'manual' } });
    } else {
      turns.push({ kind: 'button', value });
    }
  };
  const one = () => {
    const r = rnd();
    if (r < 0.3) {
      turns.push({ kind: 'worry', text: withMadeUpWords(rnd, pick(rnd, WORRIES)) });
      for (const text of SCRIPTS.resident.slice(0, 1 + Math.floor(rnd() * 4))) answer(text);
    } else if (r < 0.42) {
      answer("I'm a parent or carer");
      turns.push({ kind: 'worry', text: withMadeUpWords(rnd, pick(rnd, WORRIES)) });
      turns.push({ kind: 'risk', text: withMadeUpWords(rnd, pick(rnd, RISK)) });
      answer(pick(rnd, ['Carry on', 'Start again', 'Yes', 'No', 'Not sure']));
    } else if (r < 0.58) {
      for (const text of SCRIPTS.practitioner.slice(0, 3)) answer(text);
      turns.push({ kind: 'practitioner', text: withMadeUpWords(rnd, pick(rnd, PRACTITIONER_QUESTIONS)) });
      answer(pick(rnd, SCRIPTS.practitioner.slice(3)));
    } else if (r < 0.72) {
      turns.push({ kind: 'worry', text: withMadeUpWords(rnd, pick(rnd, WORRIES)) });
      button();
      button();
    } else if (r < 0.84) {
      const risky = rnd() < 0.3;
      if (rnd() < 0.12) turns.push({ kind: 'too-long', text: longMessage(rnd, 5_200 + Math.floor(rnd() * 4_000), risky) });
      else turns.push({ kind: 'long', text: longMessage(rnd, 2_000 + Math.floor(rnd() * 2_900), risky) });
      answer(pick(rnd, SCRIPTS.resident));
    } else if (r < 0.92) {
      for (const text of SCRIPTS.young) answer(text);
    } else {
      answer(pick(rnd, SCRIPTS.commands));
      turns.push({ kind: 'risk', text: withMadeUpWords(rnd, pick(rnd, RISK)) });
    }
  };
  if (channel !== 'webchat' && rnd() < 0.6) turns.push({ kind: 'welcome' });
  one();
  while (wanted !== undefined && turns.length < wanted) one();
  return wanted === undefined ? turns : turns.slice(0, wanted);
}

const TENANT = '72f988bf-0000-4000-8000-00000000a11c';
const TEAMS_BOT = { id: '28:0f9d3c1a-5b2e-4c7d-8e6f-1a2b3c4d5e6f', name: 'Early Help' };

interface ApiConversation {
  channel: 'emulator' | 'msteams';
  conversation: Record<string, unknown>;
  channelData?: Record<string, unknown>;
  from: Record<string, unknown>;
  recipient: Record<string, unknown>;
  /** Teams channel or group chat: messages @mention the bot. */
  mention: boolean;
}

function apiConversation(rnd: () => number, n: number): ApiConversation {
  const id = (len: number) => Array.from({ length: len }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rnd() * 36)]).join('');
  if (rnd() < 0.7) {
    return {
      channel: 'emulator',
      conversation: { id: `bench-${n}-${id(24)}` },
      from: { id: `user-${id(16)}`, name: 'Resident' },
      recipient: { id: 'bot', name: 'Early Help Assistant' },
      mention: false,
    };
  }
  const from = { id: `29:1${id(40)}`, name: 'Sam Teacher', aadObjectId: '5b1c9e2a-0000-4000-8000-00000000f00d' };
  const r = rnd();
  if (r < 0.5) {
    return {
      channel: 'msteams',
      conversation: { conversationType: 'personal', tenantId: TENANT, id: `a:1${id(120)}` },
      channelData: { tenant: { id: TENANT } },
      from,
      recipient: TEAMS_BOT,
      mention: false,
    };
  }
  if (r < 0.75) {
    return {
      channel: 'msteams',
      conversation: { conversationType: 'groupChat', tenantId: TENANT, id: `19:${id(32)}@thread.v2`, isGroup: true },
      channelData: { tenant: { id: TENANT } },
      from,
      recipient: TEAMS_BOT,
      mention: true,
    };
  }
  return {
    channel: 'msteams',
    conversation: { conversationType: 'channel', tenantId: TENANT, id: `19:general@thread.tacv2;messageid=${1_700_000_000_000 + n}`, isGroup: true },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2', name: 'Early help partners' }, channel: { id: '19:general@thread.tacv2', name: 'General' } },
    from,
    recipient: TEAMS_BOT,
    mention: true,
  };
}

let activityCounter = 0;

function apiActivity(c: ApiConversation, turn: PlannedTurn): Record<string, unknown> {
  activityCounter += 1;
  const base: Record<string, unknown> = {
    id: `bench-activity-${activityCounter}`,
    channelId: c.channel,
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: c.conversation,
    from: c.from,
    recipient: c.recipient,
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    deliveryMode: 'expectReplies',
    ...(c.channelData ? { channelData: c.channelData } : {}),
  };
  if (turn.kind === 'welcome') {
    // Teams names the bot as the member added when someone adds the app; other channels the person.
    return { ...base, type: 'conversationUpdate', membersAdded: [c.channel === 'msteams' && !c.mention ? c.recipient : c.from] };
  }
  if (turn.kind === 'invoke') return { ...base, type: 'invoke', name: 'adaptiveCard/action', value: turn.value };
  if (turn.value !== undefined) return { ...base, type: 'message', value: turn.value };
  if (c.mention) {
    const tag = `<at>${TEAMS_BOT.name}</at>`;
    return { ...base, type: 'message', text: `${tag} ${turn.text}`, entities: [{ type: 'mention', text: tag, mentioned: TEAMS_BOT }] };
  }
  return { ...base, type: 'message', text: turn.text };
}

// ---------------------------------------------------------------------------------------------
// The child process and its memory

interface MemoryProbe {
  usage: NodeJS.MemoryUsage;
  heap: { total_heap_size: number; used_heap_size: number; malloced_memory: number; external_memory: number };
  spaces: Record<string, number>;
}

interface Sample {
  label: string;
  turns: number;
  rssMb: number;
  heapUsedMb?: number;
  heapTotalMb?: number;
  externalMb?: number;
  arrayBuffersMb?: number;
  seconds: number;
}

const MB = 1048576;

/**
 * Resident memory of the child by kind of mapping, from /proc/<pid>/smaps: the node binary and
 * libraries (file-backed), V8's heap pages (anonymous 256 KB mappings), malloc's arenas
 * (anonymous mappings of 60 MB and more, one per thread that allocated), [heap] (brk) and the rest.
 */
function residentByKind(pid: number): Array<[string, number]> {
  const totals = new Map<string, number>();
  let kind = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const kb = (parseInt(mapping[2], 16) - parseInt(mapping[1], 16)) / 1024;
      const name = mapping[3].trim();
      if (name === '') kind = kb === 256 ? 'anonymous 256 KB (V8 heap pages)' : kb >= 60 * 1024 ? 'anonymous >= 60 MB (malloc arenas)' : 'anonymous, other';
      else if (name.startsWith('[')) kind = name;
      else kind = name.endsWith('/node') ? 'node binary' : 'other files (libraries)';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) totals.set(kind, (totals.get(kind) ?? 0) + Number(rss[1]) / 1024);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** VmRSS and VmHWM (the kernel's high-water mark of resident memory) in MB. */
function procMemory(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/**
 * The node flags `npm start` runs the bot with ("node <flags> dist/bot/index.js" in package.json),
 * so the benchmark measures the process production runs; the Dockerfile uses the same ones.
 */
function startFlags(root: string): string[] {
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } }).scripts?.start ?? '';
  const words = start.trim().split(/\s+/);
  const entry = words.indexOf('dist/bot/index.js');
  return words[0] === 'node' && entry > 0 ? words.slice(1, entry) : [];
}

class Bot {
  readonly child: ChildProcess;
  readonly flags: string[];
  url = '';
  readonly warnings = new Map<string, number>();
  readonly errors: string[] = [];
  private pending?: { resolve: (value: unknown) => void; kind: string };

  constructor(root: string, dataDir: string, options: Options) {
    // Only what the bot needs: no MicrosoftApp* or DIRECT_LINE_SECRET from the caller's shell.
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      STORAGE: options.storage,
      DATA_DIR: join(dataDir, 'data'),
      LOG_LEVEL: 'info',
      // Every request comes from 127.0.0.1: one "client" stands for thousands of residents, so
      // the per-client limits are raised. The capacity limits (1,000 conversations, 300
      // activities each, 30 minutes idle) stay the defaults.
      WEBCHAT_NEW_CHATS_PER_10_MINUTES: '100000',
      WEBCHAT_MESSAGES_PER_MINUTE: '100000',
      WEBCHAT_MAX_CONVERSATIONS_PER_CLIENT: '100000',
      ...options.env,
    };
    const probe = join(root, 'dist', 'scripts', 'bench-load-probe.js');
    this.flags = [...(options.plainNode ? [] : startFlags(root)), ...options.nodeArgs];
    this.child = spawn(process.execPath, [...this.flags, '--expose-gc', '--require', probe, join(root, 'dist', 'bot', 'index.js')], {
      // A folder with no .env, so only the environment above applies.
      cwd: dataDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.on('message', (message: { probe?: string }) => {
      if (this.pending && message?.probe === this.pending.kind) {
        const { resolve } = this.pending;
        this.pending = undefined;
        resolve(message);
      }
    });
    if (options.childLog) this.child.stdout!.pipe(createWriteStream(options.childLog));
    createInterface({ input: this.child.stderr! }).on('line', (line) => {
      if (this.errors.length < 20) this.errors.push(`stderr: ${line}`);
    });
  }

  /** Reads the log lines (one per turn) and resolves with the URL from the "listening" line. */
  ready(): Promise<void> {
    return new Promise((resolveReady, reject) => {
      this.child.once('exit', (code) => reject(new Error(`the bot exited with code ${code} before listening: ${this.errors.join(' | ')}`)));
      createInterface({ input: this.child.stdout! }).on('line', (line) => {
        // Only lines at warn (40) and above are parsed, and the one that gives the address.
        if (!this.url && line.includes('"event":"listening"')) {
          this.url = (JSON.parse(line) as { url: string }).url;
          resolveReady();
          return;
        }
        const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
        if (level < 40) return;
        let entry: { event?: string; msg?: string; err?: { message?: string } } = {};
        try {
          entry = JSON.parse(line);
        } catch {
          // Not JSON: count it under its first words.
        }
        const key = `${level >= 50 ? 'error' : 'warn'} ${entry.event ?? entry.msg ?? line.slice(0, 60)}`;
        this.warnings.set(key, (this.warnings.get(key) ?? 0) + 1);
        if (level >= 50 && this.errors.length < 20) this.errors.push(`${entry.event}: ${entry.err?.message ?? entry.msg}`);
      });
    });
  }

  private ask<T>(kind: string, message: Record<string, unknown>): Promise<T> {
    return new Promise((resolveAsk, reject) => {
      const timer = setTimeout(() => reject(new Error(`the probe did not answer ${kind}`)), 120_000);
      this.pending = { kind, resolve: (value) => { clearTimeout(timer); resolveAsk(value as T); } };
      this.child.send({ probe: kind, ...message });
    });
  }

  async sample(label: string, turns: number, started: number, { gc = false } = {}): Promise<Sample> {
    const probe = await this.ask<MemoryProbe>('memory', { gc });
    const { rssMb } = procMemory(this.child.pid!);
    return {
      label,
      turns,
      rssMb,
      heapUsedMb: probe.usage.heapUsed / MB,
      heapTotalMb: probe.usage.heapTotal / MB,
      externalMb: probe.usage.external / MB,
      arrayBuffersMb: probe.usage.arrayBuffers / MB,
      seconds: (performance.now() - started) / 1000,
    };
  }

  snapshot(file: string): Promise<{ file: string }> {
    return this.ask('snapshot', { file });
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolveExit) => this.child.once('exit', (code) => resolveExit(code)));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}

// ---------------------------------------------------------------------------------------------
// Load

interface Outcome {
  channel: Channel;
  ms: number;
  ok: boolean;
  status: number;
  replies: number;
}

class Load {
  readonly latencies: Float64Array;
  readonly byChannel: Record<Channel, number[]> = { emulator: [], msteams: [], webchat: [] };
  readonly failures = new Map<string, number>();
  readonly kinds = new Map<string, number>();
  completed = 0;
  requests = 0;
  noReply = 0;
  webchatConversations = 0;
  apiConversations = 0;
  private allocated = 0;
  private allocatedWebchat = 0;
  private paced = 0;
  private pacingFrom = 0;

  constructor(
    private readonly options: Options,
    private readonly base: string,
    private readonly rnd: () => number,
    private readonly onTurn: (completed: number) => void,
  ) {
    this.latencies = new Float64Array(options.turns);
  }

  /** Web Chat conversations are longer and capped below the store's 1,000, so none is refused as busy. */
  private get webchatPlan(): { conversations: number; turnsEach: number } {
    const turns = Math.round(this.options.turns * this.options.webchatShare);
    const conversations = Math.min(900, Math.max(1, Math.ceil(turns / 6)));
    return { conversations, turnsEach: Math.max(1, Math.ceil(turns / conversations)) };
  }

  /** The next conversation to run, with its turns taken from the budget; undefined when it is spent. */
  private next(): { turns: PlannedTurn[]; api?: ApiConversation } | undefined {
    const left = this.options.turns - this.allocated;
    if (left <= 0) return undefined;
    const plan = this.webchatPlan;
    const webchat =
      this.options.webchatShare > 0 &&
      this.allocatedWebchat < this.options.webchatShare * (this.allocated + 1) &&
      this.webchatConversations < plan.conversations;
    let api: ApiConversation | undefined;
    if (webchat) this.webchatConversations++;
    else api = apiConversation(this.rnd, ++this.apiConversations);
    let turns = planConversation(this.rnd, api?.channel ?? 'webchat', webchat ? plan.turnsEach : undefined);
    if (turns.length > left) turns = turns.slice(0, left);
    this.allocated += turns.length;
    if (webchat) this.allocatedWebchat += turns.length;
    return { turns, api };
  }

  /** With --rate, waits until this turn's slot: turn n starts no sooner than n / rate seconds in. */
  private async pace(): Promise<void> {
    if (this.options.rate <= 0) return;
    const due = this.pacingFrom + (this.paced++ * 1000) / this.options.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  }

  async run(): Promise<void> {
    this.pacingFrom = performance.now();
    const workers = Array.from({ length: this.options.concurrency }, async () => {
      for (let job = this.next(); job; job = this.next()) {
        if (job.api) await this.api(job.api, job.turns);
        else await this.webchat(job.turns);
      }
    });
    await Promise.all(workers);
  }

  private record(kind: string, outcome: Outcome): void {
    this.latencies[this.completed] = outcome.ms;
    this.byChannel[outcome.channel].push(outcome.ms);
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    if (!outcome.ok) this.failed(`${outcome.channel} ${kind}: HTTP ${outcome.status}`);
    else if (outcome.replies === 0) this.noReply++;
    this.completed++;
    this.onTurn(this.completed);
  }

  private failed(what: string): void {
    this.failures.set(what, (this.failures.get(what) ?? 0) + 1);
  }

  private async request(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: any; ms: number }> {
    const started = performance.now();
    this.requests++;
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json, ms: performance.now() - started };
    } catch (err) {
      return { status: 0, json: { error: err instanceof Error ? err.message : String(err) }, ms: performance.now() - started };
    }
  }

  private async api(conversation: ApiConversation, turns: PlannedTurn[]): Promise<void> {
    for (const turn of turns) {
      await this.pace();
      const { status, json, ms } = await this.request('POST', '/api/messages', apiActivity(conversation, turn));
      const replies = Array.isArray(json?.activities) ? json.activities.length : 0;
      // An invoke with expectReplies answers 200 with the invoke response among the activities.
      this.record(`${conversation.channel === 'msteams' ? 'teams ' : ''}${turn.kind}`, { channel: conversation.channel, ms, ok: status === 200, status, replies });
    }
  }

  private async webchat(turns: PlannedTurn[]): Promise<void> {
    const dl = '/v3/directline';
    const generated = await this.request('POST', `${dl}/tokens/generate`, {});
    if (generated.status !== 200) {
      this.failed(`webchat token: HTTP ${generated.status}`);
      for (const turn of turns) this.record(turn.kind, { channel: 'webchat', ms: generated.ms, ok: false, status: generated.status, replies: 0 });
      return;
    }
    const { token, conversationId, userId } = generated.json as { token: string; conversationId: string; userId: string };
    const started = await this.request('POST', `${dl}/conversations`, { locale: 'en-GB' }, token);
    if (started.status !== 201 && started.status !== 200) this.failed(`webchat start: HTTP ${started.status}`);
    let watermark = '';
    const poll = async () => {
      const polled = await this.request('GET', `${dl}/conversations/${encodeURIComponent(conversationId)}/activities?watermark=${watermark}`, undefined, token);
      if (polled.status !== 200) {
        this.failed(`webchat poll: HTTP ${polled.status}`);
        return [] as Array<{ from?: { role?: string } }>;
      }
      watermark = polled.json.watermark ?? watermark;
      return (polled.json.activities ?? []) as Array<{ from?: { role?: string } }>;
    };
    await poll();
    for (const turn of turns) {
      const activity = turn.value !== undefined
        ? { type: 'message', value: turn.value, from: { id: userId }, locale: 'en-GB' }
        : { type: 'message', text: turn.text, from: { id: userId }, locale: 'en-GB', textFormat: 'plain' };
      await this.pace();
      const posted = await this.request('POST', `${dl}/conversations/${encodeURIComponent(conversationId)}/activities`, activity, token);
      // The post returns once the bot has answered; one poll fetches the echo and the replies.
      const fetched = posted.status === 200 ? await poll() : [];
      const replies = fetched.filter((a) => a.from?.role === 'bot').length;
      this.record(turn.kind === 'invoke' ? 'button' : turn.kind, { channel: 'webchat', ms: posted.ms, ok: posted.status === 200, status: posted.status, replies });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const mb = (x: number | undefined) => (x === undefined ? '' : x.toFixed(1)).padStart(9);

function printTable(samples: Sample[]): void {
  console.log('');
  console.log('sample                  turns   seconds   RSS MB  heap used  heap total  external  arrayBuf');
  for (const s of samples) {
    console.log(
      `${s.label.padEnd(20)} ${String(s.turns).padStart(8)} ${s.seconds.toFixed(1).padStart(9)} ${mb(s.rssMb)}  ${mb(s.heapUsedMb)}  ${mb(s.heapTotalMb)} ${mb(s.externalMb)} ${mb(s.arrayBuffersMb)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = resolve(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const bot = new Bot(root, dataDir, options);
  const wallStart = performance.now();
  let exitCode = 0;
  try {
    await bot.ready();
    const pid = bot.child.pid!;
    console.log(
      `bench:load: ${options.turns} turns, concurrency ${options.concurrency}${options.rate > 0 ? `, at most ${options.rate} turns/s` : ''}, storage ${options.storage}, ` +
        `web chat share ${options.webchatShare}, seed ${options.seed}, node ${process.version}` +
        `, bot: node ${[...bot.flags, 'dist/bot/index.js'].join(' ')} (pid ${pid}, ${bot.url})`,
    );

    // Idle after start: the welcome path is not warmed up; the knowledge pack and triage are built.
    await sleep(2_000);
    const samples: Sample[] = [await bot.sample('idle after start', 0, wallStart)];

    let peak = samples[0].rssMb;
    const peakTimer = setInterval(() => {
      try {
        peak = Math.max(peak, procMemory(pid).rssMb);
      } catch {
        // The child has gone; the run will report it.
      }
    }, 250);

    const sampling: Promise<void>[] = [];
    let nextSample = options.sampleEvery;
    const loadStart = performance.now();
    const load = new Load(options, bot.url, random(options.seed), (completed) => {
      if (completed >= nextSample && completed < options.turns) {
        nextSample += options.sampleEvery;
        sampling.push(bot.sample(`after ${completed}`, completed, wallStart).then((s) => void samples.push(s)));
      }
    });
    await load.run();
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await Promise.all(sampling);
    samples.push(await bot.sample('end of load', load.completed, wallStart));

    await sleep(options.idleMs);
    const final = await bot.sample(`final (+${(options.idleMs / 1000).toFixed(0)} s idle)`, load.completed, wallStart);
    samples.push(final);
    clearInterval(peakTimer);
    const hwm = procMemory(pid).hwmMb;
    peak = Math.max(peak, hwm);
    const byKind = residentByKind(pid);
    samples.push(await bot.sample('after a forced GC', load.completed, wallStart, { gc: true }));
    samples.sort((a, b) => a.seconds - b.seconds);

    if (options.heapSnapshot) {
      const { file } = await bot.snapshot(options.heapSnapshot);
      console.log(`heap snapshot written to ${file}`);
    }

    printTable(samples);
    const sorted = Float64Array.from(load.latencies.subarray(0, load.completed)).sort();
    const ms = (x: number) => x.toFixed(1).padStart(8);
    console.log('');
    console.log(`resident at the end, MB: ${byKind.filter(([, mbs]) => mbs >= 0.5).map(([k, mbs]) => `${k} ${mbs.toFixed(1)}`).join('; ')}`);
    console.log(`peak RSS ${peak.toFixed(1)} MB (VmHWM ${hwm.toFixed(1)} MB); final RSS ${final.rssMb.toFixed(1)} MB; budget < ${options.maxRssMb} MB`);
    console.log(
      `${load.completed} turns in ${loadSeconds.toFixed(1)} s: ${(load.completed / loadSeconds).toFixed(0)} turns/s ` +
        `(${load.requests} HTTP requests; ${load.apiConversations} /api/messages conversations, ${load.webchatConversations} Web Chat)`,
    );
    console.log('latency ms                     p50      p95      p99      max');
    console.log(`all turns              ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(percentile(sorted, 99))} ${ms(sorted[sorted.length - 1] ?? NaN)}`);
    for (const [channel, list] of Object.entries(load.byChannel)) {
      if (list.length === 0) continue;
      const s = Float64Array.from(list).sort();
      console.log(`${`${channel} (${list.length})`.padEnd(22)} ${ms(percentile(s, 50))} ${ms(percentile(s, 95))} ${ms(percentile(s, 99))} ${ms(s[s.length - 1])}`);
    }
    console.log(`turn mix: ${[...load.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (load.noReply > 0) console.log(`turns answered with no activities: ${load.noReply}`);
    if (bot.warnings.size > 0) console.log(`bot warnings and errors: ${[...bot.warnings].map(([k, n]) => `${k} x${n}`).join(', ')}`);
    console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; wall clock ${((performance.now() - wallStart) / 1000).toFixed(0)} s in all`);

    const problems: string[] = [];
    if (final.rssMb >= options.maxRssMb) problems.push(`final RSS ${final.rssMb.toFixed(1)} MB is not under ${options.maxRssMb} MB`);
    for (const [what, n] of load.failures) problems.push(`${what} x${n}`);
    for (const line of bot.errors) problems.push(line);
    if (problems.length > 0) {
      console.error(`\nFAILED:\n  ${problems.join('\n  ')}`);
      exitCode = 1;
    } else {
      console.log('\nwithin budget');
    }
  } finally {
    const code = await bot.stop();
    if (code !== 0 && code !== null) {
      console.error(`the bot exited with code ${code}`);
      exitCode = 1;
    }
    if (options.keepData) console.log(`data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((err: unknown) => {
  console.error('bench:load failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
