import { CHARTS, type ChartName } from '../charts/chartRegistry.js';
import type { DownsampleMethod } from '../downsample/selectDisplayIndices.js';
import { defaultDocument } from '../data/defaultDocument.js';
import { prepareReportData, type ReportData } from '../data/prepareReportData.js';
import { formatDuration, formatInterval, formatUtc } from '../format/formatTime.js';
import { recommend } from '../recommendations/recommend.js';
import type { Recommendation } from '../recommendations/recommendation.js';
import { RECOMMENDATION_RULES } from '../recommendations/rules/index.js';
import { toEpochMs, type ReportInput, type ReportSection } from '../reportInput.js';
import type { ReportMeta } from '../data/ReportDataBuilder.js';
import { NO_DATA_ATTRIBUTE } from '../charts/createChartFrame.js';
import { dataQualityNotes } from '../quality/dataQualityNotes.js';
import { capacityNoteItems } from './capacityNote.js';
import { escapeHtml } from './escapeHtml.js';
import { keyFigures } from './keyFigures.js';
import { renderAlertsSection } from './renderAlertsSection.js';
import { renderPercentileTableHtml } from './renderPercentileTableHtml.js';
import { renderRecommendationsSection } from './renderRecommendationsSection.js';
import { htmlDocument } from './htmlDocument.js';
import { SECTION_TITLES, sectionCharts, selectedSections } from './reportSections.js';

/** How the report is drawn (the input says what is in it). */
export interface RenderReportOptions {
  /** Document that creates the chart elements. @default a shared jsdom document */
  readonly document?: Document;
  /** Width of every chart, px (charts scale down to the page). @default 960 */
  readonly chartWidth?: number;
  /** @default 'minmax' */
  readonly downsample?: DownsampleMethod;
}

/**
 * The whole report as one self-contained HTML file: inline CSS and inline SVG, no script,
 * no font, no image, no link to anything — a Content-Security-Policy of `default-src 'none'`
 * makes the browser refuse any request should one slip in. Prints on A4 with one section
 * per page. Deterministic: the same input gives the same bytes.
 */
export function renderReportHtml(input: ReportInput, options: RenderReportOptions = {}): string {
  const { points: _points, ...meta } = input;
  return renderPreparedReportHtml(prepareReportData(input), meta, options);
}

/**
 * As {@link renderReportHtml}, from data already prepared (e.g. streamed through a
 * `ReportDataBuilder`). `meta` supplies the sections, alerts, thresholds and footer; title,
 * window and capacities were fixed when the data was built.
 */
export function renderPreparedReportHtml(data: ReportData, input: ReportMeta, options: RenderReportOptions = {}): string {
  const sections = selectedSections(input.sections);
  const wanted = new Set(sections);
  const recommendations = wanted.has('summary') || wanted.has('recommendations') ? recommend(data, input.thresholds) : [];
  const document = options.document ?? defaultDocument();
  const chart = (name: ChartName): string => {
    const svg = CHARTS[name].render(data, {
      document,
      idPrefix: `chart-${name}`,
      ...(options.chartWidth ? { width: options.chartWidth } : {}),
      ...(options.downsample ? { downsample: options.downsample } : {}),
    });
    const empty = svg.getAttribute(NO_DATA_ATTRIBUTE);
    // An empty frame says nothing a sentence cannot: sources without these columns get one line.
    if (empty) return `<p class="quiet no-data" data-chart="${name}">${escapeHtml(empty)}.</p>`;
    return `<figure class="chart" data-chart="${name}">${svg.outerHTML}</figure>`;
  };
  const chartsOf = (section: ReportSection): string => sectionCharts(section).map(chart).join('\n');

  const body = sections.map((section) => {
    let content: string;
    switch (section) {
      case 'summary':
        content = renderSummary(data, recommendations, input.alerts?.length ?? 0);
        break;
      case 'percentiles':
        content = renderPercentileTableHtml(data);
        break;
      case 'radar':
        content = `${chartsOf('radar')}\n${renderCapacityNote(data)}`;
        break;
      case 'recommendations':
        content = renderRecommendationsSection(recommendations, RECOMMENDATION_RULES);
        break;
      case 'alerts':
        content = renderAlertsSection(input.alerts ?? []);
        break;
      default:
        content = chartsOf(section);
    }
    return { id: section, title: SECTION_TITLES[section], content };
  });

  const machine = data.hostname ? `${data.hostname} (${data.machineId})` : data.machineId;
  const generated = input.generatedAt !== undefined ? ` · generated ${formatUtc(toEpochMs(input.generatedAt))}` : '';
  return htmlDocument({
    title: data.title,
    meta:
      `Machine <strong>${escapeHtml(machine)}</strong> · ${escapeHtml(formatUtc(data.from))} → ${escapeHtml(formatUtc(data.to))} ` +
      `(${formatDuration(data.to - data.from)}) · ${data.time.length.toLocaleString('en-US')} samples every ${formatInterval(data.intervalMs)}`,
    sections: body,
    footer: `PerfAnalysis report · all times UTC${generated}`,
  });
}

function renderSummary(data: ReportData, recommendations: readonly Recommendation[], alertCount: number): string {
  const figures = keyFigures(data)
    .map(
      (f) =>
        `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}${f.note ? `<small>${escapeHtml(f.note)}</small>` : ''}</dd></div>`,
    )
    .join('');
  const critical = recommendations.filter((r) => r.severity === 'critical').length;
  const headline =
    recommendations.length === 0
      ? '<p>No recommendation rule fired: CPU, memory, disk and network stayed within their thresholds.</p>'
      : `<p><strong>${recommendations.length} finding${recommendations.length === 1 ? '' : 's'}</strong>${critical ? `, ${critical} critical` : ''}:</p>` +
        `<ul class="findings">${recommendations
          .slice(0, 6)
          .map(
            (r) =>
              `<li><span class="severity severity-${r.severity}">${r.severity}</span> <strong>${escapeHtml(r.title)}</strong> — ${escapeHtml(r.finding)}</li>`,
          )
          .join('')}</ul>`;
  const alerts = `<p>${alertCount === 0 ? 'No alerts' : `${alertCount} alert${alertCount === 1 ? '' : 's'}`} in this window.</p>`;
  const notes = dataQualityNotes(data);
  const quality = notes.length
    ? `\n<aside class="data-quality" aria-label="Data quality"><h3>Data quality</h3><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></aside>`
    : '';
  return `<dl class="figures">${figures}</dl>\n${headline}\n${alerts}${quality}`;
}

function renderCapacityNote(data: ReportData): string {
  return `<p class="note">Capacities compared against — ${escapeHtml(capacityNoteItems(data).join('; '))}.</p>`;
}
