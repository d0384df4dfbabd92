import type { Recommendation, RecommendationRule } from '../recommendations/recommendation.js';
import { escapeHtml } from './escapeHtml.js';

/** Findings, most severe first, then the list of every rule checked and whether it fired. */
export function renderRecommendationsSection(recommendations: readonly Recommendation[], rules: readonly RecommendationRule[]): string {
  const findings = recommendations.length
    ? recommendations
        .map(
          (r) =>
            `<article class="recommendation ${r.severity}" data-rule="${escapeHtml(r.ruleId)}">` +
            `<h3><span class="severity severity-${r.severity}">${r.severity}</span> ${escapeHtml(r.title)}</h3>` +
            `<p class="finding">${escapeHtml(r.finding)}</p><p>${escapeHtml(r.advice)}</p></article>`,
        )
        .join('\n')
    : '<p class="quiet">No rule fired: nothing in this window crossed a threshold.</p>';
  const fired = new Set(recommendations.map((r) => r.ruleId));
  const checked = rules
    .map((rule) => `<li>${escapeHtml(rule.description)} — ${fired.has(rule.id) ? '<strong>fired</strong>' : 'quiet'}</li>`)
    .join('');
  return `${findings}\n<h3>Rules checked</h3><ul class="rules">${checked}</ul>`;
}
