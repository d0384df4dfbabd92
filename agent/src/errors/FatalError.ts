/**
 * A send failed in a way retrying cannot fix (malformed request, machine not in this tenant).
 * The shipper keeps the unsent points in the spool and stops; the agent exits with `exitCode`.
 */
export class FatalError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'FatalError';
  }
}
