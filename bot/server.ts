import type { AddressInfo } from 'node:net';
import { ConversationState, UserState, type Activity, type CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { DestinationStream } from 'pino';
import * as restify from 'restify';
import { createAdapter, type EarlyHelpAdapter } from './adapter';
import { ChannelUnavailableError } from './channelFault';
import { serviceUrlAllowed, type AppConfig } from './config';
import { EarlyHelpBot } from './earlyHelpBot';
import type { LanguageIdentifier } from '../knowledge/language/identify';
import { readActivityBody } from './http/activityBody';
import { bearerShapeProblem } from './http/bearerShape';
import { createIdHasher, createLogger, restifyLogger, type Logger } from './logging';
import { InputGuardMiddleware, type InputGuardOptions } from './middleware/inputGuard';
import type { OutboundLimits } from './middleware/outboundDeadline';
import { createStorage } from './storage/createStorage';
import { RetentionSweeper } from './storage/retention';
import type { SweepableStorage } from './storage/sweepable';
import { readVersion } from './version';

/** What a bot (and a server plugin) is built from. */
export interface BotServices {
  config: AppConfig;
  logger: Logger;
  storage: SweepableStorage;
  conversationState: ConversationState;
  userState: UserState;
  /** Which language a message is in (loaded once by bot/index.ts); without it, only risk phrases in other languages are read. */
  languageIdentifier?: LanguageIdentifier;
}

/** Turns one conversation may have waiting on /api/messages before further posts get 429. */
export const MAX_WAITING_TURNS = 50;

/** What the bot tells a readiness probe: the knowledge pack it serves, and whether its triage engine reads messages. */
export interface BotReadiness {
  pack: { id: string; version: string; services: number };
  /** The rules compiled, the model loaded, and one message read at start-up. */
  triage: boolean;
}

/** Anything with ActivityHandler's `run`. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
  /** The turn's risk decision, when the bot makes one: lets the input guard pass a risky message. */
  riskIndicated?(context: TurnContext): Promise<boolean>;
  /** For GET /ready; a handler without it is ready once built. */
  readiness?(): BotReadiness;
}

export type BotFactory = (services: BotServices) => TurnHandler;

/** What a plugin gets besides the server: the services, the adapter, and in-flight tracking. */
export interface PluginServices extends BotServices {
  adapter: CloudAdapter;
  /** The bot every channel hands its turns to. */
  bot: TurnHandler;
  /** Wrap turns run outside POST /api/messages so graceful shutdown waits for them too. */
  trackInFlight: <T>(work: () => Promise<T>) => Promise<T>;
  /** True once shutdown has begun: a plugin's routes then turn new work away with a 503. */
  isStopping: () => boolean;
}

/**
 * Adds routes (Web Chat page, Teams manifest...) or middleware to the server. May return a
 * clean-up function, called at shutdown after turns in flight have finished and before the
 * last connections are closed (so a plugin can say goodbye on its WebSockets).
 */
export type ServerPlugin = (server: restify.Server, services: PluginServices) => void | (() => void | Promise<void>);

export interface ServerDeps {
  config: AppConfig;
  logger: Logger;
  storage: SweepableStorage;
  /** Defaults to the first bot, EarlyHelpBot. */
  createBot?: BotFactory;
  plugins?: ServerPlugin[];
  inputGuard?: InputGuardOptions;
  /** Wall clock, for tests. */
  now?: () => number;
  /** Tests only: where the SDK fetches signing keys (see AdapterDeps.authSettings). */
  authSettings?: Record<string, string>;
  /** Time limits on replies sent to a channel (see AdapterDeps.outbound). */
  outbound?: OutboundLimits;
  languageIdentifier?: LanguageIdentifier;
}

export interface AppServer {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: TurnHandler;
  services: BotServices;
  /** Requests to /api/messages (and tracked plugin work) being processed right now. */
  readonly inFlight: number;
  trackInFlight: <T>(work: () => Promise<T>) => Promise<T>;
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, waits for in-flight turns (up to `timeoutMs`), then flushes and closes storage. */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

function sendError(res: restify.Response, status: number, error: string): void {
  res.status(status);
  res.json({ error });
}

/** Names of jsonwebtoken's verification errors (a dependency of the SDK, not ours). */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Runs one authenticated turn and writes its answer. This replaces CloudAdapter.process, which
 * prints each rejected token's stack to the console and answers errors with a bare string: here a
 * rejected token is one structured log line and a `{ "error": "..." }` 401, and any other failure
 * reaches the caller's handler (a generic 500 that never carries the SDK's internal message).
 */
async function runTurn(
  adapter: EarlyHelpAdapter,
  req: restify.Request,
  res: restify.Response,
  activity: Activity,
  logic: (context: TurnContext) => Promise<void>,
  logger: Logger,
): Promise<void> {
  const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
  let invokeResponse: InvokeResponse | undefined;
  try {
    invokeResponse = await adapter.runActivity(authHeader, activity, logic);
  } catch (err) {
    // The SDK lets jsonwebtoken's own errors through unwrapped (a bad signature under a
    // published key id, a payload changed after signing): those are bad tokens too.
    if (err instanceof AuthenticationError || JWT_ERRORS.has((err as Error | undefined)?.name ?? '')) {
      logger.warn({ event: 'auth.refused', reason: String((err as Error).message).split('\n')[0].slice(0, 200) }, 'bearer token refused');
      return sendError(res, 401, 'Unauthorized.');
    }
    if (err instanceof ChannelUnavailableError) {
      res.header('Retry-After', '5');
      return sendError(res, 503, 'The reply could not be delivered to the channel; send the activity again.');
    }
    throw err;
  }
  const status = invokeResponse?.status ?? 200;
  if (invokeResponse?.body !== undefined) {
    res.send(status, invokeResponse.body);
  } else {
    res.status(status);
    res.end();
  }
}

/** Builds the restify server and the adapter, but does not listen: tests choose the port. */
export function createServer(deps: ServerDeps): AppServer {
  const { config, logger, storage } = deps;
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const version = readVersion();

  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const services: BotServices = { config, logger, storage, conversationState, userState, languageIdentifier: deps.languageIdentifier };
  const hashId = createIdHasher(config.logHashSalt);
  const adapter = createAdapter({ config, logger, conversationState, hashId, inputGuard: deps.inputGuard, authSettings: deps.authSettings, outbound: deps.outbound });
  const bot = (deps.createBot ?? ((s) => new EarlyHelpBot(s)))(services);

  const server = restify.createServer({
    name: 'early-help-assistant',
    handleUncaughtExceptions: false,
    // restify's own lines go through our logger, with the same redaction.
    log: restifyLogger(logger) as unknown as restify.ServerOptions['log'],
  });
  // restify's own errors (404, 405...) answer in the same `{ "error": "..." }` shape as ours.
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { toJSON?: () => unknown }, callback: () => void) => {
    // Cut: restify's 404 message repeats the path asked for, which may be kilobytes long.
    err.toJSON = () => ({ error: (err.message || err.name).slice(0, 200) });
    callback();
  });

  // Turns of one conversation run one at a time, in arrival order: two at once would each read
  // the conversation's state, and the last to save would silently drop the other's changes (a
  // double send, or a busy Teams group chat). Different conversations still run side by side.
  const queues = new Map<string, Promise<void>>();
  const waiting = new Map<string, number>();
  const inOrder = async (key: string, work: () => Promise<void>): Promise<void> => {
    const previous = queues.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    queues.set(key, mine);
    waiting.set(key, (waiting.get(key) ?? 0) + 1);
    try {
      // `mine` settles only through release(), which runs below: the chain never rejects.
      await previous;
      await work();
    } finally {
      const left = (waiting.get(key) ?? 1) - 1;
      if (left > 0) waiting.set(key, left);
      else waiting.delete(key);
      release?.();
      if (queues.get(key) === mine) queues.delete(key);
    }
  };

  let inFlight = 0;
  let stopping = false;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  const trackInFlight = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await work();
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  };

  // Liveness: the process is up and answers. Never tied to storage or shutdown: an orchestrator
  // that restarts a process because its storage is down, or while it drains, only loses the
  // turns it holds. Whether to send people here is /ready's question.
  const health = async (_req: restify.Request, res: restify.Response) => {
    res.json(200, { status: 'ok', version, uptimeSeconds: Math.floor((now() - startedAt) / 1000), storage: storage.kind });
  };
  server.get('/health', health);
  // Some load balancers probe with HEAD.
  server.head('/health', health);

  // Readiness: 503 while the store refuses writes or before the pack and the triage engine are
  // ready, so a load balancer sends people to another instance. (Once shutdown begins the server
  // takes no new connections at all, which a load balancer sees sooner.)
  const ready = async (_req: restify.Request, res: restify.Response) => {
    const storageHealth = await storage.health();
    const report = bot.readiness?.();
    const problems: string[] = [];
    if (!storageHealth.ok) problems.push(`storage cannot take writes (${storageHealth.reason})`);
    if (report && !report.triage) problems.push('the triage engine has not read a message yet');
    res.json(problems.length === 0 ? 200 : 503, {
      status: problems.length === 0 ? 'ready' : 'not ready',
      version,
      checks: {
        storage: { ok: storageHealth.ok, kind: storage.kind },
        ...(report ? { pack: { ok: true, ...report.pack }, triage: { ok: report.triage } } : {}),
      },
      ...(problems.length > 0 ? { problems } : {}),
    });
  };
  server.get('/ready', ready);
  server.head('/ready', ready);

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (stopping) {
      res.header('Connection', 'close');
      // Like the Web Chat routes: a connector or client knows when to try again.
      res.header('Retry-After', '5');
      return sendError(res, 503, 'The bot is shutting down; try again shortly.');
    }
    await trackInFlight(async () => {
      try {
        const body = await readActivityBody(req);
        if (!body.ok) {
          if (body.status === 413) res.header('Connection', 'close');
          return sendError(res, body.status, body.error);
        }
        // Replies are posted to the activity's serviceUrl unless they come back in the response:
        // only allowed hosts, or anyone could make the bot send requests anywhere. Without
        // authentication that is a 400 here; with it, the token is checked first (a bad token
        // stays a 401) and ServiceUrlGuardMiddleware drops the turn after it.
        if (!config.authenticated && body.activity.deliveryMode !== 'expectReplies' && !serviceUrlAllowed(body.activity.serviceUrl, config.serviceUrlHosts)) {
          logger.warn({ event: 'http.serviceUrl.refused' }, 'serviceUrl is not on the allow-list');
          return sendError(res, 400, 'serviceUrl is not an allowed channel host (SERVICE_URL_HOSTS).');
        }
        if (config.authenticated) {
          const problem = bearerShapeProblem(req.headers.authorization, Math.floor(now() / 1000));
          if (problem) {
            logger.warn({ event: 'auth.refused', reason: problem }, 'bearer token refused');
            return sendError(res, 401, 'Unauthorized.');
          }
        }
        const key = `${body.activity.channelId}/${body.activity.conversation.id}`;
        if ((waiting.get(key) ?? 0) >= MAX_WAITING_TURNS) {
          return sendError(res, 429, 'Too many messages at once for this conversation. Please wait for the reply.');
        }
        const activity = body.activity as unknown as Activity;
        await inOrder(key, () => runTurn(adapter, req, res, activity, (context) => bot.run(context), logger));
      } catch (err) {
        logger.error({ event: 'http.error', err }, 'request failed');
        if (!res.headersSent) sendError(res, 500, 'Something went wrong.');
      }
    });
  });

  const cleanups: Array<() => void | Promise<void>> = [];
  for (const plugin of deps.plugins ?? []) {
    const cleanup = plugin(server, { ...services, adapter, bot, trackInFlight, isStopping: () => stopping });
    if (typeof cleanup === 'function') cleanups.push(cleanup);
  }
  // Last, after the channels' middleware, so it reads the text as the bot will (Teams mentions
  // removed). Its pass-through is the bot's own risk decision, made once for the turn.
  const passThrough = deps.inputGuard?.passThrough ?? ((context: TurnContext) => bot.riskIndicated?.(context) ?? false);
  adapter.use(new InputGuardMiddleware({ ...deps.inputGuard, passThrough }));

  return {
    server,
    adapter,
    bot,
    services,
    get inFlight() {
      return inFlight;
    },
    trackInFlight,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const address = server.server.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve({ port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      });
    },
    close({ timeoutMs = 10_000 } = {}) {
      closing ??= shutdown(timeoutMs);
      return closing;
    },
  };

  /** Stop accepting, let turns in flight finish (up to timeoutMs), then flush and close storage. */
  async function shutdown(timeoutMs: number): Promise<void> {
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.server.closeIdleConnections();
    if (inFlight > 0) {
      logger.info({ event: 'shutdown.drain', inFlight }, 'waiting for turns in flight');
      await Promise.race([
        new Promise<void>((resolve) => (drained = resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
    // Plugins close what the HTTP server does not track (Web Chat's WebSocket streams): an
    // upgraded socket left open would hold close() for ever.
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (err) {
        logger.error({ event: 'shutdown.plugin', err }, 'plugin clean-up failed');
      }
    }
    // Keep-alive sockets still open after the drain would hold close() forever.
    server.server.closeAllConnections();
    // Whatever is still open now (a socket mid-upgrade) must not keep the process alive.
    await Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref())]);
    await storage.close();
  }
}

export interface StartOptions {
  /** Log destination; stdout when omitted. */
  logDestination?: DestinationStream;
  logger?: Logger;
  /** A ready store instead of the one STORAGE names. */
  storage?: SweepableStorage;
  createBot?: BotFactory;
  plugins?: ServerPlugin[];
  inputGuard?: InputGuardOptions;
  now?: () => number;
  authSettings?: Record<string, string>;
  outbound?: OutboundLimits;
  /** Which language a message is in; bot/index.ts loads it once. */
  languageIdentifier?: LanguageIdentifier;
}

export interface RunningServer extends AppServer {
  port: number;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  retention: RetentionSweeper;
}

/**
 * Everything `npm start` runs, minus process signals: logger, storage, retention sweep, server
 * listening on config.host:config.port (0 picks a free port). `close()` shuts down gracefully.
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, destination: options.logDestination });
  const storage = options.storage ?? (await createStorage(config, logger, options.now));
  const retention = new RetentionSweeper({
    storage,
    retentionHours: config.retentionHours,
    sweepMinutes: config.retentionSweepMinutes,
    now: options.now,
    logger,
  });

  if (!config.authenticated) {
    logger.warn(
      { event: 'auth.disabled', host: config.host, serviceUrlHosts: config.serviceUrlHosts },
      `MicrosoftAppId is empty: running WITHOUT authentication, listening on ${config.host}, replying only to ${config.serviceUrlHosts.join(', ')}. Use this only on your own machine.`,
    );
  }

  const app = createServer({
    config,
    logger,
    storage,
    createBot: options.createBot,
    plugins: options.plugins,
    inputGuard: options.inputGuard,
    now: options.now,
    authSettings: options.authSettings,
    outbound: options.outbound,
    languageIdentifier: options.languageIdentifier,
  });
  const { port, url } = await app.listen(config.port, config.host);
  retention.start();
  // A sweep at start-up clears what outlived its retention while the bot was down.
  void retention.sweep();
  logger.info(
    {
      event: 'listening',
      port,
      url,
      storage: storage.kind,
      dataDir: storage.kind === 'lowdb' ? config.dataDir : undefined,
      container: storage.kind === 'blob' ? config.blob?.container : undefined,
      version: readVersion(),
    },
    `Early Help Assistant listening on ${url}`,
  );

  const closeServer = app.close.bind(app);
  let stopped: Promise<void> | undefined;
  return Object.assign(app, {
    port,
    url,
    retention,
    close(closeOptions?: { timeoutMs?: number }) {
      stopped ??= (async () => {
        await retention.stop();
        await closeServer(closeOptions);
        logger.info({ event: 'stopped' }, 'stopped');
      })();
      return stopped;
    },
  });
}
