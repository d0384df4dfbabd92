import type { DownsampleMethod } from '../downsample/selectDisplayIndices.js';

/** Options every render function takes. Only `document` is required. */
export interface ChartOptions {
  /**
   * Creates the elements: a jsdom document in node (`new JSDOM().window.document`), the
   * page's document in a browser. Render functions touch nothing else.
   */
  readonly document: Document;
  /** Width in CSS pixels (also the viewBox width; the SVG scales down to its container). @default 960 */
  readonly width?: number;
  /** Height in CSS pixels. @default chosen per chart (about 300) */
  readonly height?: number;
  /**
   * Prefix of every id inside the chart (`<prefix>-title`, `<prefix>-desc`). Ids are
   * derived, never random, so output is deterministic; two charts on one page need two
   * prefixes. @default `chart-<chart name>`
   */
  readonly idPrefix?: string;
  /** How long series are reduced to the plot's pixel columns. @default 'minmax' */
  readonly downsample?: DownsampleMethod;
}

export const DEFAULT_WIDTH = 960;
