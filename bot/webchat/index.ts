import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { loadPack } from '../../knowledge';
import type { AppConfig } from '../config';
import type { Logger } from '../logging';
import type { ServerPlugin } from '../server';
import { EmbeddedChannel } from './channel';
import { ClientLimits } from './clientLimits';
import { ConversationStore } from './conversations';
import { registerDirectLineRoutes } from './directLineRoutes';
import { linkOriginsOf, textLinesOf, type TextLine } from './linkOrigins';
import { registerPageRoutes } from './pageRoutes';
import { applyCommonHeaders, applyCors } from './securityHeaders';
import { ActivityStream, streamUrl } from './stream';
import { readWebChatSettings, type WebChatSettings } from './settings';
import { TokenIssuer } from './tokens';

/** The parts of the running bot the website channel plugs into. */
export interface WebChatHost {
  server: Server;
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  services: { config: AppConfig; logger: Logger };
  /** Lets graceful shutdown wait for web chat turns too. */
  trackInFlight?: <T>(work: () => Promise<T>) => Promise<T>;
  /** True once shutdown has begun: new conversations and messages then get a 503. */
  isStopping?: () => boolean;
}

export interface WebChatOptions {
  /** Environment to read WEBCHAT_* and DIRECT_LINE_* from; process.env by default. */
  env?: Record<string, string | undefined>;
}

export interface WebChat {
  settings: WebChatSettings;
  store: ConversationStore;
  tokens: TokenIssuer;
  /** Closes the streams with a goodbye frame and forgets every conversation. */
  close(): Promise<void>;
}

/**
 * Adds the council website channel to a running bot: the chat page at `/`, the Web Chat
 * bundle, the token endpoint and, unless Azure's Direct Line is configured, an embedded
 * Direct Line 3.0 endpoint so the page works locally with no Azure resource at all.
 */
export function registerWebChat(host: WebChatHost, options: WebChatOptions = {}): WebChat {
  const { config, logger } = host.services;
  const env = options.env ?? process.env;
  const settings = readWebChatSettings(
    { ...env, DIRECT_LINE_SECRET: env.DIRECT_LINE_SECRET ?? config.directLineSecret },
    config.retentionHours,
  );
  const store = new ConversationStore({
    idleMs: settings.conversationIdleMinutes * 60_000,
    maxAgeMs: config.retentionHours * 3_600_000,
    maxConversations: settings.maxConversations,
    maxPerClient: settings.maxConversationsPerClient,
    maxActivities: settings.maxActivitiesPerConversation,
    maxConversationBytes: settings.maxConversationBytes,
    maxStoreBytes: settings.maxStoreBytes,
  });
  const tokens = new TokenIssuer(settings.tokenSecret, settings.tokenLifetimeSeconds);
  const limits = new ClientLimits(settings.limits);

  let linkOrigins: string[] = [];
  let textLines: TextLine[] = [];
  let councilName: string | undefined;
  let privacyNoticeUrl: string | undefined;
  try {
    const pack = loadPack(config.knowledgePack);
    linkOrigins = linkOriginsOf(pack);
    textLines = textLinesOf(pack);
    councilName = pack.meta.councilName;
    privacyNoticeUrl = pack.meta.privacyNotice?.url;
  } catch (err) {
    logger.warn({ event: 'webchat.linkOrigins', err }, 'could not read the knowledge pack: links in messages will stay plain text');
  }

  registerPageRoutes(host.server, { settings, store, tokens, linkOrigins, textLines, limits, isStopping: host.isStopping, councilName, privacyNoticeUrl, retentionHours: config.retentionHours, sweepMinutes: config.retentionSweepMinutes, logMessageText: config.logMessageText });

  let stream: ActivityStream | undefined;
  if (settings.mode === 'embedded') {
    // Registered before or after the server listens: the port is read when it is needed.
    const portNow = () => {
      const address = host.server.server.address();
      return address && typeof address === 'object' ? address.port : config.port;
    };
    const channel = new EmbeddedChannel({
      adapter: host.adapter,
      logic: (context) => host.bot.run(context),
      store,
      appId: config.appId,
      botName: settings.botName,
      serviceUrl: () => `http://127.0.0.1:${portNow()}/`,
      trackInFlight: host.trackInFlight,
      onTurnFailed: (err) => logger.error({ event: 'webchat.turn.error', err }, 'web chat turn failed'),
    });
    if (settings.webSocket) {
      stream = new ActivityStream({ store, tokens, allowedOrigins: settings.allowedOrigins });
      stream.attach(host.server.server);
    }
    registerDirectLineRoutes(host.server, {
      channel,
      streamUrlFor: stream
        ? (req, conversation, token) => {
            // The address the browser used, unless PUBLIC_URL says where we are published.
            const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
            const base = config.publicUrl ?? `${proto}://${req.headers.host ?? `127.0.0.1:${portNow()}`}`;
            try {
              const watermark = new URL(req.url ?? '/', 'http://x').searchParams.get('watermark') ?? undefined;
              return streamUrl(base, conversation.id, token, watermark);
            } catch {
              // A Host header no URL can be built on ("[", "a b": only a hand-made request sends
              // one) made every start, reconnect and refresh a 500. No streamUrl: the client polls.
              return undefined;
            }
          }
        : undefined,
      store,
      tokens,
      limits,
      maxBodyBytes: settings.maxBodyBytes,
      isStopping: host.isStopping,
      applyHeaders: (req, res) => {
        applyCommonHeaders(res);
        applyCors(req, res, settings);
      },
    });
  }

  const sweeper = setInterval(() => store.sweep(), 60_000);
  sweeper.unref();
  host.server.server.once('close', () => clearInterval(sweeper));

  logger.info(
    { event: 'webchat.ready', mode: settings.mode, idleMinutes: settings.conversationIdleMinutes },
    settings.mode === 'embedded'
      ? 'Web Chat page at / with the embedded Direct Line channel (no Azure needed)'
      : 'Web Chat page at / using Azure Bot Service Direct Line tokens',
  );

  return {
    settings,
    store,
    tokens,
    async close() {
      clearInterval(sweeper);
      await stream?.close();
      store.clear();
    },
  };
}

/**
 * The website channel as a server plugin, like Teams: `plugins: [teamsPlugin(), webChatPlugin()]`.
 * At shutdown, after queued turns have been answered, its streams get a goodbye frame.
 */
export function webChatPlugin(options: WebChatOptions = {}): ServerPlugin {
  return (server, services) => {
    const webchat = registerWebChat(
      { server, adapter: services.adapter, bot: services.bot, services, trackInFlight: services.trackInFlight, isStopping: services.isStopping },
      options,
    );
    return () => webchat.close();
  };
}
