export const RANGE_PRESETS = ['live', '1h', '24h', '7d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Readonly<Record<RangePreset, string>> = {
  live: 'Live',
  '1h': '1 h',
  '24h': '24 h',
  '7d': '7 d',
  custom: 'Custom',
};

const HOUR = 3_600_000;
const PRESET_SPANS: Readonly<Record<Exclude<RangePreset, 'custom'>, number>> = {
  /** Disk and network in live mode: the last 15 minutes, refreshed. */
  live: 15 * 60_000,
  '1h': HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
};

export interface TimeRange {
  readonly preset: RangePreset;
  readonly from: Date;
  readonly to: Date;
}

export function isRangePreset(value: string | null | undefined): value is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(value ?? '');
}

/**
 * The time range a preset stands for at `now`; `custom` uses `from`/`to` (ISO or
 * datetime-local strings) and is refused (undefined) when they are unreadable or reversed.
 */
export function resolveRange(
  preset: RangePreset,
  now: number,
  custom?: { from?: string | null; to?: string | null },
): TimeRange | undefined {
  if (preset !== 'custom') return { preset, from: new Date(now - PRESET_SPANS[preset]), to: new Date(now) };
  const from = new Date(custom?.from ?? '');
  const to = new Date(custom?.to ?? '');
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) return undefined;
  return { preset, from, to };
}

/** A Date as the value of an <input type="datetime-local"> (local time, minutes). */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
