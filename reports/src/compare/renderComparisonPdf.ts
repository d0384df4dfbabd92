import { formatUtc } from '../format/formatTime.js';
import { INK, PdfWriter } from '../pdf/pdfLayout.js';
import { drawPdfTable } from '../pdf/pdfTable.js';
import { beforeAfterTables } from './beforeAfterTables.js';
import type { BeforeAfterComparison } from './compareBeforeAfter.js';
import type { FleetComparison } from './compareFleet.js';
import type { ComparisonTable } from './comparisonTable.js';
import { beforeAfterMethodNote, describeComparison, FLEET_OUTLIER_RULE } from './describeComparison.js';
import { fleetOutlierLines, fleetPercentileTables } from './fleetTables.js';
import { renderDistributionSvg } from './renderDistributionSvg.js';
import { renderFleetHeatmapSvg } from './renderFleetHeatmapSvg.js';

/** A comparison as an A4 PDF: the HTML page's sections, the chart as vector graphics, tables as text. */
export function renderComparisonPdf(comparison: BeforeAfterComparison | FleetComparison, generatedAt: number): Promise<Buffer> {
  const writer = new PdfWriter({ title: comparison.title, createdAt: new Date(generatedAt) });
  writer.heading(comparison.title, 18);
  for (const line of describeComparison(comparison)) writer.paragraph(line, { color: INK.muted });
  if (comparison.kind === 'beforeAfter') writeBeforeAfter(writer, comparison);
  else writeFleet(writer, comparison);
  return writer.finish(`PerfAnalysis comparison · all times UTC · generated ${formatUtc(generatedAt)}`);
}

function writeTable(writer: PdfWriter, table: ComparisonTable): void {
  writer.paragraph(table.caption, { size: 8, color: INK.muted });
  drawPdfTable(writer, table.columns, table.rows);
}

function writeChart(writer: PdfWriter, markup: string): void {
  const size = /^<svg [^>]*?width="([\d.]+)" height="([\d.]+)"/.exec(markup)!;
  // Without a size of its own the SVG fills the viewport the PDF gives it, scaled by its viewBox.
  writer.svg(markup.replace(` width="${size[1]}" height="${size[2]}"`, ''), Number(size[1]), Number(size[2]));
}

function writeBeforeAfter(writer: PdfWriter, comparison: BeforeAfterComparison): void {
  writer.heading('Changes', 14);
  if (comparison.metrics.length === 0) return writer.paragraph('No metric has samples on both sides.', { color: INK.muted });
  for (const table of beforeAfterTables(comparison)) writeTable(writer, table);
  writer.paragraph(beforeAfterMethodNote(comparison), { size: 8, color: INK.muted });
  writer.doc.addPage();
  writer.heading('Distributions', 14);
  writeChart(writer, renderDistributionSvg(comparison));
}

function writeFleet(writer: PdfWriter, comparison: FleetComparison): void {
  writer.heading('Outliers', 14);
  const lines = fleetOutlierLines(comparison);
  if (lines.length === 0) writer.paragraph('No collector stands out in CPU or memory.');
  for (const line of lines) writer.paragraph(`- ${line}`, { size: 9 });
  writer.paragraph(FLEET_OUTLIER_RULE, { size: 8, color: INK.muted });
  writer.heading('CPU and memory', 14);
  writeChart(writer, renderFleetHeatmapSvg(comparison));
  writer.doc.addPage();
  writer.heading('Percentiles and ranking', 14);
  for (const table of fleetPercentileTables(comparison)) writeTable(writer, table);
}
