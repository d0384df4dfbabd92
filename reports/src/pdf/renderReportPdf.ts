import { CHARTS } from '../charts/chartRegistry.js';
import { NO_DATA_ATTRIBUTE } from '../charts/createChartFrame.js';
import { dataQualityNotes } from '../quality/dataQualityNotes.js';
import { PERCENTILE_TABLE_COLUMNS } from '../charts/renderPercentileTable.js';
import { defaultDocument } from '../data/defaultDocument.js';
import { prepareReportData, type ReportData } from '../data/prepareReportData.js';
import type { ReportMeta } from '../data/ReportDataBuilder.js';
import { formatFigure } from '../format/formatFigure.js';
import { formatDuration, formatInterval, formatUtc } from '../format/formatTime.js';
import { recommend } from '../recommendations/recommend.js';
import type { Recommendation } from '../recommendations/recommendation.js';
import { serializeSvg } from '../renderChartSvg.js';
import { toEpochMs, type ReportAlert, type ReportInput, type ReportSection } from '../reportInput.js';
import { capacityNoteItems } from '../report/capacityNote.js';
import { keyFigures } from '../report/keyFigures.js';
import { SECTION_TITLES, sectionCharts, selectedSections } from '../report/reportSections.js';
import { percentileTableRows } from '../stats/percentileTableRows.js';
import { INK, PdfWriter } from './pdfLayout.js';
import { drawPdfTable } from './pdfTable.js';

/**
 * Width the charts are drawn at before being scaled to the 515 pt of an A4 column: about
 * 1.25 units per point keeps their 11-unit text near 9 pt, and the min-max downsampling
 * (two points per unit of width) no finer than the paper shows — the SVG-to-PDF step costs
 * in proportion to the path data.
 */
const CHART_WIDTH = 640;

/**
 * The report as an A4 PDF: the HTML report's sections, each from a new page, charts as
 * vector graphics with selectable text (the same SVG, drawn by svg-to-pdfkit), the
 * percentile table as text. No browser: PDFKit writes the file in this process.
 */
export function renderReportPdf(input: ReportInput): Promise<Buffer> {
  const { points: _points, ...meta } = input;
  return renderPreparedReportPdf(prepareReportData(input), meta);
}

/** As {@link renderReportPdf}, from data already prepared (e.g. by a `ReportDataBuilder`). */
export function renderPreparedReportPdf(data: ReportData, meta: ReportMeta): Promise<Buffer> {
  const sections = selectedSections(meta.sections);
  const generatedAt = meta.generatedAt !== undefined ? toEpochMs(meta.generatedAt) : data.to;
  const writer = new PdfWriter({ title: data.title, createdAt: new Date(generatedAt) });
  const wanted = new Set(sections);
  const recommendations = wanted.has('summary') || wanted.has('recommendations') ? recommend(data, meta.thresholds) : [];
  writeTitle(writer, data);
  sections.forEach((section, i) => {
    if (i > 0) writer.doc.addPage();
    writer.heading(SECTION_TITLES[section], 16);
    writeSection(writer, section, data, meta, recommendations);
  });
  return writer.finish(`PerfAnalysis report · ${data.machineId} · all times UTC · generated ${formatUtc(generatedAt)}`);
}

function writeTitle(writer: PdfWriter, data: ReportData): void {
  writer.heading(data.title, 20);
  const machine = data.hostname ? `${data.hostname} (${data.machineId})` : data.machineId;
  writer.paragraph(
    `Machine ${machine} · ${formatUtc(data.from)} -> ${formatUtc(data.to)} (${formatDuration(data.to - data.from)}) · ` +
      `${data.time.length.toLocaleString('en-US')} samples every ${formatInterval(data.intervalMs)}`,
    { color: INK.muted },
  );
  writer.doc.moveDown(0.5);
}

function writeSection(
  writer: PdfWriter,
  section: ReportSection,
  data: ReportData,
  meta: ReportMeta,
  recommendations: readonly Recommendation[],
): void {
  switch (section) {
    case 'summary':
      return writeSummary(writer, data, recommendations, meta.alerts?.length ?? 0);
    case 'percentiles':
      return writePercentiles(writer, data);
    case 'recommendations':
      return writeRecommendations(writer, recommendations, true);
    case 'alerts':
      return writeAlerts(writer, meta.alerts ?? []);
    case 'radar':
      writeCharts(writer, section, data);
      return writer.paragraph(`Capacities compared against: ${capacityNoteItems(data).join('; ')}.`, { size: 8, color: INK.muted });
    default:
      return writeCharts(writer, section, data);
  }
}

function writeCharts(writer: PdfWriter, section: ReportSection, data: ReportData): void {
  const document = defaultDocument();
  for (const name of sectionCharts(section)) {
    const svg = CHARTS[name].render(data, { document, idPrefix: `chart-${name}`, width: CHART_WIDTH });
    // d3's axes draw in `currentColor`, which a browser takes from CSS; on paper it needs a value.
    const empty = svg.getAttribute(NO_DATA_ATTRIBUTE);
    if (empty) {
      writer.paragraph(`${empty}.`, { color: INK.muted });
      continue;
    }
    svg.setAttribute('color', INK.text);
    const [width, height] = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
    // Without a size of its own the SVG fills the viewport the PDF gives it, scaled by its viewBox.
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    writer.svg(serializeSvg(svg), width, height);
  }
}

function writeSummary(writer: PdfWriter, data: ReportData, recommendations: readonly Recommendation[], alertCount: number): void {
  drawPdfTable(
    writer,
    [
      { header: 'Figure', width: 3, align: 'left' },
      { header: 'Value', width: 2 },
      { header: 'Context', width: 4, align: 'left' },
    ],
    keyFigures(data).map((f) => [f.label, f.value, f.note ?? '']),
  );
  if (recommendations.length === 0) {
    writer.paragraph('No recommendation rule fired: CPU, memory, disk and network stayed within their thresholds.');
  } else {
    writer.paragraph(`${recommendations.length} finding${recommendations.length === 1 ? '' : 's'}:`, { bold: true });
    writeRecommendations(writer, recommendations.slice(0, 6), false);
  }
  writer.paragraph(`${alertCount === 0 ? 'No alerts' : `${alertCount} alert${alertCount === 1 ? '' : 's'}`} in this window.`);
  const notes = dataQualityNotes(data);
  if (notes.length === 0) return;
  writer.paragraph('Data quality', { bold: true });
  for (const note of notes) writer.paragraph(`- ${note}`, { size: 9 });
}

function writePercentiles(writer: PdfWriter, data: ReportData): void {
  const rows = percentileTableRows(data);
  if (rows.length === 0) return writer.paragraph('No metric data in this window.', { color: INK.muted });
  writer.paragraph(
    `Percentiles over ${data.time.length.toLocaleString('en-US')} samples (linear interpolation between the two nearest ranks).`,
    { size: 8, color: INK.muted },
  );
  drawPdfTable(
    writer,
    [
      { header: 'Metric', width: 4, align: 'left' },
      { header: 'Unit', width: 1.2, align: 'left' },
      ...PERCENTILE_TABLE_COLUMNS.map((c) => ({ header: c.label, width: 1.3 })),
    ],
    rows.map((row) => [row.label, row.unit, ...PERCENTILE_TABLE_COLUMNS.map((c) => formatFigure(row.summary[c.key], ''))]),
  );
}

function writeRecommendations(writer: PdfWriter, recommendations: readonly Recommendation[], withAdvice: boolean): void {
  if (recommendations.length === 0) return writer.paragraph('No recommendation rule fired.', { color: INK.muted });
  for (const r of recommendations) {
    writer.ensure(40);
    writer.paragraph(`[${r.severity}] ${r.title}`, { bold: true, color: INK[r.severity] });
    writer.paragraph(withAdvice ? `${r.finding}. ${r.advice}` : r.finding, { size: 9 });
  }
}

function writeAlerts(writer: PdfWriter, alerts: readonly ReportAlert[]): void {
  if (alerts.length === 0) return writer.paragraph('No alerts in this window.', { color: INK.muted });
  const sorted = [...alerts].sort((a, b) => toEpochMs(a.startedAt) - toEpochMs(b.startedAt));
  drawPdfTable(
    writer,
    [
      { header: 'Severity', width: 1.2, align: 'left' },
      { header: 'Alert', width: 3, align: 'left' },
      { header: 'Started', width: 2.2, align: 'left' },
      { header: 'Ended', width: 2.2, align: 'left' },
      { header: 'Value', width: 1.2 },
    ],
    sorted.map((a) => [
      a.severity,
      a.name,
      formatUtc(toEpochMs(a.startedAt)),
      a.endedAt === undefined ? 'firing' : formatUtc(toEpochMs(a.endedAt)),
      formatFigure(a.value, ''),
    ]),
  );
}
