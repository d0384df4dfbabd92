import { createDeviceFilter, DEFAULT_DISK_EXCLUDE, DEFAULT_NET_EXCLUDE } from './deviceFilter.js';
import { parseDiskstats } from './diskstats.js';
import { parseLoadavg } from './loadavg.js';
import { parseMeminfo } from './meminfo.js';
import { parseNetDev } from './netdev.js';
import type { CollectorName, CollectorReadings } from './registry.js';
import { parseStat } from './stat.js';

const keepDisk = createDeviceFilter({}, DEFAULT_DISK_EXCLUDE);
const keepNet = createDeviceFilter({}, DEFAULT_NET_EXCLUDE);

const PARSERS: { [K in CollectorName]: (text: string) => CollectorReadings[K] } = {
  stat: parseStat,
  meminfo: parseMeminfo,
  diskstats: (text) => parseDiskstats(text).filter((d) => keepDisk(d.device)),
  netdev: (text) => parseNetDev(text).filter((d) => keepNet(d.device)),
  loadavg: parseLoadavg,
};

/**
 * The text of one /proc source as the reading its collector would return, with the default
 * device selection: how the server reads raw files another agent (pcc) captured.
 * Throws ParseError on a text that is not shaped like the file.
 */
export function parseReading<K extends CollectorName>(name: K, text: string): CollectorReadings[K] {
  return PARSERS[name](text);
}
