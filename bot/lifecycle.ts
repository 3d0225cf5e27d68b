import type { Logger } from './logging';

// How the process ends. A supervisor (App Service, Kubernetes, systemd) can only restart a
// process that exits, so every path here ends in exit: a signal after a graceful close, an
// exception nobody caught after a short one, and anything that hangs after a deadline.

/** Turns in flight get 10 s (the server's drain), streams 1 s more; past this the process exits anyway. */
export const SHUTDOWN_DEADLINE_MS = 15_000;

export interface ProcessLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  exit(code: number): void;
}

export interface LifecycleOptions {
  logger: Logger;
  /** Closes the server gracefully; set once it is running. */
  close: () => Promise<void> | undefined;
  process?: ProcessLike;
  deadlineMs?: number;
}

/** Installs the signal and crash handlers; returns the shutdown function they call. */
export function installLifecycle(options: LifecycleOptions): (reason: string, code: number) => Promise<void> {
  const proc = options.process ?? process;
  const { logger } = options;
  let exiting = false;

  const shutdown = async (reason: string, code: number): Promise<void> => {
    if (exiting) {
      // A second Ctrl+C (or signal) means "now": skip the wait for turns in flight.
      if (code === 0) proc.exit(1);
      return;
    }
    exiting = true;
    logger.info({ event: 'shutdown', reason }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ event: 'shutdown.timeout' }, 'shutdown did not finish in time: exiting');
      logger.flush();
      proc.exit(code === 0 ? 1 : code);
    }, options.deadlineMs ?? SHUTDOWN_DEADLINE_MS);
    try {
      await options.close();
    } catch (err) {
      logger.error({ event: 'shutdown.error', err }, 'shutdown failed');
      code = 1;
    }
    clearTimeout(deadline);
    logger.flush();
    proc.exit(code);
  };

  proc.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  proc.on('SIGINT', () => void shutdown('SIGINT', 0));
  // After an exception nobody caught, the process's state is unknown: log it, finish what can
  // be finished, and exit non-zero so the supervisor starts a clean one.
  proc.on('unhandledRejection', (err) => {
    logger.fatal({ event: 'unhandledRejection', err }, 'unhandled rejection');
    void shutdown('unhandledRejection', 1);
  });
  proc.on('uncaughtException', (err) => {
    logger.fatal({ event: 'uncaughtException', err }, 'uncaught exception');
    void shutdown('uncaughtException', 1);
  });
  return shutdown;
}
