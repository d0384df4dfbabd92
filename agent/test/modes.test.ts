import type { MetricPoint } from '@perfanalysis/contract';
import { createSampler } from '../src/createSampler.js';
import { AuthRejectedError } from '../src/errors/AuthRejectedError.js';
import { RetryableError } from '../src/errors/RetryableError.js';
import { runTrickle } from '../src/modes/runTrickle.js';
import { runUpload } from '../src/modes/runUpload.js';
import { createShipper } from '../src/shipper/createShipper.js';
import { openSpool } from '../src/spool/openSpool.js';
import { FakeTransport } from './helpers/fakeTransport.js';
import { fixtureProc, tempDir } from './helpers/fixtureProc.js';
import { manualClock } from './helpers/manualClock.js';

/** A sampler over a fixture sequence whose steps advance with the manual clock's sleeps. */
function fixtureRig(sequence: string) {
  const proc = fixtureProc(sequence);
  const time = manualClock();
  const sampler = createSampler({ procRoot: proc.root, clock: time.clock });
  const sleep = time.sleep(() => proc.next());
  return { proc, time, sampler, sleep, durationMs: (proc.steps.length - 1) * 1000 };
}
const stamps = (points: readonly MetricPoint[]): string[] => points.map((p) => new Date(p.timestamp).toISOString().slice(11, 19));

describe('trickle mode', () => {
  it('hands one point per period to the shipper and drains at the end', async () => {
    const rig = fixtureRig('disk-appear');
    const transport = new FakeTransport();
    const spool = openSpool({ dir: tempDir('trickle'), fsync: false });
    const shipper = createShipper({ transport, spool, sleep: rig.sleep });
    const result = await runTrickle({ sampler: rig.sampler, shipper, durationMs: rig.durationMs, clock: rig.time.clock, sleep: rig.sleep });
    spool.close();
    rig.proc.remove();
    expect(result).toEqual({ points: 3, drained: true });
    expect(stamps(transport.stored)).toEqual(['12:00:01', '12:00:02', '12:00:03']);
  });

  it('leaves what it could not send in the spool when the server stays away', async () => {
    const rig = fixtureRig('disk-appear');
    const transport = new FakeTransport();
    transport.failWith = new RetryableError('ECONNREFUSED');
    const dir = tempDir('trickle-down');
    const spool = openSpool({ dir, fsync: false });
    const shipper = createShipper({ transport, spool, sleep: rig.sleep, random: () => 0 });
    const result = await runTrickle({
      sampler: rig.sampler,
      shipper,
      durationMs: rig.durationMs,
      drainTimeoutMs: 5000,
      clock: rig.time.clock,
      sleep: rig.sleep,
    });
    expect(result).toEqual({ points: 3, drained: false });
    expect(stamps(spool.peek(10))).toEqual(['12:00:01', '12:00:02', '12:00:03']);
    spool.close();
    rig.proc.remove();
  });

  it('ends with the fatal error when the key is rejected', async () => {
    const rig = fixtureRig('disk-appear');
    const transport = new FakeTransport();
    transport.failWith = new AuthRejectedError();
    const spool = openSpool({ dir: tempDir('trickle-auth'), fsync: false });
    const shipper = createShipper({ transport, spool, sleep: rig.sleep });
    await expect(
      runTrickle({ sampler: rig.sampler, shipper, durationMs: 0, clock: rig.time.clock, sleep: rig.sleep }),
    ).rejects.toBeInstanceOf(AuthRejectedError);
    expect(transport.attempts).toBe(1);
    spool.close();
    rig.proc.remove();
  });
});

describe('upload mode', () => {
  it('spools every point while collecting, then uploads them in batches of the transport size', async () => {
    const rig = fixtureRig('cpu-hotplug');
    const transport = new FakeTransport(2);
    const spool = openSpool({ dir: tempDir('upload'), fsync: false });
    const result = await runUpload({
      sampler: rig.sampler,
      spool,
      transport,
      durationMs: rig.durationMs,
      clock: rig.time.clock,
      sleep: rig.sleep,
    });
    expect(result).toEqual({ points: 3, uploaded: true });
    expect(transport.batches.map(stamps)).toEqual([['12:00:01', '12:00:02'], ['12:00:03']]);
    expect(spool.size).toBe(0);
    spool.close();
    rig.proc.remove();
  });
});
