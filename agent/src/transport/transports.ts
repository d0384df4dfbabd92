import type { Logger } from '../logger.js';
import type { Transport } from './Transport.js';

/** `channel`: trickle over the WebSocket; `trickle`: over HTTP; `upload`: CSV files. */
export type TransportName = 'channel' | 'trickle' | 'upload';

/** What a transport factory is given. */
export interface TransportSettings {
  readonly server: string;
  readonly apiKey: string;
  readonly machineId: string;
  readonly log: Logger;
}

export type TransportFactory = (settings: TransportSettings) => Transport;

const factories = new Map<TransportName, TransportFactory>();

/** Called by a transport's module when imported, like the collectors' registry. */
export function registerTransport(mode: TransportName, factory: TransportFactory): void {
  factories.set(mode, factory);
}

export function hasTransport(mode: TransportName): boolean {
  return factories.has(mode);
}

export function createTransport(mode: TransportName, settings: TransportSettings): Transport {
  const factory = factories.get(mode);
  if (!factory) throw new Error(`the ${mode} transport is not available in this build of perfagent (none registered)`);
  return factory(settings);
}
