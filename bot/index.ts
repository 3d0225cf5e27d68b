// The one file that wires the Early Help Assistant together and owns the process: read the
// configuration, start the server, shut down gracefully on SIGTERM/SIGINT.
import './processWarnings';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { routeLibraryConsole } from './libraryConsole';
import { installLifecycle } from './lifecycle';
import { createLogger } from './logging';
import { startServer, type RunningServer } from './server';
import { loadLanguageIdentifier } from '../knowledge/language/identify';
import { teamsPlugin } from './teams';
import { webChatPlugin } from './webchat';

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
  routeLibraryConsole(logger);
  let app: RunningServer | undefined;
  installLifecycle({ logger, close: () => app?.close() });

  const languageIdentifier = await loadLanguageIdentifier().catch((err: unknown) => {
    // The bot still answers, and still reads risk phrases in other languages; only the notice
    // for a message in another language is lost.
    logger.warn({ event: 'language.unavailable', err }, 'the language-identification model could not be loaded');
    return undefined;
  });
  app = await startServer(config, { logger, plugins: [teamsPlugin(), webChatPlugin()], languageIdentifier });
}

main().catch((err: unknown) => {
  // Straight to stderr: console is routed through the logger by then, and this must be seen.
  process.stderr.write(`The Early Help Assistant could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
