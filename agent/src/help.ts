import { SETTINGS } from './config.js';

/** Exit codes of `perfagent`. */
export const EXIT = {
  ok: 0,
  /** Anything unexpected: unreadable /proc, spool locked or unwritable, mode not built in. */
  failure: 1,
  /** A setting is missing or unparseable; the message names it. */
  config: 2,
  /** The server rejected the API key. */
  authRejected: 3,
  /** `convert`: the file is not a readable pcc collection; the message names the line. */
  invalidInput: 4,
} as const;

export function helpText(): string {
  const rows = Object.values(SETTINGS).map((s) => {
    const flag = `  --${s.flag} ${s.value}`;
    return `${flag.padEnd(40)} ${s.env.padEnd(18)} ${s.help}`;
  });
  return [
    'perfagent — reads /proc, turns counters into rates, writes or sends one point per period.',
    '',
    'Usage: perfagent [options]          (every option can also be set by its variable; flags win)',
    '       perfagent convert FILE [options] > points.csv',
    '       perfagent import|upload FILE… [options]',
    '',
    `  ${'option'.padEnd(38)} ${'variable'.padEnd(18)} meaning`,
    ...rows,
    `  ${'--collection DIR'.padEnd(38)} ${''.padEnd(18)} Same as --out.`,
    `  ${'-h, --help'.padEnd(38)} ${''.padEnd(18)} This text.`,
    `  ${'--version'.padEnd(38)} ${''.padEnd(18)} Print the version.`,
    '',
    'Modes:',
    '  local    CSV (upload format) and JSON lines into --out, for --duration (or until stopped).',
    '  trickle  A batch of points every period to --server; spooled to disk while it is unreachable.',
    '  upload   Collect for --duration (spooled as sampled), then upload as CSV.',
    '',
    'Commands on files (instead of sampling):',
    '  convert  A pcc collection (NDJSON or a JSON array of raw measurements) into the upload CSV on stdout,',
    '           rates derived as the server does; machine_id is --machine-id, else the file name. Replaces pcprocess.',
    '  upload   CSV files and pcc collections through --server with --api-key, one after the other, one progress',
    '           bar; each file is stored whole or not at all; a refused file is logged and the rest still go.',
    '  import   The same as upload (the name pcc users know for loading collection files).',
    '',
    'Exit codes:',
    `  ${EXIT.ok}  finished (duration over, or SIGINT/SIGTERM)`,
    `  ${EXIT.failure}  other failure (see the last log line)`,
    `  ${EXIT.config}  configuration error (the message names the flag or variable)`,
    `  ${EXIT.authRejected}  the server rejected the API key`,
    `  ${EXIT.invalidInput}  convert: the file is not a readable pcc collection (the message names the line)`,
    '',
    'Logs: JSON lines on stderr.',
    'Example: PCC_DURATION=60 PCC_FREQUENCY=1 PCC_COLLECTION=/tmp/pcc perfagent',
    '',
  ].join('\n');
}
