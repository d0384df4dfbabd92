import { METRIC_COLUMNS, type MetricColumn, type MetricValues } from '@perfanalysis/contract';
import {
  IDENTITY_HEADER,
  type RequestIdentity,
  type Role,
  signIdentity,
  tenantSchemaName,
  tenantSlugOfSchema,
  type TenantTables,
  tenantTables,
} from '@perfanalysis/platform';
import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import type { TestEnvironment, TestTenant } from '@perfanalysis/testenv';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { insertPointsSql } from '../../subgraphs/metrics/src/storage/insertPoints.js';
import { ensurePartitions } from '../../subgraphs/metrics/src/storage/partitions.js';

/** A collector registered through the gateway. */
export interface TestMachine {
  readonly id: string;
  readonly machineId: string;
  readonly apiKey: string;
}

export async function registerMachine(tenant: TestTenant, machineId: string): Promise<TestMachine> {
  const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
    input: { machineId, hostname: `${machineId}.test` },
  });
  return { id: registerCollector.collector.id, machineId, apiKey: registerCollector.apiKey };
}

export function schemaOf(tenant: Pick<TestTenant, 'slug'>): string {
  return tenantSchemaName(tenant.slug);
}

/** The tenant's table names, for the metrics subgraph's statements (docs/tenant-db.md). */
export function tablesOf(tenant: Pick<TestTenant, 'slug'>): TenantTables {
  return tenantTables(tenant.slug);
}

/** A small deterministic PRNG (mulberry32), so generated data is the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Values of a busy-looking server at second `i`: a daily CPU wave with noise, memory that
 * creeps and drops, bursty disk and network. Every column of docs/metrics.md is filled.
 */
export function realisticValues(i: number, random: () => number): MetricValues {
  const day = Math.sin((2 * Math.PI * i) / 86_400);
  const user = Math.min(95, Math.max(0, 30 + 20 * day + 10 * random()));
  const system = 5 + 5 * random();
  const iowait = random() < 0.05 ? 10 * random() : random();
  const used = 8_000 + (i % 7_200) * 0.5 + 100 * random();
  const burst = random() < 0.02 ? 50 : 1;
  const values: Partial<Record<MetricColumn, number>> = {
    cpu_user: user,
    cpu_system: system,
    cpu_iowait: iowait,
    cpu_steal: random() * 0.5,
    cpu_idle: Math.max(0, 100 - user - system - iowait),
    mem_total_mb: 16_384,
    mem_used_mb: used,
    mem_free_mb: 16_384 - used,
    mem_available_mb: 16_384 - used + 2_000,
    mem_cached_mb: 2_000 + 10 * random(),
    mem_buffers_mb: 300,
    swap_total_mb: 2_048,
    swap_used_mb: 12,
    disk_read_mb: burst * random(),
    disk_write_mb: burst * 2 * random(),
    disk_read_ops: burst * 40 * random(),
    disk_write_ops: burst * 80 * random(),
    disk_io_util: Math.min(100, burst * 3 * random()),
    net_rx_mb: burst * 3 * random(),
    net_tx_mb: burst * random(),
    net_rx_packets: burst * 2_000 * random(),
    net_tx_packets: burst * 1_500 * random(),
    net_rx_errors: 0,
    net_tx_errors: random() < 0.001 ? 1 : 0,
    load_1min: 1 + 2 * random(),
    load_5min: 1.5 + random(),
    load_15min: 1.7,
  };
  return values;
}

/** Realistic values with a gap pattern: odd points lack the network error columns. */
export function gappyValues(i: number, random: () => number): MetricValues {
  const values: Record<string, number> = { ...realisticValues(i, random) };
  if (i % 2 === 1) {
    delete values.net_rx_errors;
    delete values.net_tx_errors;
  }
  return values as MetricValues;
}

/**
 * Bulk-loads `count` points of one collector, one every `stepMs` from `fromMs`, with COPY into
 * a staging table and then the ingest's own statement (`insertPointsSql`), so the minute and
 * hour rollups are exactly those ingest keeps. Loads in transactions of `chunk` points.
 */
export async function copyPoints(
  pool: Pool,
  schema: string,
  collectorId: string,
  spec: { fromMs: number; count: number; stepMs?: number; values: (i: number) => MetricValues; chunk?: number },
): Promise<void> {
  const stepMs = spec.stepMs ?? 1000;
  const chunk = spec.chunk ?? 100_000;
  const db = tenantTables(tenantSlugOfSchema(schema));
  await ensurePartitions(pool, db, spec.fromMs, spec.fromMs + (spec.count - 1) * stepMs);
  for (let start = 0; start < spec.count; start += chunk) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE TEMP TABLE staging (LIKE ${db.table('metric_points')}) ON COMMIT DROP`);
      const copy = client.query(copyFrom('COPY pg_temp.staging FROM STDIN'));
      const done = new Promise<void>((resolve, reject) => (copy.on('finish', resolve), copy.on('error', reject)));
      let buffer = '';
      for (let i = start; i < Math.min(spec.count, start + chunk); i++) {
        const values = spec.values(i);
        buffer += `${collectorId}\t${new Date(spec.fromMs + i * stepMs).toISOString()}`;
        for (const column of METRIC_COLUMNS) buffer += `\t${values[column] ?? '\\N'}`;
        buffer += '\n';
        if (buffer.length > 1 << 20) {
          if (!copy.write(buffer)) await new Promise((resolve) => copy.once('drain', resolve));
          buffer = '';
        }
      }
      copy.end(buffer);
      await done;
      await client.query(insertPointsSql(db, 'SELECT * FROM pg_temp.staging', 'perCollector'));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  await pool.query(`ANALYZE ${db.table('metric_points')}`);
}

/** A gateway-signed identity, as the gateway would forward it to the metrics subgraph. */
export function signedAs(
  env: TestEnvironment,
  tenant: Pick<TestTenant, 'id' | 'slug'>,
  principal: { user: { userId: string; email: string }; role: Role | null } | { collectorId: string },
): Record<string, string> {
  const identity: RequestIdentity = {
    principal:
      'collectorId' in principal
        ? { kind: 'collector', collectorId: principal.collectorId, keyId: 'k', scopes: [] }
        : { kind: 'user', userId: principal.user.userId, email: principal.user.email, sessionId: 's', role: principal.role },
    tenant: { id: tenant.id, slug: tenant.slug },
    ip: '127.0.0.1',
  };
  return { [IDENTITY_HEADER]: signIdentity(identity, env.runtime.secrets.internalSecret) };
}

/** The export route on the metrics subgraph (until the gateway forwards /api/*). */
export function exportUrl(env: TestEnvironment, query: Record<string, string>): string {
  const url = new URL('/api/v1/performance/export', env.subgraphUrls.metrics);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}
