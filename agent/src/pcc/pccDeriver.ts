import { collectionValueError, type MetricPoint } from '@perfanalysis/contract';
import { parseReading } from '../collectors/parseReading.js';
import type { CollectorName, CollectorReadings } from '../collectors/registry.js';
import { deriveSample, type PreviousReadings } from '../deriveSample.js';
import { ParseError } from '../errors/ParseError.js';
import { type PccMeasurement, sourceOf } from './pccMeasurement.js';

/** The raw text last seen of one source, what is kept between requests (pcc_previous). */
export interface RawReading {
  readonly source: CollectorName;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly text: string;
}

/** A measurement with the 1-based line (or array index) it came from, for errors. */
export interface NumberedMeasurement {
  readonly measurement: PccMeasurement;
  readonly line: number;
}

/** What a run of measurements amounted to besides its points. */
export interface PccTally {
  samples: number;
  /** Known subsystems without columns yet (cpuinfo, statfs, containers) and unknown ones, by name. */
  readonly ignored: Map<string, number>;
}

function monoNsOf(atMs: number): bigint {
  return BigInt(Math.round(atMs)) * 1_000_000n;
}

/**
 * Turns consecutive pcc samples of one collector into points with the agent's own parsers and
 * rate rules (deriveSample): one code path for both. Keeps the previous raw text of each
 * source so a caller can persist it and resume on another replica.
 */
export class PccDeriver {
  private previous: PreviousReadings = {};
  private readonly raw = new Map<CollectorName, RawReading>();
  readonly tally: PccTally = { samples: 0, ignored: new Map() };

  /** Resumes from persisted raw readings (the newest of each source). */
  constructor(saved: readonly RawReading[] = []) {
    const readings: Partial<Record<CollectorName, { reading: unknown; monoNs: bigint }>> = {};
    for (const r of saved) {
      try {
        readings[r.source] = { reading: parseReading(r.source, r.text), monoNs: monoNsOf(r.at) };
        this.raw.set(r.source, r);
      } catch {
        // A stored text this version cannot parse only means that source primes again.
      }
    }
    this.previous = readings as PreviousReadings;
  }

  /** The raw text to persist for the next request: the newest of every source seen. */
  latest(): RawReading[] {
    return [...this.raw.values()];
  }

  /** One sample (the measurements of one read round) into a point, or none while priming. */
  derive(sample: readonly NumberedMeasurement[]): MetricPoint | undefined {
    const at = sampleTime(sample);
    const readings: Partial<Record<CollectorName, unknown>> = {};
    for (const { measurement, line } of sample) {
      const source = sourceOf(measurement.subsystem);
      if (source === undefined || source === 'unused') {
        this.tally.ignored.set(measurement.subsystem, (this.tally.ignored.get(measurement.subsystem) ?? 0) + 1);
        continue;
      }
      readings[source] = parsed(source, measurement, line);
      this.raw.set(source, { source, at, text: measurement.measurement });
    }
    this.tally.samples += 1;
    const derived = deriveSample(this.previous, readings as Partial<CollectorReadings>, monoNsOf(at), at);
    this.previous = derived.next;
    return derived.point;
  }
}

function parsed(source: CollectorName, measurement: PccMeasurement, line: number): unknown {
  try {
    return parseReading(source, measurement.measurement);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    throw collectionValueError(
      line,
      measurement.subsystem,
      measurement.measurement,
      `Line ${line}: ${measurement.subsystem} could not be read (${error.message}).`,
    );
  }
}

/** A sample's time: its /proc/stat read (CPU % needs it), else its first measurement. */
function sampleTime(sample: readonly NumberedMeasurement[]): number {
  const stat = sample.find((m) => sourceOf(m.measurement.subsystem) === 'stat') ?? sample[0];
  return Math.round((stat?.measurement.timestamp ?? 0) * 1000);
}

/** Measurements more than this far from their sample's first one start a new sample. */
const SAMPLE_SPREAD_MS = 1_000;

/**
 * Cuts a time-ordered run of measurements into samples. pcc reads every subsystem in one
 * round, each stamped when read: a round ends when a subsystem repeats or the clock moved on.
 */
export class SampleSplitter {
  private current: NumberedMeasurement[] = [];
  private readonly seen = new Set<string>();

  /** Adds one measurement; answers the sample it completed, if any. */
  push(m: NumberedMeasurement): NumberedMeasurement[] | undefined {
    const first = this.current[0]?.measurement.timestamp;
    const done =
      first !== undefined &&
      (this.seen.has(m.measurement.subsystem) || Math.abs(m.measurement.timestamp - first) * 1000 >= SAMPLE_SPREAD_MS)
        ? this.flush()
        : undefined;
    this.current.push(m);
    this.seen.add(m.measurement.subsystem);
    return done;
  }

  /** The sample under way, if any (at the end of the input). */
  flush(): NumberedMeasurement[] | undefined {
    const done = this.current.length ? this.current : undefined;
    this.current = [];
    this.seen.clear();
    return done;
  }
}
