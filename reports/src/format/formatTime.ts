import * as d3 from 'd3';

const utcStamp = d3.utcFormat('%Y-%m-%d %H:%M:%S');
const utcMinute = d3.utcFormat('%Y-%m-%d %H:%M');

/** "2025-01-06 13:45:00 UTC": how the report prints instants (always UTC, never local). */
export function formatUtc(ms: number, precision: 'second' | 'minute' = 'second'): string {
  const date = new Date(ms);
  return `${precision === 'second' ? utcStamp(date) : utcMinute(date)} UTC`;
}

/** "24 h", "1 d 6 h", "90 min", "45 s": a window's length for humans. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours <= 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** A sampling interval: "1 s", "250 ms", "1 min". */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  return `${+(ms / 60_000).toFixed(1)} min`;
}

const formats = {
  millisecond: d3.utcFormat('.%L'),
  second: d3.utcFormat(':%S'),
  minute: d3.utcFormat('%H:%M'),
  day: d3.utcFormat('%b %d'),
  month: d3.utcFormat('%B'),
  year: d3.utcFormat('%Y'),
};

/**
 * Tick labels of UTC time axes: 24-hour clock ("13:00"), the date at midnight ("Jan 07"),
 * seconds only where ticks fall between minutes. d3's default multi-scale format uses a
 * 12-hour clock, which operators misread.
 */
export function formatTimeTick(date: Date): string {
  const t = date.getTime();
  if (d3.utcSecond.floor(date).getTime() < t) return formats.millisecond(date);
  if (d3.utcMinute.floor(date).getTime() < t) return formats.second(date);
  if (d3.utcDay.floor(date).getTime() < t) return formats.minute(date);
  if (d3.utcMonth.floor(date).getTime() < t) return formats.day(date);
  if (d3.utcYear.floor(date).getTime() < t) return formats.month(date);
  return formats.year(date);
}
