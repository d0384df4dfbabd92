/**
 * pcc-shaped measurements written from the format's description (docs/pcc-compatibility.md):
 * raw /proc texts per subsystem, statfs and container JSON, a tab-aligned /proc/cpuinfo.
 * Every 10 s interval: CPU 30 % user, 10 % system, 55 % idle, 5 % iowait; eth0 receives
 * RX_PER_INTERVAL bytes, its 32-bit counter wrapping between samples 2 and 3; a third CPU
 * comes online in sample 3; sample 4 has no meminfo.
 */
export interface Measurement {
  readonly timestamp: number;
  readonly subsystem: string;
  readonly measurement: string;
}

export const INTERVAL_S = 10;
export const RX_PER_INTERVAL = 10 * 1_048_576;
const WRAP = 2 ** 32;

function stat(i: number): string {
  const cpus = i >= 3 ? 3 : 2;
  const [user, system, idle, iowait] = [600 * i + 1000, 200 * i + 1000, 1100 * i + 1000, 100 * i + 1000] as const;
  const line = (name: string, share: number) =>
    `${name} ${Math.round(user * share)} 0 ${Math.round(system * share)} ${Math.round(idle * share)} ${Math.round(iowait * share)} 0 0 0 0 0`;
  const perCpu = Array.from({ length: cpus }, (_, c) => line(`cpu${c}`, 1 / cpus));
  return [
    `cpu  ${user} 0 ${system} ${idle} ${iowait} 0 0 0 0 0`,
    ...perCpu,
    'intr 1 2 3',
    'ctxt 12345',
    'btime 1760000000',
    'processes 99',
    '',
  ].join('\n');
}

function meminfo(): string {
  const kb = (name: string, value: number) => `${`${name}:`.padEnd(16)}${String(value).padStart(8)} kB`;
  return [
    kb('MemTotal', 16_384_000),
    kb('MemFree', 4_096_000),
    kb('MemAvailable', 8_192_000),
    kb('Buffers', 512_000),
    kb('Cached', 2_048_000),
    kb('SwapTotal', 1_024_000),
    kb('SwapFree', 1_024_000),
    'HugePages_Total:       0',
    '',
  ].join('\n');
}

function diskstats(i: number): string {
  return `   8       0 sda ${100 * i} 0 ${2048 * i} ${50 * i} ${200 * i} 0 ${4096 * i} ${80 * i} 0 ${1000 * i} ${130 * i}\n   8       1 sda1 ${100 * i} 0 ${2048 * i} ${50 * i} ${200 * i} 0 ${4096 * i} ${80 * i} 0 ${1000 * i} ${130 * i}\n`;
}

function netdev(i: number): string {
  const rx = (WRAP - 2.5 * RX_PER_INTERVAL + RX_PER_INTERVAL * i) % WRAP;
  return [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    `    lo: 999 9 0 0 0 0 0 0 999 9 0 0 0 0 0 0`,
    `  eth0: ${rx} ${1000 * i} 0 0 0 0 0 0 ${500_000 * i} ${400 * i} 0 0 0 0 0 0`,
    '',
  ].join('\n');
}

const CPUINFO = 'processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Test CPU @ 2.00GHz\ncpu MHz\t\t: 2000.000\n\n';
const STATFS = [
  { mount_point: '/', block_size: 4096, blocks_total: 1000000, blocks_free: 500000, blocks_available: 450000 },
  { mount_point: '/var', block_size: 4096, blocks_total: 200000, blocks_free: 100000, blocks_available: 90000 },
]
  .map((o) => JSON.stringify(o))
  .join('\n');

/** One read round of pcc at `t` (epoch s), each subsystem stamped a few ms apart. */
export function sample(i: number, t: number): Measurement[] {
  const list: [string, string][] = [
    ['/proc/stat', stat(i)],
    ['/proc/meminfo', meminfo()],
    ['/proc/diskstats', diskstats(i)],
    ['/proc/net/dev', netdev(i)],
    ['/proc/loadavg', '0.50 0.40 0.30 1/200 12345\n'],
    ['/proc/cpuinfo', CPUINFO],
    ['statfs[*]', STATFS],
    ['container/docker/0123456789ab', JSON.stringify({ cpu_usage_usec: 1000 * i, memory_current: 1 << 20, pids_current: 3 })],
  ];
  return list
    .filter(([subsystem]) => !(i === 4 && subsystem === '/proc/meminfo'))
    .map(([subsystem, measurement], k) => ({ timestamp: t + k * 0.002, subsystem, measurement }));
}

/** `count` samples from `start` (epoch s), as pcc writes a collection file: one measurement per line. */
export function collection(start: number, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) for (const m of sample(i, start + i * INTERVAL_S)) lines.push(JSON.stringify(m));
  return `${lines.join('\n')}\n`;
}
