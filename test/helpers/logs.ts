import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../bot/logging';

/** A real pino logger whose JSON lines are parsed into `lines`. */
export function collectingLogger(level: 'debug' | 'info' | 'trace' = 'debug'): { logger: Logger; lines: Record<string, any>[] } {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
