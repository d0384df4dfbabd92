import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Sleep } from '../clock.js';
import type { AgentConfig, FileCommand } from '../config.js';
import { ConfigError } from '../errors/ConfigError.js';
import type { Logger } from '../logger.js';
import { stderrProgress } from '../transport/progressBar.js';
import { convertCollection } from './convertCollection.js';
import { uploadFiles } from './uploadFiles.js';

export interface FileCommandDeps {
  readonly stdout: (text: string) => void;
  readonly sleep: Sleep;
  readonly log: Logger;
}

/** Every file named exists and is readable, checked before anything is sent (a typo fails fast, exit 2). */
function checkFiles(files: readonly string[]): void {
  for (const file of files) {
    try {
      accessSync(file, constants.R_OK);
      if (!statSync(file).isFile()) throw new Error('not a regular file');
    } catch (error) {
      throw new ConfigError('command line', `cannot read "${file}": ${(error as Error).message}`);
    }
  }
}

/** `collection-web-01.json` → `collection-web-01`: the machine id of a converted file when none is set. */
function machineOfFile(file: string): string {
  return basename(file).replace(/\.(json|ndjson|jsonl)(\.gz)?$/i, '');
}

/** `perfagent convert FILE`, `perfagent import FILE…`, `perfagent upload FILE…` (see --help). */
export async function runFileCommand(command: FileCommand, config: AgentConfig, deps: FileCommandDeps): Promise<void> {
  checkFiles(command.files);
  if (command.name === 'convert') {
    const file = command.files[0]!;
    const machineId = config.machineIdSet ?? machineOfFile(file);
    const result = await convertCollection(createReadStream(file), machineId, deps.stdout);
    deps.log.info('collection converted', { file, machineId, points: result.points, ignoredSubsystems: result.ignored });
    return;
  }
  // import names the pcc habit; both send any mix of CSV files and collections.
  const stored = await uploadFiles({
    files: command.files,
    server: config.server!,
    apiKey: config.apiKey!,
    machineId: config.machineIdSet,
    log: deps.log,
    progress: stderrProgress(deps.log),
    sleep: deps.sleep,
  });
  deps.log.info('files stored', { files: stored });
}
