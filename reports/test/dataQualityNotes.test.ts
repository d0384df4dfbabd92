import type { MetricPoint } from '@perfanalysis/contract';
import { dataQualityNotes, generateMetricPoints, prepareReportData, renderReportHtml } from '../src/index.js';

const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);

/**
 * Shaped like the previous system's 70-minute capture: every 5 s, CPU and memory only (no
 * disk operations, utilisation or packet columns), a memory total computed as used + free
 * (so it moves), a 10-minute silence, one duplicated row, and network bytes written as the
 * interface's cumulative counter, reset once.
 */
function legacyCapture(): MetricPoint[] {
  const points: MetricPoint[] = [];
  let counter = 5_000;
  for (let i = 0; i < 70 * 12; i++) {
    if (i >= 300 && i < 420) continue; // ten minutes without samples
    const used = 6_000 + 500 * Math.sin(i / 40);
    const free = 9_000 + 300 * Math.cos(i / 25);
    counter = i === 600 ? 10 : counter + 3 + (i % 5);
    const values = {
      cpu_user: 20 + (i % 9),
      cpu_system: 5,
      cpu_idle: 75 - (i % 9),
      mem_used_mb: used,
      mem_free_mb: free,
      mem_total_mb: used + free,
      net_rx_mb: counter,
    };
    points.push({ timestamp: T0 + i * 5_000, values });
    if (i === 100) points.push({ timestamp: T0 + i * 5_000, values });
  }
  return points;
}

describe('dataQualityNotes', () => {
  it('says nothing about a sound capture', () => {
    expect(dataQualityNotes(prepareReportData({ machineId: 'm', points: generateMetricPoints({ seed: 3, count: 3_600 }) }))).toEqual([]);
  });

  it('names the moving total, the gap, the repeated sample and the counter-like rate of a legacy capture', () => {
    const notes = dataQualityNotes(prepareReportData({ machineId: 'legacy', points: legacyCapture() }));
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/^Memory total moves during the window \([\d,]+ MB to [\d,]+ MB\)/);
    expect(notes[1]).toMatch(/^1 gap in the samples .* the longest lasts 10 min from 2025-01-06 08:24:55 UTC/);
    expect(notes[2]).toBe('1 sample repeats the timestamp of the one before.');
    expect(notes[3]).toMatch(/\(net_rx_mb\) only ever rises, with 1 drop that look like counter resets/);
  });
});

describe('sections without data', () => {
  it('collapse to one line instead of an empty chart frame, and the summary shows the data-quality note', () => {
    const html = renderReportHtml({ machineId: 'legacy', points: legacyCapture() });
    expect(html).toContain('<p class="quiet no-data" data-chart="diskOps">No disk operations data in this window.</p>');
    expect(html).toContain('data-chart="diskUtilisation">No disk utilisation data in this window.</p>');
    expect(html).not.toContain('<figure class="chart" data-chart="diskOps">');
    expect(html).toContain('<figure class="chart" data-chart="cpu">');
    expect(html).toMatch(/<aside class="data-quality"[^>]*><h3>Data quality<\/h3><ul><li>Memory total moves/);
  });
});
