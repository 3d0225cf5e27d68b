import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import type { ConversationStore } from './conversations';
import { DIRECT_LINE_BASE } from './directLineRoutes';
import type { TokenIssuer } from './tokens';

/** Open WebSocket streams one conversation may have. */
export const MAX_STREAMS_PER_CONVERSATION = 3;

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/([^/]+)/stream$`);

export interface StreamOptions {
  store: ConversationStore;
  tokens: TokenIssuer;
  /** Origins whose pages may open the stream (the page's own origin is always allowed). */
  allowedOrigins: string[];
}

/**
 * Direct Line's activity stream over WebSocket (the `streamUrl`): each new activity in a
 * conversation is pushed as `{ activities, watermark }`, so Web Chat need not poll. The
 * token travels in the URL's `t` parameter, as in Direct Line, and is checked before the
 * upgrade is accepted.
 */
export class ActivityStream {
  private readonly wss = new WebSocket.Server({ noServer: true, maxPayload: 1024 });

  constructor(private readonly options: StreamOptions) {}

  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      try {
        this.upgrade(req, socket, head);
      } catch {
        // An upgrade must never throw: an exception here would leave the port deaf.
        socket.destroy();
      }
    });
    server.once('close', () => void this.close(0));
  }

  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    {
      const refuse = (status: string): void => {
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        return refuse('400 Bad Request');
      }
      const match = STREAM_PATH.exec(url.pathname);
      // Nothing else on this server takes upgrades (restify is not set to), and an upgrading
      // socket has no HTTP timeouts: answer and close it, or it stays open for ever.
      if (!match) return refuse('404 Not Found');
      let conversationId: string;
      try {
        conversationId = decodeURIComponent(match[1]);
      } catch {
        // A malformed escape must be a 400, never an exception in the upgrade handler.
        return refuse('400 Bad Request');
      }
      const refusal = this.refusal(req, conversationId, url.searchParams.get('t') ?? undefined);
      if (refusal) return refuse(refusal);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, conversationId, url.searchParams.get('watermark') ?? undefined));
    }
  }

  /**
   * Says goodbye on every open stream (close frame 1001, "going away", so Web Chat reconnects
   * or falls back to polling elsewhere) and ends any socket that has not closed within
   * `graceMs`. Resolves when every stream is gone.
   */
  async close(graceMs = 1_000): Promise<void> {
    const clients = [...this.wss.clients];
    await Promise.all(
      clients.map(
        (client) =>
          new Promise<void>((resolve) => {
            if (client.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => client.terminate(), graceMs);
            client.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            client.close(1001, 'server shutting down');
          }),
      ),
    );
    this.wss.close();
  }

  private refusal(req: IncomingMessage, conversationId: string, token: string | undefined): string | undefined {
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}` && !this.options.allowedOrigins.includes(origin)) {
      return '403 Forbidden';
    }
    const check = this.options.tokens.check(token);
    if (!check.ok) return check.reason === 'missing' || check.reason === 'malformed' ? '401 Unauthorized' : '403 Forbidden';
    const conversation = this.options.store.get(conversationId);
    if (!conversation) return '404 Not Found';
    if (check.claims.conversationId !== conversation.id || check.claims.userId !== conversation.userId) return '403 Forbidden';
    // A chat needs one stream (a reconnect closes the old one first); a few cover open tabs.
    if (conversation.listeners.size >= MAX_STREAMS_PER_CONVERSATION) return '429 Too Many Requests';
    return undefined;
  }

  private serve(ws: WebSocket, conversationId: string, watermark: string | undefined): void {
    const conversation = this.options.store.get(conversationId);
    if (!conversation) {
      ws.close(1008, 'conversation ended');
      return;
    }
    // Nothing stored may take the process down: a frame that cannot be written closes this
    // stream with 1011 (the client falls back to polling), and the server goes on.
    const push = (frame: unknown) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      try {
        ws.send(JSON.stringify(frame));
      } catch {
        ws.close(1011, 'unexpected condition');
      }
    };
    const backlog = this.options.store.activitiesAfter(conversation, watermark);
    if (backlog.activities.length > 0) push(backlog);
    const listener = (activities: unknown[], mark: string) => push({ activities, watermark: mark });
    const forgotten = () => ws.close(1000, 'conversation ended');
    conversation.listeners.add(listener);
    conversation.onForget.add(forgotten);
    const stop = () => {
      conversation.listeners.delete(listener);
      conversation.onForget.delete(forgotten);
    };
    // Web Chat sends empty messages as keep-alives: an open chat is a live one.
    ws.on('message', () => {
      if (this.options.store.get(conversation.id)) this.options.store.touch(conversation);
    });
    ws.on('close', stop);
    ws.on('error', stop);
  }
}

/** The ws(s):// URL of a conversation's stream, on the host the browser used to reach us. */
export function streamUrl(base: string, conversationId: string, token: string, watermark?: string): string {
  const url = new URL(`${DIRECT_LINE_BASE}/conversations/${encodeURIComponent(conversationId)}/stream`, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('watermark', watermark ?? '');
  url.searchParams.set('t', token);
  return url.toString();
}
