import { ParseError } from '../errors/ParseError.js';
import { counter, nonEmptyLines, splitFields } from './parseFields.js';
import { createDeviceFilter, DEFAULT_NET_EXCLUDE } from './deviceFilter.js';
import { readProcFile } from './readProcFile.js';
import { defaultRegistry } from './registry.js';

/**
 * One interface of `/proc/net/dev`. 64-bit on 64-bit kernels, but some drivers still keep
 * 32-bit counters that wrap at 4 GiB.
 */
export interface NetDevStat {
  readonly device: string;
  readonly rxBytes: bigint;
  readonly rxPackets: bigint;
  readonly rxErrors: bigint;
  readonly rxDropped: bigint;
  readonly rxFifo: bigint;
  readonly rxFrame: bigint;
  readonly rxCompressed: bigint;
  readonly rxMulticast: bigint;
  readonly txBytes: bigint;
  readonly txPackets: bigint;
  readonly txErrors: bigint;
  readonly txDropped: bigint;
  readonly txFifo: bigint;
  readonly txCollisions: bigint;
  readonly txCarrier: bigint;
  readonly txCompressed: bigint;
}

/** Interfaces in file order. */
export type NetDevSnapshot = readonly NetDevStat[];

const FIELD_COUNT = 16;

export function parseNetDev(text: string): NetDevSnapshot {
  // The two header lines contain '|'; interface lines are "name: counters". Interface names
  // cannot contain ':' (dev_valid_name), but old kernels print no space after it ("eth0:1234").
  return nonEmptyLines(text)
    .filter((line) => !line.includes('|'))
    .map(parseInterfaceLine);
}

function parseInterfaceLine(line: string): NetDevStat {
  const colon = line.indexOf(':');
  if (colon < 0) throw new ParseError('net/dev', `no "name:" in "${line}"`);
  const device = line.slice(0, colon).trim();
  const f = splitFields(line.slice(colon + 1));
  if (f.length < FIELD_COUNT) throw new ParseError('net/dev', `${device} has ${f.length} counters, expected ${FIELD_COUNT}`);
  const c = (i: number): bigint => counter('net/dev', f[i]);
  return {
    device,
    rxBytes: c(0),
    rxPackets: c(1),
    rxErrors: c(2),
    rxDropped: c(3),
    rxFifo: c(4),
    rxFrame: c(5),
    rxCompressed: c(6),
    rxMulticast: c(7),
    txBytes: c(8),
    txPackets: c(9),
    txErrors: c(10),
    txDropped: c(11),
    txFifo: c(12),
    txCollisions: c(13),
    txCarrier: c(14),
    txCompressed: c(15),
  };
}

defaultRegistry.register({
  name: 'netdev',
  defaultEnabled: true,
  create: ({ procRoot, net }) => {
    const keep = createDeviceFilter(net, DEFAULT_NET_EXCLUDE);
    return { collect: () => parseNetDev(readProcFile(procRoot, 'net/dev')).filter((d) => keep(d.device)) };
  },
});
