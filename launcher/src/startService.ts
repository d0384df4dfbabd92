import { createGateway } from '@perfanalysis/gateway';
import { createRuntime, loadConfig, SERVICE_NAMES, type ServiceName } from '@perfanalysis/platform';
import { onShutdown } from './shutdown.js';
import { MIGRATIONS } from './migrations.js';
import { SUBGRAPHS } from './subgraphs.js';

/**
 * One service in its own process (`node launcher/dist/startService.js <name>`): what
 * `npm run start:services` and docker compose run. Needs DATABASE_URL and REDIS_URL, since
 * an embedded database or in-process pub/sub cannot be shared between processes.
 */
async function main(): Promise<void> {
  const name = process.argv[2] as ServiceName | 'gateway' | undefined;
  if (!name || (name !== 'gateway' && !SERVICE_NAMES.includes(name))) {
    console.error(`usage: startService <gateway|${SERVICE_NAMES.join('|')}>`);
    process.exit(2);
  }
  const config = loadConfig();
  if (!config.database.url || !config.redis.url) {
    console.error('startService: DATABASE_URL and REDIS_URL must be set when services run as separate processes.');
    process.exit(2);
  }
  const entities = name === 'gateway' ? [] : SUBGRAPHS[name].entities;
  const runtime = await createRuntime({ service: name, config, entities, migrations: MIGRATIONS, migrate: true });
  const server = name === 'gateway' ? createGateway({ runtime }) : await SUBGRAPHS[name].create(runtime);
  await server.listen(config.ports[name]);
  onShutdown(runtime.logger, async () => {
    await server.stop();
    await runtime.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
