import {
  GraphQLRequestError,
  ReportProfileDocument,
  ResetReportProfileDocument,
  SetReportProfileDocument,
  type GraphQLClient,
  type ReportProfileFieldsFragment,
  type ReportProfileInput,
} from '@perfanalysis/sdk';
import { describeError } from '../../api/describeError.js';
import { formatDateTime } from '../../charts/format.js';
import { whileBusy } from '../../dom/busy.js';
import { h } from '../../dom/h.js';
import { MessageBox } from '../../dom/messageBox.js';

type Settings = ReportProfileFieldsFragment['settings'];
type Key = Exclude<keyof Settings, '__typename'>;

/** The form's fields: setting, label with unit, and the default an empty field keeps (docs/report-profiles.md). */
const FIELDS: readonly [Key, string, string][] = [
  ['cpuCount', 'CPU cores', 'counted in the data'],
  ['memoryMb', 'Memory (MB)', 'mem_total_mb'],
  ['diskThroughputMbPerSec', 'Disk throughput per device (MB/s)', '500'],
  ['networkThroughputMbPerSec', 'Network per interface and direction (MB/s)', '125'],
  ['cpuBusyP95Pct', 'CPU busy p95 above (%)', '80'],
  ['swapUsedP95Mb', 'Swap used p95 above (MB)', '0'],
  ['iowaitP95Pct', 'iowait p95 above (%)', '10'],
  ['stealP95Pct', 'Steal p95 above (%)', '5'],
  ['networkErrorCount', 'Interface errors above', '0'],
  ['memoryAvailableP5Pct', 'Available memory p5 below (%)', '10'],
  ['diskUtilP95Pct', 'Disk utilisation p95 above (%)', '80'],
  ['loadPerCoreP95', 'Load per core p95 above', '1'],
];

/**
 * The collector's report profile for ADMINs: capacities and recommendation thresholds; an
 * empty field keeps its default. The server checks the values and names a refused field.
 */
export function reportProfileForm(api: GraphQLClient, collectorId: string): HTMLElement {
  const message = new MessageBox();
  const updated = h('small', { class: 'hint', id: 'profile-updated' });
  const inputs = new Map(
    FIELDS.map(([key, , fallback]) => [
      key,
      h('input', { type: 'number', step: 'any', min: '0', id: `profile-${key}`, class: 'input', placeholder: `default: ${fallback}` }),
    ]),
  );
  const save = h('button', { type: 'submit', class: 'button button-primary', id: 'profile-save' }, 'Save profile');
  const reset = h('button', { type: 'button', class: 'button', id: 'profile-reset' }, 'Reset to defaults');

  const show = (profile: ReportProfileFieldsFragment) => {
    for (const [key, input] of inputs) input.value = profile.settings[key]?.toString() ?? '';
    updated.textContent = profile.updatedAt ? `Last set ${formatDateTime(profile.updatedAt)}.` : 'All defaults.';
  };
  // The server names a refused setting as `input.<key>` (docs/report-profiles.md): mark that field.
  const markRefused = (error: unknown) => {
    const field = error instanceof GraphQLRequestError ? error.errors[0]?.extensions?.field : undefined;
    const input = typeof field === 'string' ? inputs.get(field.replace(/^input\./, '') as Key) : undefined;
    input?.setAttribute('aria-invalid', 'true');
    input?.focus();
  };
  const run = (button: HTMLButtonElement, label: string, task: () => Promise<ReportProfileFieldsFragment>) => {
    message.clear();
    for (const input of inputs.values()) input.removeAttribute('aria-invalid');
    void whileBusy(button, label, async () => {
      try {
        show(await task());
      } catch (error) {
        const { title, details } = describeError(error);
        message.show('error', title, details);
        markRefused(error);
      }
    });
  };

  const form = h(
    'form',
    { class: 'card profile-form', id: 'profile-form', 'aria-labelledby': 'profile-title', novalidate: true },
    h('h2', { id: 'profile-title' }, 'Report profile'),
    h(
      'p',
      { class: 'hint' },
      'What this collector’s reports compare against: the radar’s capacities and the recommendation thresholds. An empty field keeps its default.',
    ),
    h(
      'div',
      { class: 'form-grid' },
      ...FIELDS.map(([key, label]) => h('div', { class: 'field' }, h('label', { for: `profile-${key}` }, label), inputs.get(key)!)),
    ),
    h('div', { class: 'actions' }, save, reset),
    updated,
    message.element,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input: ReportProfileInput = {};
    for (const [key, field] of inputs) if (field.value.trim() !== '') input[key] = Number(field.value);
    run(save, 'Saving…', async () => (await api.request(SetReportProfileDocument, { collectorId, input })).setReportProfile);
  });
  reset.addEventListener('click', () =>
    run(reset, 'Resetting…', async () => (await api.request(ResetReportProfileDocument, { collectorId })).resetReportProfile),
  );
  api.request(ReportProfileDocument, { collectorId }).then(
    ({ reportProfile }) => show(reportProfile),
    (error: unknown) => message.show('error', describeError(error).title),
  );
  return form;
}
