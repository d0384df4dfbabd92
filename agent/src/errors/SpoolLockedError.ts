/** Another live agent owns the spool directory; two writers would interleave segments. */
export class SpoolLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`spool ${dir} is in use by process ${pid}; give each agent its own PCC_SPOOL_DIR`);
    this.name = 'SpoolLockedError';
  }
}
