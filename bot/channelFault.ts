/**
 * Errors raised while sending to the channel (bot/middleware/outboundDeadline.ts marks each one):
 * the channel could not be reached, did not answer in time, or refused the reply. Such a turn is
 * not the conversation's fault, and an apology sent the same way would fail too.
 */
const fromChannel = new WeakSet<object>();

export function markChannelError(error: unknown): unknown {
  if (error && typeof error === 'object') fromChannel.add(error);
  return error;
}

/** The marked error in `error` or what it wraps (dialog errors hold theirs in `error`), if any. */
export function channelFault(error: unknown): { code: string; status?: number } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { name?: unknown; code?: unknown; statusCode?: unknown; error?: unknown; cause?: unknown };
    if (fromChannel.has(current)) {
      const code = e.name === 'AbortError' ? 'TIMEOUT' : typeof e.code === 'string' ? e.code : 'HTTP';
      return { code, status: typeof e.statusCode === 'number' ? e.statusCode : undefined };
    }
    current = e.error ?? e.cause;
  }
  return undefined;
}
