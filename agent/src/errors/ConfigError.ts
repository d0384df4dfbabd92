/**
 * A setting is missing, unparseable or inconsistent. `setting` names what the user typed
 * (`PCC_FREQUENCY` or `--frequency`) so the message says exactly what to fix. Exit code 2.
 */
export class ConfigError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}
