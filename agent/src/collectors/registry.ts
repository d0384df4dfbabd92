import type { Clock } from '../clock.js';
import { NoDataError } from '../errors/NoDataError.js';
import type { DeviceFilterOptions } from './deviceFilter.js';
import type { DiskstatsSnapshot } from './diskstats.js';
import type { LoadavgSnapshot } from './loadavg.js';
import type { MeminfoSnapshot } from './meminfo.js';
import type { NetDevSnapshot } from './netdev.js';
import type { StatSnapshot } from './stat.js';

/** What each collector returns, by collector name. One entry per /proc source. */
export interface CollectorReadings {
  stat: StatSnapshot;
  meminfo: MeminfoSnapshot;
  diskstats: DiskstatsSnapshot;
  netdev: NetDevSnapshot;
  loadavg: LoadavgSnapshot;
}

export type CollectorName = keyof CollectorReadings;

/** Settings every collector factory receives. */
export interface CollectorContext {
  /** Where /proc is mounted; tests point it at captured fixtures. @default '/proc' */
  readonly procRoot: string;
  /** Disk selection for `diskstats`. @default {} (DEFAULT_DISK_EXCLUDE applies) */
  readonly disk: DeviceFilterOptions;
  /** Interface selection for `netdev`. @default {} (DEFAULT_NET_EXCLUDE applies) */
  readonly net: DeviceFilterOptions;
}

/** Reads and parses one source. Throws NoDataError when the source is absent, anything else on failure. */
export interface Collector<T> {
  collect(): T;
}

/** How a collector registers itself (node_exporter's `registerCollector`). */
export interface CollectorDefinition<K extends CollectorName> {
  readonly name: K;
  /** Runs unless switched off by the caller. */
  readonly defaultEnabled: boolean;
  create(context: CollectorContext): Collector<CollectorReadings[K]>;
}

export type CollectorStatus = 'ok' | 'no-data' | 'error';

/** One collector's outcome in one sample (node_exporter's scrape duration/success). */
export interface CollectorReport {
  readonly name: CollectorName;
  readonly status: CollectorStatus;
  readonly durationMs: number;
  /** Set when status is `error`. */
  readonly error?: string;
}

export interface CollectionResult {
  /** Readings of the collectors that succeeded. */
  readonly readings: Partial<CollectorReadings>;
  readonly reports: readonly CollectorReport[];
}

/** The enabled collectors of one agent, ready to run. */
export interface CollectorSet {
  readonly names: readonly CollectorName[];
  collect(clock: Clock): CollectionResult;
}

type Runner = (into: Partial<CollectorReadings>) => void;

interface Registration {
  readonly name: CollectorName;
  readonly defaultEnabled: boolean;
  instantiate(context: CollectorContext): Runner;
}

export class CollectorRegistry {
  private readonly registrations = new Map<CollectorName, Registration>();

  register<K extends CollectorName>(definition: CollectorDefinition<K>): void {
    if (this.registrations.has(definition.name)) throw new Error(`collector ${definition.name} registered twice`);
    this.registrations.set(definition.name, {
      name: definition.name,
      defaultEnabled: definition.defaultEnabled,
      // The generic K is bound here, so the reading lands under its own name with its own type.
      instantiate: (context) => {
        const collector = definition.create(context);
        return (into) => {
          into[definition.name] = collector.collect();
        };
      },
    });
  }

  names(): CollectorName[] {
    return [...this.registrations.keys()];
  }

  /** Builds the enabled collectors; `enabled` overrides each one's default. */
  create(context: CollectorContext, enabled: Partial<Record<CollectorName, boolean>> = {}): CollectorSet {
    const active = [...this.registrations.values()].filter((r) => enabled[r.name] ?? r.defaultEnabled);
    const runners = active.map((r) => ({ name: r.name, run: r.instantiate(context) }));
    return {
      names: runners.map((r) => r.name),
      collect: (clock) => {
        const readings: Partial<CollectorReadings> = {};
        const reports = runners.map(({ name, run }) => runOne(name, () => run(readings), clock));
        return { readings, reports };
      },
    };
  }
}

function runOne(name: CollectorName, run: () => void, clock: Clock): CollectorReport {
  const start = clock.monotonicNs();
  const durationMs = (): number => Number(clock.monotonicNs() - start) / 1e6;
  try {
    run();
    return { name, status: 'ok', durationMs: durationMs() };
  } catch (error) {
    if (error instanceof NoDataError) return { name, status: 'no-data', durationMs: durationMs() };
    const message = error instanceof Error ? error.message : String(error);
    return { name, status: 'error', durationMs: durationMs(), error: message };
  }
}

/** The registry every collector file registers itself into when imported. */
export const defaultRegistry = new CollectorRegistry();
