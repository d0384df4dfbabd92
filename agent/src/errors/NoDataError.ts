/**
 * A collector's source does not exist on this machine (no /proc/diskstats in a container,
 * an old kernel without a file). Not a failure: the registry reports it as `no-data`.
 */
export class NoDataError extends Error {
  constructor(readonly path: string) {
    super(`${path} is absent`);
    this.name = 'NoDataError';
  }
}
