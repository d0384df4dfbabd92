/** Bad command line: the message says what to change; exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
