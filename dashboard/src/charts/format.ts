/** "just now", "42 s ago", "3 min ago", "5 h ago", "2 d ago", or "never". */
export function formatRelative(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return 'unknown';
  const seconds = Math.floor((now - then) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

function trimmed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * A value in its unit, scaled for reading: MB as GB/TB above 1024, MB/s as KB/s below 1,
 * counts per second with k/M suffixes, percentages with one decimal.
 */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  switch (unit) {
    case '%':
      return `${trimmed(value, 1)} %`;
    case 'MB':
      if (abs >= 1024 * 1024) return `${trimmed(value / 1024 / 1024, 2)} TB`;
      if (abs >= 1024) return `${trimmed(value / 1024, 1)} GB`;
      return `${trimmed(value, abs < 10 ? 1 : 0)} MB`;
    case 'MB/s':
      if (abs >= 1024) return `${trimmed(value / 1024, 2)} GB/s`;
      if (abs > 0 && abs < 1) return `${trimmed(value * 1024, 1)} KB/s`;
      return `${trimmed(value, 2)} MB/s`;
    case 'ops/s':
    case '/s':
      return `${compact(value)} ${unit}`;
    case 'ratio':
    case '':
      return trimmed(value, 2);
    default:
      return `${trimmed(value, 2)} ${unit}`;
  }
}

/** 950, 1.2k, 3.4M. */
export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trimmed(value / 1e9, 1)}G`;
  if (abs >= 1e6) return `${trimmed(value / 1e6, 1)}M`;
  if (abs >= 1e4) return `${trimmed(value / 1e3, 1)}k`;
  return trimmed(value, abs < 10 ? 2 : abs < 100 ? 1 : 0);
}

/** A local date and time for tables and tooltips: 2026-11-22 14:03:05. */
export function formatDateTime(iso: string | number | Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
