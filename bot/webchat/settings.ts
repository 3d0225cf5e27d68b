import { z } from 'zod';
import type { ClientLimitSettings } from './clientLimits';
import { DEFAULT_MAX_CONVERSATION_BYTES, DEFAULT_MAX_STORE_BYTES } from './conversations';

/** Settings of the website channel, read from the environment next to the hosting configuration. */
export interface WebChatSettings {
  /** 'embedded': the bot serves Direct Line itself. 'azure': tokens come from Azure Bot Service. */
  mode: 'embedded' | 'azure';
  directLineSecret?: string;
  /** Azure Direct Line origin, e.g. https://europe.directline.botframework.com. */
  directLineEndpoint: string;
  tokenSecret?: string;
  tokenLifetimeSeconds: number;
  conversationIdleMinutes: number;
  maxConversations: number;
  /** Conversations one client (address) may hold at once. */
  maxConversationsPerClient: number;
  /** Per-client rate limits on new chats and messages (clientLimits.ts). */
  limits: ClientLimitSettings;
  maxActivitiesPerConversation: number;
  /** Bytes of activities kept per conversation (the oldest fall off beyond it). */
  maxConversationBytes: number;
  /** Bytes of activities kept for all conversations together (WEBCHAT_MAX_STORE_MB). */
  maxStoreBytes: number;
  maxBodyBytes: number;
  /** CSP frame-ancestors sources; empty means no site may frame the page. */
  frameAncestors: string[];
  /** Other origins whose pages may use the chat (the embed snippet on a council site). */
  allowedOrigins: string[];
  exitUrl: string;
  botName: string;
  /** Push activities over a WebSocket (Direct Line's streamUrl) instead of polling. */
  webSocket: boolean;
}

class WebChatSettingsError extends Error {}

const number = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!Number.isFinite(value) || value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: `must be a number from ${min} to ${max}` });
        return z.NEVER;
      }
      return value;
    });

const origin = z.string().transform((raw, ctx) => {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    return url.origin;
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not an http(s) origin such as https://www.example.gov.uk` });
    return z.NEVER;
  }
});

const originList = z
  .string()
  .optional()
  .transform((raw) => (raw ?? '').split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(origin));

const httpsUrl = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw ?? fallback;
      try {
        const url = new URL(value);
        const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
        if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) throw new Error('scheme');
        return url.toString();
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an https URL (http only for localhost)' });
        return z.NEVER;
      }
    });

const EnvSchema = z.object({
  DIRECT_LINE_SECRET: z.string().optional(),
  DIRECT_LINE_ENDPOINT: httpsUrl('https://directline.botframework.com'),
  WEBCHAT_TOKEN_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  WEBCHAT_TOKEN_MINUTES: number(1, 60, 30),
  WEBCHAT_IDLE_MINUTES: number(1, 24 * 60, 30),
  WEBCHAT_MAX_CONVERSATIONS: number(1, 100000, 1000),
  WEBCHAT_MAX_CONVERSATIONS_PER_CLIENT: number(1, 100000, 50),
  WEBCHAT_NEW_CHATS_PER_10_MINUTES: number(1, 100000, 60),
  WEBCHAT_MESSAGES_PER_MINUTE: number(1, 100000, 300),
  TRUST_PROXY_HOPS: number(0, 10, 0),
  WEBCHAT_MAX_BODY_BYTES: number(1024, 1024 * 1024, 32 * 1024),
  WEBCHAT_MAX_STORE_MB: number(1, 4096, DEFAULT_MAX_STORE_BYTES / (1024 * 1024)),
  WEBCHAT_FRAME_ANCESTORS: originList,
  WEBCHAT_ALLOWED_ORIGINS: originList,
  WEBCHAT_EXIT_URL: httpsUrl('https://www.bbc.co.uk/weather'),
  WEBCHAT_BOT_NAME: z.string().max(60).optional(),
  WEBCHAT_WEBSOCKET: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((v) => v !== 'false'),
});

/**
 * Reads the website channel's settings. The idle time is capped by RETENTION_HOURS so the
 * channel never holds what someone typed longer than the rest of the bot may.
 */
export function readWebChatSettings(
  env: Record<string, string | undefined>,
  retentionHours: number,
): WebChatSettings {
  const cleaned: Record<string, string | undefined> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key]?.trim();
    cleaned[key] = value === '' ? undefined : value;
  }
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new WebChatSettingsError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  return {
    mode: e.DIRECT_LINE_SECRET ? 'azure' : 'embedded',
    directLineSecret: e.DIRECT_LINE_SECRET,
    directLineEndpoint: new URL(e.DIRECT_LINE_ENDPOINT).origin,
    tokenSecret: e.WEBCHAT_TOKEN_SECRET,
    tokenLifetimeSeconds: Math.round(e.WEBCHAT_TOKEN_MINUTES * 60),
    conversationIdleMinutes: Math.min(e.WEBCHAT_IDLE_MINUTES, retentionHours * 60),
    maxConversations: Math.floor(e.WEBCHAT_MAX_CONVERSATIONS),
    maxConversationsPerClient: Math.floor(e.WEBCHAT_MAX_CONVERSATIONS_PER_CLIENT),
    limits: {
      conversationsPer10Minutes: Math.floor(e.WEBCHAT_NEW_CHATS_PER_10_MINUTES),
      messagesPerMinute: Math.floor(e.WEBCHAT_MESSAGES_PER_MINUTE),
      trustProxyHops: Math.floor(e.TRUST_PROXY_HOPS),
    },
    maxActivitiesPerConversation: 300,
    maxConversationBytes: DEFAULT_MAX_CONVERSATION_BYTES,
    maxStoreBytes: Math.floor(e.WEBCHAT_MAX_STORE_MB * 1024 * 1024),
    maxBodyBytes: Math.floor(e.WEBCHAT_MAX_BODY_BYTES),
    frameAncestors: e.WEBCHAT_FRAME_ANCESTORS,
    allowedOrigins: e.WEBCHAT_ALLOWED_ORIGINS,
    exitUrl: e.WEBCHAT_EXIT_URL,
    botName: e.WEBCHAT_BOT_NAME ?? 'Early help assistant',
    webSocket: e.WEBCHAT_WEBSOCKET,
  };
}
