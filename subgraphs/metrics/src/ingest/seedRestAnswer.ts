import type { UploadResult } from './upload.types.js';

/**
 * The fields the seed's REST upload answered with, kept next to today's so scripts written
 * against it keep working (docs/pcc-compatibility.md, "REST answers").
 */
export function seedUploadAnswer(result: UploadResult): Record<string, unknown> {
  return {
    status: 'success',
    records_processed: result.rowsProcessed,
    data_range: { start: result.from, end: result.to },
  };
}

/** The seed's error fields: `status`, `error_code`, and for a bad header `details {found_columns, missing_columns}`. */
export function seedErrorFields(details: Record<string, unknown>): Record<string, unknown> {
  const { code, found, missing } = details;
  const columns =
    Array.isArray(found) || Array.isArray(missing) ? { details: { found_columns: found ?? [], missing_columns: missing ?? [] } } : {};
  return { status: 'error', error_code: code, ...columns };
}
