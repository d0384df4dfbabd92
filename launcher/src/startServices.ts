import { createLogger, loadConfig, SERVICE_NAMES } from '@perfanalysis/platform';
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { onShutdown } from './shutdown.js';

/** `npm run start:services`: each subgraph and the gateway as its own process. */
function main(): void {
  const config = loadConfig();
  const logger = createLogger('launcher', config.logLevel);
  if (!config.database.url || !config.redis.url) {
    logger.fatal('DATABASE_URL and REDIS_URL must be set for start:services (use `npm start` for the embedded default)');
    process.exit(2);
  }
  const children: ChildProcess[] = [];
  for (const name of [...SERVICE_NAMES, 'gateway']) {
    const child = fork(path.join(__dirname, 'startService.js'), [name], { stdio: 'inherit' });
    child.on('exit', (code, signal) => logger.warn({ service: name, code, signal }, 'service exited'));
    children.push(child);
  }
  logger.info({ gateway: `http://localhost:${config.ports.gateway}/graphql` }, 'services starting');
  onShutdown(logger, async () => {
    await Promise.all(children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
  });
}

main();
