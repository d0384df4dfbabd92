import { CsvTimestampRewriter } from './csvTimestampRewriter.js';
import type { ExportFormat } from './exportRequest.js';
import type { ExportFrame } from './streamExport.js';

/** The formats PostgreSQL writes as text lines. */
export type TextExportFormat = Exclude<ExportFormat, 'parquet'>;

/** Text written before and after the rows COPY produces; a CSV's header names the exported columns. */
function frameOf(format: TextExportFormat, columns: readonly string[]): { head: string; tail: string } {
  if (format === 'csv') return { head: `${['timestamp', 'machine_id', ...columns].join(',')}\n`, tail: '' };
  return format === 'json' ? { head: '[\n', tail: ']\n' } : { head: '', tail: '' };
}

/**
 * Frames the lines of a text COPY (see `exportCopySql`): header or brackets, for `json` the
 * first row loses its leading comma, for `csv` the timestamps are finished.
 */
export function textExportFrame(format: TextExportFormat, columns: readonly string[]): ExportFrame {
  const { head, tail } = frameOf(format, columns);
  return async function* (source) {
    let first = format === 'json';
    if (head) yield head;
    if (format === 'csv') {
      const rewriter = new CsvTimestampRewriter();
      for await (const chunk of source) yield rewriter.push(chunk);
      yield rewriter.end();
    } else {
      for await (const chunk of source) {
        if (first && chunk.length > 0) {
          first = false;
          yield chunk.subarray(1);
        } else yield chunk;
      }
    }
    if (tail) yield tail;
  };
}
