import { CHARTS, CHART_NAMES, type ChartName } from '../charts/chartRegistry.js';
import { REPORT_SECTIONS, type ReportSection } from '../reportInput.js';

/** Each section's heading, shared by the HTML and the PDF report. */
export const SECTION_TITLES: Readonly<Record<ReportSection, string>> = {
  summary: 'Executive summary',
  cpu: 'CPU',
  memory: 'Memory',
  disk: 'Disk',
  network: 'Network',
  percentiles: 'Percentiles',
  radar: 'Capacity',
  recommendations: 'Recommendations',
  alerts: 'Alerts',
};

/** The requested sections in canonical order, duplicates and unknown names dropped. */
export function selectedSections(requested: readonly ReportSection[] | undefined): ReportSection[] {
  if (!requested) return [...REPORT_SECTIONS];
  const wanted = new Set(requested);
  return REPORT_SECTIONS.filter((s) => wanted.has(s));
}

/** The charts drawn in a section (the percentile table is printed as a table, not drawn). */
export function sectionCharts(section: ReportSection): ChartName[] {
  return CHART_NAMES.filter((name) => CHARTS[name].section === section && name !== 'percentiles');
}
