import { format } from 'node:util';
import type { Logger } from './logging';

/**
 * Lines libraries print to the console that are expected and say nothing new: the SDK prints the
 * whole published key list each time a token fails verification, beside the 401 we log already.
 */
const EXPECTED = [/^Error finding key for token\./];

/** Longest console message kept: a stack or a key list is cut to its first line anyway. */
const MAX_MESSAGE = 300;

type ConsoleLike = Pick<Console, 'error' | 'warn' | 'log' | 'info' | 'debug'>;

/**
 * Sends what libraries write with `console.*` (our own code never does once the logger exists)
 * through the logger: one JSON line each, first line only, so a multi-line stack or a key list
 * cannot break the log format or slip past redaction. Expected noise goes to debug.
 */
export function routeLibraryConsole(logger: Logger, target: ConsoleLike = console): void {
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    target[method] = (...args: unknown[]) => {
      const first = format(...args).split('\n', 1)[0].slice(0, MAX_MESSAGE);
      const fields = { event: 'library.console', method, message: first };
      if (EXPECTED.some((pattern) => pattern.test(first))) logger.debug(fields, 'library console output');
      else if (method === 'error' || method === 'warn') logger.warn(fields, 'library console output');
      else logger.debug(fields, 'library console output');
    };
  }
}
