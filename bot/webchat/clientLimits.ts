import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from './http';

// Per-client rate limits on the website channel's public endpoints. The page is anonymous, so
// without them one client could open a thousand conversations in two seconds and leave every
// resident with "the chat is busy". Limits are generous for a person (and for a school or a
// library behind one address) and tight for a script.

export interface ClientLimitSettings {
  /** New conversations (tokens) one client may open per 10 minutes. */
  conversationsPer10Minutes: number;
  /** Messages one client may post per minute, across its conversations. */
  messagesPerMinute: number;
  /** Reverse proxies in front of the bot whose X-Forwarded-For entries are trusted (0: none). */
  trustProxyHops: number;
}

export type LimitedAction = 'conversation' | 'message';

/**
 * Who is asking: the socket's address, or with `trustProxyHops` set the address that many
 * hops back in X-Forwarded-For (the entries a client writes itself are never trusted). IPv6
 * addresses count by their /64, since one host can hold a whole /64.
 */
export function clientKey(req: IncomingMessage, trustProxyHops: number): string {
  let address = req.socket?.remoteAddress ?? 'unknown';
  if (trustProxyHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const chain = (Array.isArray(header) ? header.join(',') : header ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const trusted = chain[chain.length - trustProxyHops];
    if (trusted) address = stripPort(trusted);
  }
  if (address.startsWith('::ffff:')) address = address.slice(7);
  if (isIPv6(address)) return expandIPv6(address).slice(0, 4).join(':') + '::/64';
  return address;
}

/** "1.2.3.4:5678" (Azure App Service adds the port) and "[::1]:5678" without the port. */
function stripPort(entry: string): string {
  if (entry.startsWith('[')) return entry.slice(1, entry.indexOf(']') === -1 ? undefined : entry.indexOf(']'));
  const colons = entry.split(':').length - 1;
  return colons === 1 ? entry.slice(0, entry.indexOf(':')) : entry;
}

function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right].map((part) => part.toLowerCase());
}

export class ClientLimits {
  private readonly limiters: Record<LimitedAction, RateLimiterMemory>;

  constructor(private readonly settings: ClientLimitSettings) {
    this.limiters = {
      conversation: new RateLimiterMemory({ keyPrefix: 'conversation', points: settings.conversationsPer10Minutes, duration: 600 }),
      message: new RateLimiterMemory({ keyPrefix: 'message', points: settings.messagesPerMinute, duration: 60 }),
    };
  }

  keyOf(req: IncomingMessage): string {
    return clientKey(req, this.settings.trustProxyHops);
  }

  /** Counts one `action` for the client; throws a 429 HttpError (with its wait) when over the limit. */
  async consume(action: LimitedAction, key: string): Promise<void> {
    try {
      await this.limiters[action].consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new HttpError(
        429,
        action === 'conversation'
          ? 'Too many new chats from this connection. Please try again in a few minutes. If someone is in immediate danger, call 999.'
          : 'Too many messages at once. Please wait a moment and send it again. If someone is in immediate danger, call 999.',
        { 'Retry-After': String(seconds) },
      );
    }
  }
}
