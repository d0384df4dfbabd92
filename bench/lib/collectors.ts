import { createClient, type GraphQLClient, TricklePointsDocument } from '@perfanalysis/sdk';
import { type BenchCollector, registerCollector, signedAs } from './benchPlatform.js';
import type { BenchContext } from './context.js';

export const FLEET = 100;

/** The fleet of 100 collectors the trickle, live and overhead parts share (registered once). */
export function fleet(ctx: BenchContext): Promise<BenchCollector[]> {
  return ctx.once('fleet', async () => {
    const tenant = await ctx.tenant();
    const collectors: BenchCollector[] = [];
    for (let i = 0; i < FLEET; i++) collectors.push(await registerCollector(tenant, `web-${String(i).padStart(3, '0')}`));
    return collectors;
  });
}

/** A client per collector: through the gateway with its API key, or straight to the metrics subgraph with a signed identity. */
export async function agentClients(
  ctx: BenchContext,
  route: 'gateway' | 'direct',
  options: { fetch?: typeof fetch } = {},
): Promise<GraphQLClient[]> {
  const platform = await ctx.platform();
  const tenant = await ctx.tenant();
  return (await fleet(ctx)).map((c) =>
    route === 'gateway'
      ? createClient({ url: platform.gatewayUrl, token: c.apiKey, ...options })
      : createClient({
          url: platform.urls.metrics,
          headers: signedAs(platform, tenant, { kind: 'collector', collectorId: c.id }),
          ...options,
        }),
  );
}

/** A trickle batch of `size` points from `fromMs`, one a second, with the fields an agent sends most. */
export function batch(fromMs: number, size: number, seed: number): Record<string, unknown>[] {
  return Array.from({ length: size }, (_, i) => ({
    timestamp: new Date(fromMs + i * 1000).toISOString(),
    cpuUser: 20 + ((seed + i) % 30),
    cpuSystem: 5,
    cpuIowait: 0.5,
    cpuIdle: 74.5 - ((seed + i) % 30),
    memUsedMb: 8000 + i,
    memTotalMb: 16384,
    load1min: 1.2,
  }));
}

export async function trickle(client: GraphQLClient, points: Record<string, unknown>[]): Promise<void> {
  await client.request(TricklePointsDocument, { points } as never);
}
