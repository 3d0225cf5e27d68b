// The one file that wires the Early Help Assistant together and owns the process: read the
// configuration, start the server, shut down gracefully on SIGTERM/SIGINT.
import './processWarnings';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { createLogger } from './logging';
import { startServer, type RunningServer } from './server';
import { teamsPlugin } from './teams';
import { registerWebChat } from './webchat';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const logger = createLogger({ level: config.logLevel });
  let app: RunningServer | undefined;
  let exiting = false;

  const shutdown = async (reason: string, code: number): Promise<void> => {
    if (exiting) {
      // A second Ctrl+C (or signal) means "now": skip the wait for turns in flight.
      if (reason !== 'uncaughtException') process.exit(1);
      return;
    }
    exiting = true;
    logger.info({ event: 'shutdown', reason }, 'shutting down');
    try {
      await app?.close();
    } catch (err) {
      logger.error({ event: 'shutdown.error', err }, 'shutdown failed');
      code = 1;
    }
    logger.flush();
    process.exit(code);
  };

  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('unhandledRejection', (err) => logger.error({ event: 'unhandledRejection', err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ event: 'uncaughtException', err }, 'uncaught exception');
    void shutdown('uncaughtException', 1);
  });

  app = await startServer(config, { logger, plugins: [teamsPlugin()] });
  registerWebChat(app);
}

main().catch((err: unknown) => {
  console.error('The Early Help Assistant could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
