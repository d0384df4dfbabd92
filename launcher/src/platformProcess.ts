import { createGateway, type GatewayServer } from '@perfanalysis/gateway';
import { type Runtime, SERVICE_NAMES, type ServiceName, type SubgraphServer } from '@perfanalysis/platform';
import { SUBGRAPHS } from './subgraphs.js';

/** Every subgraph and the gateway running in this process. */
export interface RunningPlatform {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<ServiceName, string>>;
  stop(): Promise<void>;
}

/**
 * Starts the subgraphs on the given ports (0 = any free port) and the gateway in front
 * of them, all sharing one runtime. Used by `npm start` and by the test environment.
 */
export async function startPlatform(runtime: Runtime, ports: Readonly<Record<ServiceName | 'gateway', number>>): Promise<RunningPlatform> {
  const servers: SubgraphServer[] = [];
  const urls = {} as Record<ServiceName, string>;
  for (const name of SERVICE_NAMES) {
    const server = await SUBGRAPHS[name].create(runtime);
    urls[name] = (await server.listen(ports[name])).url;
    servers.push(server);
  }
  const gateway: GatewayServer = createGateway({ runtime, subgraphUrls: urls });
  const { url } = await gateway.listen(ports.gateway);
  return {
    gatewayUrl: url,
    subgraphUrls: urls,
    async stop() {
      await gateway.stop();
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
