import { loadConfig } from './config.js';
import { DataFolderInUseError } from './db/instance-lock.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** `npm start`: serve Rapport until SIGINT or SIGTERM, then shut down in order. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger();
  const started = Date.now();
  let server;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  logger.info({ ms: Date.now() - started }, 'ready');
  const lines = [``, `  Rapport is running at ${server.url}`];
  if (server.demo) {
    lines.push(``, `  Demo organisation "${server.demo.organisationName}". Sign in as:`);
    for (const user of server.demo.users) {
      lines.push(`    ${user.email.padEnd(28)} ${user.description}`);
    }
    lines.push(`  Password for every demo user: ${server.demo.password}`, ``);
  }
  if (server.needsAdministrator) {
    lines.push(
      ``,
      `  Nobody can sign in yet. Create the first administrator (and the organisation):`,
      `    npm run admin:create -- --email you@example.org --name "Your Name" --organisation "Your organisation"`,
      ``,
    );
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
