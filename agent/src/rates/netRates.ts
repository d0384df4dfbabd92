import type { NetDevStat } from '../collectors/netdev.js';
import { MAX_PER_SECOND, MIB } from './ceilings.js';
import { deviceRates, type DeviceRates, type DeviceRatesSpec } from './deviceRates.js';

/** net_*_mb: Δbytes / 1 MiB per second; packets and errors per second. The aggregate sums interfaces. */
const NET: DeviceRatesSpec<NetDevStat> = {
  kind: 'net',
  counters: [
    { column: 'net_rx_mb', counter: (n) => n.rxBytes, scale: 1 / MIB, maxPerSecond: MAX_PER_SECOND.bytes },
    { column: 'net_tx_mb', counter: (n) => n.txBytes, scale: 1 / MIB, maxPerSecond: MAX_PER_SECOND.bytes },
    { column: 'net_rx_packets', counter: (n) => n.rxPackets, scale: 1, maxPerSecond: MAX_PER_SECOND.packets },
    { column: 'net_tx_packets', counter: (n) => n.txPackets, scale: 1, maxPerSecond: MAX_PER_SECOND.packets },
    { column: 'net_rx_errors', counter: (n) => n.rxErrors, scale: 1, maxPerSecond: MAX_PER_SECOND.packets },
    { column: 'net_tx_errors', counter: (n) => n.txErrors, scale: 1, maxPerSecond: MAX_PER_SECOND.packets },
  ],
};

export function netRates(prev: readonly NetDevStat[], cur: readonly NetDevStat[], elapsedS: number): DeviceRates {
  return deviceRates(NET, prev, cur, elapsedS);
}
