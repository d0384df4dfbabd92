/** Tableau 10: distinct, colour-blind-tolerant, prints well in greyscale by lightness. */
export const DEVICE_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

export function deviceColor(index: number): string {
  return DEVICE_COLORS[index % DEVICE_COLORS.length]!;
}

/** Second series of a device pair (write, tx) is dashed, so colour keeps meaning "device". */
export const SECOND_SERIES_DASH = '5,3';

export const TEXT_COLOR = '#222';
export const MUTED_TEXT_COLOR = '#555';
export const GRID_COLOR = '#e6e6e6';
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
