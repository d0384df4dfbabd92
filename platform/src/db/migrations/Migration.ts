/** One checked-in migration. `sql` receives the quoted target schema for tenant migrations. */
export interface Migration {
  readonly id: string;
  sql(quotedSchema: string): string;
}
