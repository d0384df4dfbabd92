import { h } from '../dom/h.js';

export const CHART_MARGIN = { top: 8, right: 12, bottom: 24, left: 66 } as const;

let nextId = 0;

/** A unique id for SVG references (clip paths) within the page. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export interface LegendEntry {
  readonly key: string;
  readonly label: string;
  readonly colorIndex: number;
}

/**
 * The frame every chart shares: a titled <figure> with a legend (whose entries also show the
 * current value, as text) and an SVG whose width follows the container.
 */
export class ChartFrame {
  readonly element: HTMLElement;
  readonly svg: SVGSVGElement;
  private readonly legend: HTMLUListElement;
  private readonly values = new Map<string, HTMLElement>();
  private readonly observer: ResizeObserver | undefined;
  width = 640;

  constructor(
    title: string,
    readonly height: number,
    onResize: () => void,
  ) {
    this.svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.svg.setAttribute('class', 'chart-svg');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('aria-label', title);
    this.svg.setAttribute('height', String(height));
    this.legend = h('ul', { class: 'chart-legend' });
    this.element = h('figure', { class: 'chart' }, h('figcaption', { class: 'chart-title' }, title), this.legend, this.svg);
    if (typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver((entries) => {
        const width = Math.floor(entries[0]?.contentRect.width ?? 0);
        if (width > 0 && width !== this.width) {
          this.width = width;
          onResize();
        }
      });
      this.observer.observe(this.element);
    }
  }

  get innerWidth(): number {
    return Math.max(10, this.width - CHART_MARGIN.left - CHART_MARGIN.right);
  }

  get innerHeight(): number {
    return this.height - CHART_MARGIN.top - CHART_MARGIN.bottom;
  }

  setLegend(entries: readonly LegendEntry[]): void {
    this.values.clear();
    this.legend.replaceChildren(
      ...entries.map((entry) => {
        const value = h('span', { class: 'chart-legend-value' });
        this.values.set(entry.key, value);
        return h('li', null, h('span', { class: `swatch series-${entry.colorIndex}`, 'aria-hidden': 'true' }), `${entry.label} `, value);
      }),
    );
  }

  setLegendValue(key: string, text: string): void {
    const el = this.values.get(key);
    if (el && el.textContent !== text) el.textContent = text;
  }

  destroy(): void {
    this.observer?.disconnect();
    this.element.remove();
  }
}
