/** Pure helpers of the benchmark runner: percentiles and the Markdown table. */

/** The nearest-rank percentile of an ascending list (`p` in 0–100); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** p50/p95/p99 of unsorted samples (the input is not modified). */
export function summarize(samples: readonly number[]): { p50: number; p95: number; p99: number; max: number; count: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    count: sorted.length,
  };
}

export function median(samples: readonly number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );
}

/** One line of the results table. `met` is undefined where the issue sets no goal. */
export interface ResultRow {
  readonly figure: string;
  readonly measured: string;
  readonly baseline: string;
  readonly goal: string;
  readonly met?: boolean;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A GitHub Markdown table: figure | measured | baseline in the same run | goal | met? */
export function formatTable(rows: readonly ResultRow[]): string {
  const header = ['figure', 'measured', 'baseline in the same run', 'goal', 'met?'];
  const lines = rows.map((r) => [r.figure, r.measured, r.baseline, r.goal, r.met === undefined ? '—' : r.met ? 'yes' : 'no'].map(cell));
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** 12,345 */
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a');
/** 12.3 ms (one decimal below 100) */
export const ms = (n: number) => (Number.isFinite(n) ? `${n < 100 ? n.toFixed(1) : Math.round(n)} ms` : 'n/a');
/** Megabytes (10^6) with one decimal. */
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
