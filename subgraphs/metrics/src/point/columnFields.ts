import { columnFieldName, METRIC_COLUMNS, METRIC_UNITS, type MetricColumn } from '@perfanalysis/contract';

/** The GraphQL name of a column (see the contract). */
export const fieldName = columnFieldName;

export const COLUMN_FIELDS: readonly { column: MetricColumn; field: string; unit: string }[] = METRIC_COLUMNS.map((column) => ({
  column,
  field: fieldName(column),
  unit: METRIC_UNITS[column],
}));

export const COLUMN_BY_FIELD: ReadonlyMap<string, MetricColumn> = new Map(COLUMN_FIELDS.map((c) => [c.field, c.column]));
export const FIELD_BY_COLUMN: ReadonlyMap<MetricColumn, string> = new Map(COLUMN_FIELDS.map((c) => [c.column, c.field]));

/**
 * Declares one nullable Float field per metric column on a type-graphql class, so the
 * column list of docs/metrics.md is written once (in the contract) and every type follows it.
 */
export function declareColumnFields(target: object, decorate: (column: MetricColumn, unit: string) => PropertyDecorator): void {
  for (const { column, field, unit } of COLUMN_FIELDS) decorate(column, unit)(target, field);
}
