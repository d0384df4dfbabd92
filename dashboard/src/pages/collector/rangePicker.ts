import { PRESET_LABELS, RANGE_PRESETS, type RangePreset, resolveRange, type TimeRange, toDateTimeLocal } from '../../charts/timeRange.js';
import { h } from '../../dom/h.js';

export interface RangePickerOptions {
  readonly initial: RangePreset;
  readonly customFrom?: Date;
  readonly customTo?: Date;
  /** A preset chosen, or a custom range applied. */
  readonly onChange: (preset: RangePreset, range: TimeRange) => void;
}

/** Live, 1 h, 24 h, 7 d or a custom from/to: a radio group (arrow keys move between presets). */
export class RangePicker {
  readonly element: HTMLElement;
  private readonly custom: HTMLElement;
  private readonly error = h('p', { class: 'field-error', role: 'alert', hidden: true });

  constructor(private readonly options: RangePickerOptions) {
    const now = new Date();
    const from = h('input', {
      type: 'datetime-local',
      id: 'range-from',
      class: 'input',
      value: toDateTimeLocal(options.customFrom ?? new Date(now.getTime() - 6 * 3_600_000)),
    });
    const to = h('input', { type: 'datetime-local', id: 'range-to', class: 'input', value: toDateTimeLocal(options.customTo ?? now) });
    const apply = h('button', { type: 'submit', class: 'button button-primary', id: 'range-apply' }, 'Apply');
    this.custom = h(
      'form',
      { class: 'range-custom', hidden: options.initial !== 'custom', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'range-from' }, 'From'), from),
      h('div', { class: 'field' }, h('label', { for: 'range-to' }, 'To'), to),
      apply,
      this.error,
    );
    this.custom.addEventListener('submit', (event) => {
      event.preventDefault();
      const range = resolveRange('custom', Date.now(), { from: from.value, to: to.value });
      if (!range) {
        this.error.textContent = 'Choose a start before the end.';
        this.error.hidden = false;
        return;
      }
      this.error.hidden = true;
      options.onChange('custom', range);
    });
    const radios = RANGE_PRESETS.map((preset) => {
      const input = h('input', { type: 'radio', name: 'range', id: `range-${preset}`, value: preset, checked: preset === options.initial });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        this.custom.hidden = preset !== 'custom';
        if (preset === 'custom') from.focus();
        else options.onChange(preset, resolveRange(preset, Date.now())!);
      });
      return h('label', { class: 'segment', for: `range-${preset}` }, input, h('span', null, PRESET_LABELS[preset]));
    });
    this.element = h(
      'div',
      { class: 'range-picker' },
      h('fieldset', { class: 'segmented' }, h('legend', { class: 'visually-hidden' }, 'Time range'), ...radios),
      this.custom,
    );
  }
}
