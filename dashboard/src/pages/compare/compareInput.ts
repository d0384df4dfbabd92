import type { CompareReportInput, ReportFormat } from '@perfanalysis/sdk';

/** Most collectors a fleet comparison takes (the API refuses more). */
export const MAX_FLEET = 100;

/** What the compare form holds: datetime-local strings, empty when left blank. */
export interface CompareFormValues {
  readonly kind: 'BEFORE_AFTER' | 'FLEET';
  readonly collectorIds: readonly string[];
  readonly first: { readonly from: string; readonly to: string };
  readonly second: { readonly from: string; readonly to: string };
  readonly format: ReportFormat;
}

type Window = { from: string; to: string };

/** A window of the form as ISO instants, `undefined` when blank, or the problem with it. */
function windowOf(label: string, w: CompareFormValues['second']): Window | undefined | string {
  if (!w.from && !w.to) return undefined;
  const from = new Date(w.from);
  const to = new Date(w.to);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `Give the ${label} window a start and an end.`;
  if (from >= to) return `The ${label} window must start before it ends.`;
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * The `compareReport` input of the form, or what to change — the API's rules
 * (docs/report-comparisons.md), checked here so the form can say so before asking.
 */
export function compareInput(values: CompareFormValues): { input: CompareReportInput } | { error: string } {
  const first = windowOf('first', values.first);
  const second = windowOf('second', values.second);
  if (typeof first === 'string') return { error: first };
  if (typeof second === 'string') return { error: second };
  if (!first) return { error: 'Give the first window a start and an end.' };
  const ids = [...values.collectorIds];
  const input = (windows: Window[]) => ({ input: { kind: values.kind, collectorIds: ids, windows, format: values.format } });
  if (values.kind === 'FLEET') {
    if (ids.length === 0 || ids.length > MAX_FLEET) return { error: `Choose 1 to ${MAX_FLEET} collectors for a fleet comparison.` };
    return input([first]);
  }
  if (ids.length === 1)
    return second ? input([first, second]) : { error: 'One collector is compared over two windows: fill in the second.' };
  if (ids.length === 2) return input(second ? [first, second] : [first]);
  return { error: 'A before/after compares one collector over two windows, or two collectors.' };
}
