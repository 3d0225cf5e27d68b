import { createHmac, randomBytes } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Middleware, TurnContext } from 'botbuilder';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LogLevel;
  /** Where JSON lines go; stdout when omitted. Tests pass a collecting stream. */
  destination?: DestinationStream;
}

export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service: 'early-help-assistant' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Message text can only reach the logs through the turn logger, and only when enabled.
      // Redact anything that looks like a credential if a whole object is ever logged.
      redact: {
        paths: ['*.MicrosoftAppPassword', '*.appPassword', '*.directLineSecret', '*.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * What a log line may say about an HTTP request: method and path only. No headers (tokens), no
 * query string (Direct Line puts the stream token there), no body (what someone typed).
 */
export function safeRequest(req: unknown): { method?: string; path?: string } {
  const r = req as { method?: string; url?: string } | undefined;
  return { method: r?.method, path: typeof r?.url === 'string' ? r.url.split('?')[0].slice(0, 200) : undefined };
}

/**
 * The logger restify writes its own lines to (such as "error in formatter"), so they carry the
 * same redaction as ours and never the typed text or the Authorization header.
 */
export function restifyLogger(logger: Logger): Logger {
  return logger.child(
    { component: 'restify' },
    {
      serializers: {
        req: safeRequest,
        res: (res: { statusCode?: number } | undefined) => ({ statusCode: res?.statusCode }),
        err: pino.stdSerializers.err,
        body: () => '[redacted]',
      },
      redact: { paths: ['*.headers', 'headers', '*.body', 'body', '*.text', 'text'], censor: '[redacted]' },
    },
  );
}

/**
 * Hashes an identifier for logs: stable within one process (or across processes when a salt is
 * configured) so lines of one conversation can be joined, but not reversible to the id.
 */
export function createIdHasher(salt?: string): (id: string | undefined) => string | undefined {
  const key = salt ?? randomBytes(32).toString('hex');
  return (id) => (id ? createHmac('sha256', key).update(id).digest('hex').slice(0, 16) : undefined);
}

export interface TurnLoggingOptions {
  logger: Logger;
  hashId: (id: string | undefined) => string | undefined;
  /** Only true when LOG_MESSAGE_TEXT is explicitly enabled. */
  logMessageText: boolean;
  now?: () => number;
}

/**
 * Writes one line per turn: hashed conversation id, channel, activity type, duration and how
 * many activities the bot sent. Runs outermost so the duration covers the whole turn.
 */
export class TurnLoggingMiddleware implements Middleware {
  private readonly now: () => number;

  constructor(private readonly options: TurnLoggingOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = this.now();
    let replies = 0;
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      replies += activities.filter((a) => a.type !== 'trace').length;
      return sendNext();
    });

    let outcome: 'ok' | 'error' = 'ok';
    try {
      await next();
    } catch (err) {
      outcome = 'error';
      throw err;
    } finally {
      const { activity } = context;
      const line: Record<string, unknown> = {
        event: 'turn',
        conversation: this.options.hashId(activity.conversation?.id),
        channelId: activity.channelId,
        activityType: activity.type,
        durationMs: Math.round((this.now() - started) * 10) / 10,
        replies,
        outcome,
      };
      if (this.options.logMessageText && typeof activity.text === 'string') {
        line.text = activity.text;
      }
      this.options.logger.info(line, 'turn');
    }
  }
}
