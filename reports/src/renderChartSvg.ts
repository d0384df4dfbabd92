import { CHARTS, type ChartName } from './charts/chartRegistry.js';
import type { ChartOptions } from './charts/chartOptions.js';
import { SVG_NS } from './charts/createChartFrame.js';
import { defaultDocument } from './data/defaultDocument.js';
import { prepareReportData, type ReportData } from './data/prepareReportData.js';
import type { ReportInput } from './reportInput.js';

/** Options of {@link renderChartSvg}: the chart options, with the document optional. */
export type StandaloneChartOptions = Partial<ChartOptions>;

/**
 * One chart as a standalone SVG file: an XML declaration, `xmlns` on the root, XML
 * serialisation (self-closed empty elements, XML escaping), so it opens in any viewer and
 * embeds with `<img>`. Accepts the raw input or data already prepared for several charts.
 */
export function renderChartSvg(chart: ChartName, input: ReportInput | ReportData, options: StandaloneChartOptions = {}): string {
  const document = options.document ?? defaultDocument();
  const data = isReportData(input) ? input : prepareReportData(input);
  const svg = CHARTS[chart].render(data, { ...options, document });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(svg)}\n`;
}

/** XML serialisation of an SVG element, with the SVG namespace declared on the root. */
export function serializeSvg(svg: SVGSVGElement): string {
  const view = svg.ownerDocument.defaultView;
  if (view && typeof view.XMLSerializer === 'function') {
    return new view.XMLSerializer().serializeToString(svg);
  }
  // No serializer (a foreign DOM): HTML serialisation of SVG content is well-formed XML
  // apart from the namespace declaration, which is added.
  return svg.outerHTML.replace(/^<svg(?![^>]*\sxmlns=)/, `<svg xmlns="${SVG_NS}"`);
}

function isReportData(input: ReportInput | ReportData): input is ReportData {
  return (input as ReportData).time instanceof Float64Array;
}
