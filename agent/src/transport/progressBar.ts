import type { Logger } from '../logger.js';

/** Where a progress bar draws: a terminal gets a redrawn bar, anything else one log line at the end. */
export interface ProgressOutput {
  readonly tty: boolean;
  readonly write: (text: string) => void;
  readonly log: Logger;
}

/** The terminal of this process (stderr: stdout may carry data, as with `perfagent convert`). */
export function stderrProgress(log: Logger): ProgressOutput {
  return { tty: process.stderr.isTTY === true, write: (text) => void process.stderr.write(text), log };
}

/** One bar over `total` bytes, however many requests carry them; call `done()` once at the end. */
export function progressBar(output: ProgressOutput, label: string, total: number): { update(sent: number): void; done(): void } {
  let drawn = -1;
  return {
    update(sent) {
      const percent = Math.round((total ? Math.min(1, sent / total) : 1) * 100);
      if (!output.tty || percent === drawn) return;
      drawn = percent;
      output.write(`\r${label} [${'#'.repeat(Math.round(percent * 0.3)).padEnd(30, '.')}] ${percent}%`);
    },
    done() {
      if (output.tty) output.write('\n');
      else output.log.info(`${label} sent`, { bytes: total });
    },
  };
}
