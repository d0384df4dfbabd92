import { CsvReportError } from './readCsvReportData.js';

/**
 * The line `perfreport` prints for a CSV that cannot be read or parsed (exit code 1), or
 * undefined for any other error, which the caller rethrows.
 */
export function csvReadFailure(error: unknown, file: string): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (error instanceof CsvReportError || code === 'INVALID_CSV_FORMAT' || code === 'INVALID_VALUE') {
    return `perfreport: ${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}\n`;
  }
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return `perfreport: cannot read ${file}: ${(error as Error).message}\n`;
  return undefined;
}
