/**
 * Errors raised while sending to the channel (bot/middleware/outboundDeadline.ts marks them)
 * that say the channel could not be reached or could not take a reply just now: no connection,
 * no answer in time, a 5xx or a 429. Such a turn is not the conversation's fault, and an apology
 * sent the same way would fail too. A 4xx (a card the channel refuses, a reply too large, a
 * refused token) is the bot's own fault and takes the ordinary error path.
 */
const fromChannel = new WeakSet<object>();

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function transient(error: { name?: unknown; code?: unknown; statusCode?: unknown }): boolean {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return true;
  return typeof error.statusCode === 'number' && (error.statusCode >= 500 || error.statusCode === 429);
}

export function markChannelError(error: unknown): unknown {
  if (error && typeof error === 'object' && transient(error as Record<string, unknown>)) fromChannel.add(error);
  return error;
}

/** The marked error in `error` or what it wraps (dialog errors hold theirs in `error`), if any. */
export function channelFault(error: unknown): { code: string; status?: number } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { name?: unknown; code?: unknown; statusCode?: unknown; error?: unknown; cause?: unknown };
    if (fromChannel.has(current)) {
      const code = e.name === 'AbortError' || e.name === 'TimeoutError' ? 'TIMEOUT' : typeof e.code === 'string' ? e.code : 'HTTP';
      return { code, status: typeof e.statusCode === 'number' ? e.statusCode : undefined };
    }
    current = e.error ?? e.cause;
  }
  return undefined;
}

/**
 * Thrown by the turn error handler when the channel did not take the reply: the server answers
 * 503 with Retry-After, so a channel that redelivers does (the duplicate filter lets it through).
 */
export class ChannelUnavailableError extends Error {
  constructor(readonly fault: { code: string; status?: number }) {
    super(`the channel did not take the reply (${fault.code}${fault.status ? ` ${fault.status}` : ''})`);
    this.name = 'ChannelUnavailableError';
  }
}
