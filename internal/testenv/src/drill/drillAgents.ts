import { createShipper, createTransport, openSpool, type Shipper, silentLogger, type Spool, type TransportName } from '@perfanalysis/agent';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A registered collector the drill runs an agent for. */
export interface DrillCollector {
  readonly id: string;
  readonly apiKey: string;
}

interface DrillAgent {
  readonly collector: DrillCollector;
  readonly shipper: Shipper;
  readonly spool: Spool;
  readonly close: () => Promise<void>;
  /** Timestamps (ms) of every point this agent produced, in order. */
  readonly produced: number[];
}

/**
 * Agents as perfagent runs them: the agent's own shipper, on-disk spool and transport
 * (`channel`, the default, or `trickle` over plain HTTP), in this process. What a send cannot
 * deliver goes to the spool and is resent after a short back-off (docs/agent-channel.md).
 */
export class DrillAgents {
  private readonly agents: DrillAgent[];
  private readonly spoolRoot = mkdtempSync(path.join(tmpdir(), 'pa-drill-'));

  constructor(server: string, collectors: readonly DrillCollector[], transportOf: (index: number) => TransportName) {
    this.agents = collectors.map((collector, i) => {
      const transport = createTransport(transportOf(i), { server, apiKey: collector.apiKey, machineId: `drill-${i}`, log: silentLogger });
      // No fsync: the drill kills the server, not the agent's machine.
      const spool = openSpool({ dir: path.join(this.spoolRoot, String(i)), fsync: false });
      const shipper = createShipper({ transport, spool, backoff: { baseMs: 250, maxMs: 2_000 } });
      return { collector, shipper, spool, close: async () => transport.close?.(), produced: [] };
    });
  }

  /** One point per agent at `timestamp` (each agent's sequence number in `mem_used_mb`). */
  tick(timestamp: number): void {
    for (const agent of this.agents) {
      agent.shipper.offer([
        { timestamp, values: { cpu_user: 10, cpu_system: 5, mem_used_mb: agent.produced.length, mem_total_mb: 16_384 } },
      ]);
      agent.produced.push(timestamp);
    }
  }

  /** Collector id → the timestamps its agent produced. */
  produced(): Map<string, readonly number[]> {
    return new Map(this.agents.map((a) => [a.collector.id, a.produced]));
  }

  /** Points still in memory or spooled, over all agents. */
  unsent(): number {
    return this.agents.reduce((sum, a) => sum + a.shipper.stats().pending + a.spool.size, 0);
  }

  /** Points the agents had to spool (a failed or unacknowledged send) and send again. */
  resent(): number {
    return this.agents.reduce((sum, a) => sum + a.shipper.stats().spooled, 0);
  }

  /** Points waiting in the agents' spools now. */
  spooled(): number {
    return this.agents.reduce((sum, a) => sum + a.spool.size, 0);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.agents.map(async (a) => {
        await a.shipper.stop();
        await a.close();
        a.spool.close();
      }),
    );
    rmSync(this.spoolRoot, { recursive: true, force: true });
  }
}
