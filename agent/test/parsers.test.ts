import { parseDiskstats } from '../src/collectors/diskstats.js';
import { parseLoadavg } from '../src/collectors/loadavg.js';
import { parseMeminfo } from '../src/collectors/meminfo.js';
import { parseNetDev } from '../src/collectors/netdev.js';
import { parseStat } from '../src/collectors/stat.js';
import { ParseError } from '../src/errors/ParseError.js';

describe('parseStat', () => {
  const text = [
    'cpu  12917 0 3117 91559 363 0 319 182 0 0',
    'cpu0 6318 0 1533 45845 229 0 132 95 0 0',
    'cpu1 6599 0 1584 45714 133 0 187 86 0 0',
    'intr 953311 0 0 0 0',
    'ctxt 2282501',
    'btime 1795306252',
    'processes 8331',
    'procs_running 3',
    'procs_blocked 0',
    'softirq 238647 0 22710 4 22842 58598 0 3 87943 0 46547',
    '',
  ].join('\n');

  it('reads the aggregate line, each CPU and btime', () => {
    const stat = parseStat(text);
    expect(stat.total).toEqual({
      user: 12917n,
      nice: 0n,
      system: 3117n,
      idle: 91559n,
      iowait: 363n,
      irq: 0n,
      softirq: 319n,
      steal: 182n,
      guest: 0n,
      guestNice: 0n,
    });
    expect([...stat.cpus.keys()]).toEqual(['cpu0', 'cpu1']);
    expect(stat.cpus.get('cpu1')?.user).toBe(6599n);
    expect(stat.bootTime).toBe(1795306252);
  });

  it('leaves out the fields an old kernel does not print', () => {
    const stat = parseStat('cpu  100 0 50 1000 7 0 1\nbtime 1\n');
    expect(stat.total.softirq).toBe(1n);
    expect(stat.total.steal).toBeUndefined();
    expect(stat.total.guest).toBeUndefined();
  });

  it('keeps 64-bit counters exact', () => {
    expect(parseStat('cpu  18446744073709551615 0 0 0\n').total.user).toBe(18446744073709551615n);
  });

  it('rejects a file without the aggregate line or with a short one', () => {
    expect(() => parseStat('cpu0 1 2 3 4\n')).toThrow(ParseError);
    expect(() => parseStat('cpu  1 2 3\n')).toThrow(/at least 4/);
    expect(() => parseStat('cpu  1 2 x 4\n')).toThrow(/counter/);
  });
});

describe('parseMeminfo', () => {
  const text = [
    'MemTotal:       24730032 kB',
    'MemFree:        21824960 kB',
    'MemAvailable:   24046844 kB',
    'Buffers:          144772 kB',
    'Cached:          2206296 kB',
    'SwapTotal:             0 kB',
    'SwapFree:              0 kB',
    'HugePages_Total:       0',
    'Hugepagesize:       2048 kB',
    '',
  ].join('\n');

  it('reads the fields the agent uses, in kB, and keeps every line', () => {
    const m = parseMeminfo(text);
    expect(m).toMatchObject({
      memTotalKb: 24730032,
      memFreeKb: 21824960,
      memAvailableKb: 24046844,
      buffersKb: 144772,
      cachedKb: 2206296,
      swapTotalKb: 0,
      swapFreeKb: 0,
    });
    expect(m.fields.get('HugePages_Total')).toBe(0);
    expect(m.fields.get('Hugepagesize')).toBe(2048);
  });

  it('has no MemAvailable on kernels before 3.14', () => {
    expect(parseMeminfo('MemTotal: 100 kB\nMemFree: 50 kB\n').memAvailableKb).toBeUndefined();
  });

  it('requires MemTotal and MemFree, and rejects malformed lines', () => {
    expect(() => parseMeminfo('MemFree: 50 kB\n')).toThrow(/MemTotal/);
    expect(() => parseMeminfo('MemTotal: lots\n')).toThrow(ParseError);
  });
});

describe('parseDiskstats', () => {
  const text = [
    '   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    ' 254       0 vda 28908 5410 1427018 5831 31129 96174 3450792 18880 0 5792 25207 9545 29 749336 349 6652 146',
    '   8       0 sda 100 0 200 30 400 0 800 90 1 120 130',
    '   8       1 sda1 90 180 390 780',
    '',
  ].join('\n');

  it('reads 20-field (5.5+) and 14-field (pre-4.18) lines', () => {
    const [loop, vda, sda] = parseDiskstats(text);
    expect(loop?.device).toBe('loop0');
    expect(vda).toMatchObject({
      major: 254,
      minor: 0,
      device: 'vda',
      readsCompleted: 28908n,
      sectorsRead: 1427018n,
      writesCompleted: 31129n,
      sectorsWritten: 3450792n,
      ioInProgress: 0,
      ioTimeMs: 5792n,
      weightedIoTimeMs: 25207n,
      discardsCompleted: 9545n,
      flushesCompleted: 6652n,
      flushTimeMs: 146n,
    });
    expect(sda).toMatchObject({ device: 'sda', ioInProgress: 1, ioTimeMs: 120n });
    expect(sda?.discardsCompleted).toBeUndefined();
  });

  it('skips the 4-counter partition lines of kernels before 2.6.25', () => {
    expect(parseDiskstats(text).map((d) => d.device)).toEqual(['loop0', 'vda', 'sda']);
  });

  it('keeps counters past 2^53 exact', () => {
    const [d] = parseDiskstats('8 0 sda 1 0 18446744073709549568 0 0 0 0 0 0 0 0\n');
    expect(d?.sectorsRead).toBe(18446744073709549568n);
  });
});

describe('parseNetDev', () => {
  const header =
    'Inter-|   Receive                                                |  Transmit\n' +
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';

  it('reads every interface after the two header lines', () => {
    const text = `${header}    lo:   47906     656    0    0    0     0          0         0    47906     656    0    0    0     0       0          0
  eth0: 346441728   15896    3    1    0     0          0         7  1811857   10602    2    0    0     5       0          0
`;
    const [lo, eth0] = parseNetDev(text);
    expect(lo?.device).toBe('lo');
    expect(eth0).toMatchObject({
      device: 'eth0',
      rxBytes: 346441728n,
      rxPackets: 15896n,
      rxErrors: 3n,
      rxDropped: 1n,
      rxMulticast: 7n,
      txBytes: 1811857n,
      txPackets: 10602n,
      txErrors: 2n,
      txCollisions: 5n,
    });
  });

  it('reads the old format without a space after the colon', () => {
    const [eth0] = parseNetDev(`${header}  eth0:1001048576 1001000 0 0 0 0 0 0 500524288 500500 0 0 0 0 0 0\n`);
    expect(eth0).toMatchObject({ device: 'eth0', rxBytes: 1001048576n, txPackets: 500500n });
  });

  it('rejects a truncated line', () => {
    expect(() => parseNetDev(`${header}  eth0: 1 2 3\n`)).toThrow(/3 counters/);
  });
});

describe('parseLoadavg', () => {
  it('reads the three averages, the task counts and the last pid', () => {
    expect(parseLoadavg('0.28 0.25 0.13 1/138 8335\n')).toEqual({
      load1: 0.28,
      load5: 0.25,
      load15: 0.13,
      runnable: 1,
      entities: 138,
      lastPid: 8335,
    });
  });

  it('rejects anything else', () => {
    expect(() => parseLoadavg('0.28 0.25 0.13 8335\n')).toThrow(ParseError);
    expect(() => parseLoadavg('high 0.25 0.13 1/2 3\n')).toThrow(/number/);
  });
});
