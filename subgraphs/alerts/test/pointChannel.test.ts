import { decodePointMessage, encodePointMessage, pointChannel as metricsChannel } from '../../metrics/src/live/pointChannel';
import { pointChannel, type PointMessage } from '../src/evaluate/alertEngine';

/** The evaluator reads what the metrics subgraph publishes: the two must agree on channel and payload. */
describe('points channel contract with the metrics subgraph', () => {
  it('names the same channel', () => {
    expect(pointChannel('t-1', 'c-1')).toBe(metricsChannel('t-1', 'c-1'));
  });

  it('reads the payload metrics writes', () => {
    const text = encodePointMessage({ c: 'c-1', p: [{ t: 1000, v: { cpu_user: 95 } }] });
    const read: PointMessage = JSON.parse(text) as PointMessage;
    expect(read).toEqual(decodePointMessage(text));
    expect(read.p[0]!.v.cpu_user).toBe(95);
  });
});
