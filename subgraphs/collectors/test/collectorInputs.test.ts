import { validate } from 'class-validator';
import { RegisterCollectorInput, UpdateCollectorInput } from '../src/collector/collector.inputs.js';

const problems = async (cls: new () => object, value: object): Promise<string[]> =>
  (await validate(Object.assign(new cls(), value))).map((e) => e.property);

describe('RegisterCollectorInput', () => {
  it('accepts a typical machine', async () => {
    expect(
      await problems(RegisterCollectorInput, { machineId: 'web-01:a', hostname: 'web-01.example.com', ip: '10.0.0.5', site: 'ams' }),
    ).toEqual([]);
  });

  it.each([
    [{ machineId: '', hostname: 'h' }, 'machineId'],
    [{ machineId: 'a b', hostname: 'h' }, 'machineId'],
    [{ machineId: 'm'.repeat(201), hostname: 'h' }, 'machineId'],
    [{ machineId: 'm', hostname: 'bad host' }, 'hostname'],
    [{ machineId: 'm', hostname: 'h', ip: '999.1.1.1' }, 'ip'],
    [{ machineId: 'm', hostname: 'h', site: 's'.repeat(101) }, 'site'],
  ])('refuses %j on %s', async (value, property) => {
    expect(await problems(RegisterCollectorInput, value)).toContain(property);
  });
});

describe('UpdateCollectorInput', () => {
  it('accepts an empty update and refuses a bad host name', async () => {
    expect(await problems(UpdateCollectorInput, {})).toEqual([]);
    expect(await problems(UpdateCollectorInput, { hostname: 'a/b' })).toEqual(['hostname']);
  });
});
