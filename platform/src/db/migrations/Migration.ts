/**
 * One checked-in migration: a file `NNNN_name.ts` in its owner's `migrations/public` or
 * `migrations/tenant` folder, exporting `migration` (docs/migrations.md).
 */
export interface MigrationFile {
  /**
   * The ledger id, from before each owner kept its own migrations, whose statements included
   * this migration's: a schema that recorded it already has this one applied.
   */
  readonly supersedes?: string;
  /** Receives the quoted target schema (tenant migrations name their tables with it). */
  sql(quotedSchema: string): string;
}

/** A loaded migration: `id` is its file name without extension. */
export interface Migration extends MigrationFile {
  readonly id: string;
}

/** One owner's migrations, each list oldest first. */
export interface MigrationSet {
  /** The subgraph (or platform part) whose tables these are; ledger ids read `<owner>/<id>`. */
  readonly owner: string;
  readonly public: readonly Migration[];
  readonly tenant: readonly Migration[];
}

/**
 * Every owner's migrations in the order they run, composed where the services are (the
 * launcher): an owner's migrations may refer only to tables of owners before it.
 */
export type MigrationPlan = readonly MigrationSet[];
