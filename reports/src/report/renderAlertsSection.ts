import { formatUtc } from '../format/formatTime.js';
import { toEpochMs, type ReportAlert } from '../reportInput.js';
import { escapeHtml } from './escapeHtml.js';

/** The alerts section body: a table of the alerts given, oldest first, or "no alerts". */
export function renderAlertsSection(alerts: readonly ReportAlert[]): string {
  if (alerts.length === 0) return '<p class="quiet">No alerts in this window.</p>';
  const sorted = [...alerts].sort((a, b) => toEpochMs(a.startedAt) - toEpochMs(b.startedAt));
  const rows = sorted
    .map((alert) => {
      const ended = alert.endedAt === undefined ? '<em>firing</em>' : escapeHtml(formatInstant(alert.endedAt));
      return (
        `<tr><td><span class="severity severity-${severityClass(alert.severity)}">${escapeHtml(alert.severity)}</span></td>` +
        `<td class="text">${escapeHtml(alert.name)}</td><td class="time">${escapeHtml(formatInstant(alert.startedAt))}</td><td class="time">${ended}</td>` +
        `<td>${escapeHtml(formatAlertValue(alert.value))}</td><td class="text">${escapeHtml(alert.summary)}</td></tr>`
      );
    })
    .join('\n');
  return (
    `<table class="alerts"><caption>${alerts.length} alert${alerts.length === 1 ? '' : 's'} in this window</caption>` +
    '<thead><tr><th scope="col">Severity</th><th scope="col" class="text">Alert</th><th scope="col">Started</th>' +
    '<th scope="col">Ended</th><th scope="col">Value</th><th scope="col" class="text">Summary</th></tr></thead>' +
    `<tbody>\n${rows}\n</tbody></table>`
  );
}

function formatInstant(time: ReportAlert['startedAt']): string {
  const ms = toEpochMs(time);
  return Number.isFinite(ms) ? formatUtc(ms) : String(time);
}

/** Only the three known severities become class names; anything else is shown as info. */
function severityClass(severity: string): string {
  return severity === 'critical' || severity === 'warning' ? severity : 'info';
}

/** The value as the alert reported it (up to 2 decimals), so it matches the alert's summary. */
function formatAlertValue(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : '–';
}
