import { fleet } from '../lib/collectors.js';
import type { BenchPart } from '../lib/context.js';
import { gaugeOf, waitForGauge } from '../lib/gauges.js';
import { memoryOf } from '../lib/proc.js';
import { forkRole, type RoleProcess } from '../lib/roles.js';
import { int, mb } from '../lib/stats.js';

const COUNT = Number(process.env.BENCH_IDLE_SUBSCRIPTIONS ?? 10_000);
const PER_CLIENT_PROCESS = 5_000;
const settle = (msValue: number) => new Promise((r) => setTimeout(r, msValue));

export const idlePart: BenchPart = {
  name: 'idle',
  figure: `open subscriptions: gateway RSS with ${int(COUNT)} idle subscriptions`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const collectors = await fleet(ctx);
    // A gateway of its own: the shared one's heap holds whatever earlier parts left, which new subscriptions reuse.
    const extraGateway = await platform.startGateway();
    const { url: gatewayUrl, pid } = extraGateway;

    // ---- the gateway: one connection per subscription, each watching one collector ----
    const children: RoleProcess[] = [];
    let gateway: { per: number; open: number; before: number; after: number; upstreams: number; refused: number };
    try {
      // Warm-up: code paths and pools the first connections create are not per-subscription memory.
      const warm = forkRole('subscribers');
      children.push(warm);
      warm.send({ kind: 'open', url: gatewayUrl, token: tenant.token, targets: collectors.map((c) => c.id), count: 200 });
      await warm.next('opened');
      await waitForGauge(gatewayUrl, 'subscriptions_open', (v) => v >= 200, 60_000);
      await warm.stop();
      children.pop();
      await waitForGauge(gatewayUrl, 'subscriptions_open', (v) => v === 0, 30_000);
      await settle(2000);
      const before = memoryOf(pid).rss;
      for (let opened = 0; opened < COUNT; opened += PER_CLIENT_PROCESS) {
        const child = forkRole('subscribers');
        children.push(child);
        const count = Math.min(PER_CLIENT_PROCESS, COUNT - opened);
        child.send({ kind: 'open', url: gatewayUrl, token: tenant.token, targets: collectors.map((c) => c.id), count });
        await child.next('opened');
      }
      const open = await waitForGauge(gatewayUrl, 'subscriptions_open', (v) => v >= COUNT, 180_000);
      await settle(3000);
      const after = memoryOf(pid).rss;
      const upstreams = await gaugeOf(gatewayUrl, 'subscription_upstreams_open');
      // Subscriptions the gateway refused or ended (their error callback ran), for the note.
      let refused = 0;
      for (const child of children) {
        child.send({ kind: 'report' });
        refused += (await child.next('report')).errors;
      }
      gateway = { per: (after - before) / open, open, before, after, upstreams, refused };
    } finally {
      await Promise.all(children.map((c) => c.stop()));
      extraGateway.stop();
    }

    // ---- baseline: a bare ws server holding as many sockets ----
    const server = forkRole('ws-server');
    const client = forkRole('ws-clients');
    let bare: { per: number; open: number; before: number; after: number };
    try {
      const { port } = await server.next('listening');
      await settle(1000);
      const before = memoryOf(server.child.pid!).rss;
      client.send({ kind: 'open', url: `ws://127.0.0.1:${port}`, targets: [], count: COUNT });
      const { open } = await client.next('opened');
      await settle(3000);
      const after = memoryOf(server.child.pid!).rss;
      bare = { per: (after - before) / open, open, before, after };
    } finally {
      await Promise.all([server.stop(), client.stop()]);
    }
    ctx.notes.push(
      `Idle subscriptions (${int(COUNT)} asked, ${int(gateway.open)} open on the gateway, ${int(gateway.refused)} ended with an error on the client): a fresh gateway process, one graphql-ws connection per subscription from two client processes, ${int(gateway.upstreams)} upstream subscriptions to the metrics service; ` +
        `gateway RSS ${mb(gateway.before)} → ${mb(gateway.after)} (after a 200-subscription warm-up); bare ws server ${mb(bare.before)} → ${mb(bare.after)}. RSS without a forced GC, both sides alike.`,
    );
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    return [
      {
        figure: `open subscriptions: gateway RSS with ${int(gateway.open)} idle subscriptions`,
        measured: `${kb(gateway.per)} per subscription (+${mb(gateway.after - gateway.before)})`,
        baseline: `bare ws server, ${int(bare.open)} sockets: ${kb(bare.per)} per socket (+${mb(bare.after - bare.before)})`,
        goal: '≤ 30 KB per subscription',
        met: gateway.per <= 30 * 1024 && gateway.open >= 0.95 * COUNT,
      },
    ];
  },
};
