import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Activity } from 'botbuilder';
import type { EmbeddedChannel } from './channel';
import type { ClientLimits } from './clientLimits';
import type { Conversation, ConversationStore } from './conversations';
import { jsonBytes } from '../http/jsonShape';
import { HttpError, readJsonBody, sendError, sendJson } from './http';
import { bearerToken, type TokenIssuer } from './tokens';

export const DIRECT_LINE_BASE = '/v3/directline';

export interface DirectLineDeps {
  channel: EmbeddedChannel;
  store: ConversationStore;
  tokens: TokenIssuer;
  limits: ClientLimits;
  maxBodyBytes: number;
  /** Adds CORS and security headers; answers preflights. */
  applyHeaders: (req: Request, res: Response) => void;
  /** True once the server is shutting down: new conversations and messages get a 503. */
  isStopping?: () => boolean;
  /** ws(s):// URL for a conversation's activity stream, when streaming is on. */
  streamUrlFor?: (req: Request, conversation: Conversation, token: string) => string | undefined;
}

/** A card submit or a page event carries a few fields; anything bigger is not from our page. */
export const MAX_VALUE_BYTES = 8 * 1024;
const withinBytes = { check: (v: unknown) => jsonBytes(v) <= MAX_VALUE_BYTES, error: `is larger than ${MAX_VALUE_BYTES} bytes` };

/** What a browser may post. Everything about who and where is set by the channel, never taken from here. */
const PostedActivity = z.object({
  type: z.enum(['message', 'event'], { error: 'type must be "message" or "event"' }),
  text: z.string().optional(),
  name: z.string().max(100).optional(),
  value: z.unknown().refine(withinBytes.check, { error: withinBytes.error }).optional(),
  locale: z.string().max(35).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  channelData: z.record(z.string(), z.unknown()).refine(withinBytes.check, { error: withinBytes.error }).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
});

const StartBody = z
  .object({ locale: z.string().max(35).optional() })
  .passthrough()
  .optional();

/**
 * The Direct Line 3.0 REST surface that botframework-directlinejs (inside Web Chat) uses:
 * tokens, start and reconnect, post an activity, poll for activities. Errors are JSON.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineDeps): void {
  const { channel, store, tokens, maxBodyBytes } = deps;

  const handle = (work: (req: Request, res: Response) => Promise<void>, { newWork = false } = {}) => async (req: Request, res: Response) => {
    deps.applyHeaders(req, res);
    if (newWork && deps.isStopping?.()) {
      // Handed back, not dropped: Web Chat shows the message as not sent and offers to retry.
      req.resume();
      res.header('Retry-After', '5');
      res.header('Connection', 'close');
      return sendJson(res, 503, { error: 'The chat is restarting. Please send your message again in a few seconds. If someone is in immediate danger, call 999.' });
    }
    try {
      await work(req, res);
    } catch (error) {
      sendError(res, error);
    }
  };

  /** Checks the bearer token; with a conversation id, also that the token is for that conversation. */
  const authorise = (req: Request, conversationId?: string) => {
    const token = bearerToken(req.headers.authorization);
    const check = tokens.check(token);
    if (!check.ok) {
      if (check.reason === 'missing' || check.reason === 'malformed') {
        throw new HttpError(401, 'A Direct Line token is required (Authorization: Bearer <token>).');
      }
      throw new HttpError(403, check.reason === 'expired' ? 'The token has expired.' : 'The token is not valid.');
    }
    const id = conversationId ?? check.claims.conversationId;
    const conversation = store.get(id);
    if (!conversation) throw new HttpError(404, 'Conversation not found. It may have ended after a period of inactivity.');
    if (check.claims.conversationId !== conversation.id || check.claims.userId !== conversation.userId) {
      throw new HttpError(403, 'The token is for a different conversation.');
    }
    store.touch(conversation);
    return { conversation, token: token as string };
  };

  const conversationBody = (req: Request, conversation: Conversation, token: string, fresh: boolean) => {
    const issued = fresh ? tokens.issue(conversation.id, conversation.userId) : undefined;
    const body: Record<string, unknown> = {
      conversationId: conversation.id,
      token: issued?.token ?? token,
      expires_in: issued?.expiresIn ?? tokens.lifetimeSeconds,
    };
    const streamUrl = deps.streamUrlFor?.(req, conversation, issued?.token ?? token);
    if (streamUrl) body.streamUrl = streamUrl;
    return body;
  };

  server.opts(`${DIRECT_LINE_BASE}/*`, async (req: Request, res: Response) => {
    deps.applyHeaders(req, res);
    res.writeHead(204);
    res.end();
  });

  // Embedded mode has no secret to protect generation: the page is public, and each token
  // only opens a new, empty conversation of its own.
  server.post(`${DIRECT_LINE_BASE}/tokens/generate`, handle(async (req, res) => {
    await readJsonBody(req, maxBodyBytes, { optional: true });
    const client = deps.limits.keyOf(req);
    await deps.limits.consume('conversation', client);
    const conversation = store.create(client);
    const issued = tokens.issue(conversation.id, conversation.userId);
    sendJson(res, 200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn, userId: conversation.userId });
  }, { newWork: true }));

  server.post(`${DIRECT_LINE_BASE}/tokens/refresh`, handle(async (req, res) => {
    const { conversation, token } = authorise(req);
    sendJson(res, 200, conversationBody(req, conversation, token, true));
  }));

  server.post(`${DIRECT_LINE_BASE}/conversations`, handle(async (req, res) => {
    const body = StartBody.safeParse(await readJsonBody(req, maxBodyBytes, { optional: true }));
    if (!body.success) throw new HttpError(400, 'The start request body is not valid.');
    const { conversation, token } = authorise(req);
    const isNew = !conversation.started;
    await channel.start(conversation, body.data?.locale);
    sendJson(res, isNew ? 201 : 200, conversationBody(req, conversation, token, false));
  }, { newWork: true }));

  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId`, handle(async (req, res) => {
    const { conversation, token } = authorise(req, String(req.params.conversationId));
    sendJson(res, 200, conversationBody(req, conversation, token, false));
  }));

  server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, handle(async (req, res) => {
    const { conversation } = authorise(req, String(req.params.conversationId));
    await deps.limits.consume('message', deps.limits.keyOf(req));
    const parsed = PostedActivity.safeParse(await readJsonBody(req, maxBodyBytes));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `Not a valid activity: ${issue.path.join('.') || 'body'} ${issue.message}`.trim());
    }
    if (!conversation.started) await channel.start(conversation, parsed.data.locale);
    if (parsed.data.type === 'message') store.markSpoken(conversation);
    const id = await channel.post(conversation, parsed.data as Partial<Activity>);
    sendJson(res, 200, { id });
  }, { newWork: true }));

  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, handle(async (req, res) => {
    const { conversation } = authorise(req, String(req.params.conversationId));
    const watermark = new URL(req.url ?? '/', 'http://localhost').searchParams.get('watermark') ?? undefined;
    sendJson(res, 200, store.activitiesAfter(conversation, watermark));
  }));

  server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/upload`, handle(async (req, res) => {
    authorise(req, String(req.params.conversationId));
    req.resume();
    sendJson(res, 415, { error: 'This chat does not accept files.' });
  }));
}
