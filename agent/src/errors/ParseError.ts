/** A /proc file did not have the shape its parser expects; the collector reports `error`. */
export class ParseError extends Error {
  constructor(
    readonly source: string,
    problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = 'ParseError';
  }
}
