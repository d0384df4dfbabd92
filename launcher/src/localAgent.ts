import type { Logger } from '@perfanalysis/platform';
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

export interface LocalAgentOptions {
  readonly server: string;
  readonly apiKey: string;
  readonly machineId: string;
  readonly spoolDir: string;
  readonly logger: Logger;
}

/**
 * The demo's agent: this machine's /proc trickled to our own gateway every second, in its
 * own process (as on a real server), restarted if it dies, stopped with the platform.
 */
export function startLocalAgent(options: LocalAgentOptions): { stop(): Promise<void> } {
  let child: ChildProcess | undefined;
  let stopping = false;
  const spawn = () => {
    child = fork(path.resolve(__dirname, '../../agent/dist/cli.js'), [], {
      env: {
        ...process.env,
        PCC_MODE: 'trickle',
        PCC_FREQUENCY: '1',
        PCC_SERVER: options.server,
        PCC_APIKEY: options.apiKey,
        PCC_MACHINE_ID: options.machineId,
        PCC_SPOOL_DIR: options.spoolDir,
        PCC_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('exit', (code) => {
      if (stopping) return;
      options.logger.warn({ code }, 'local agent exited; restarting in 5 s');
      setTimeout(spawn, 5_000).unref();
    });
  };
  spawn();
  return {
    async stop() {
      stopping = true;
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGTERM');
      });
    },
  };
}
