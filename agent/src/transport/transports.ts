import type { Logger } from '../logger.js';
import type { Transport } from './Transport.js';

export type ShippingMode = 'trickle' | 'upload';

/** What a transport factory is given. */
export interface TransportSettings {
  readonly server: string;
  readonly apiKey: string;
  readonly machineId: string;
  readonly log: Logger;
}

export type TransportFactory = (settings: TransportSettings) => Transport;

const factories = new Map<ShippingMode, TransportFactory>();

/** Called by a transport's module when imported, like the collectors' registry. */
export function registerTransport(mode: ShippingMode, factory: TransportFactory): void {
  factories.set(mode, factory);
}

export function hasTransport(mode: ShippingMode): boolean {
  return factories.has(mode);
}

export function createTransport(mode: ShippingMode, settings: TransportSettings): Transport {
  const factory = factories.get(mode);
  if (!factory) throw new Error(`PCC_MODE=${mode} is not available in this build of perfagent (no ${mode} transport registered)`);
  return factory(settings);
}
