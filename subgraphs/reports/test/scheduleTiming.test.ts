import { checkCron, checkTimeZone, nextRunAfter, windowOf } from '../src/schedule/scheduleTiming';

describe('schedule timing', () => {
  it('accepts five-field cron expressions and normalises their spacing', () => {
    expect(checkCron(' 0  6 * * 1 ')).toBe('0 6 * * 1');
    expect(checkCron('*/15 8-18 * * mon-fri')).toBe('*/15 8-18 * * mon-fri');
  });

  it.each([
    ['61 * * * *', /valid expression/],
    ['* * * *', /five fields/],
    ['* * * * * *', /five fields/],
    ['@secondly', /five fields/],
    ['0 6 * * funday', /valid expression/],
  ])('refuses %s with BAD_USER_INPUT on the cron field', (cron, message) => {
    expect(() => checkCron(cron)).toThrow(message);
    expect(() => checkCron(cron)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'cron' }) }),
    );
  });

  it('accepts IANA zones and refuses anything else with BAD_USER_INPUT on timeZone', () => {
    expect(checkTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(checkTimeZone('UTC')).toBe('UTC');
    for (const zone of ['Mars/Base', 'CEST+2', '', 'Europe/Berlin; DROP']) {
      expect(() => checkTimeZone(zone)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'timeZone' }) }),
      );
    }
  });

  it('finds the next run in the schedule’s zone', () => {
    // 06:00 in Berlin on Mondays; 2026-12-03 is a Thursday, Berlin is UTC+1 in winter.
    expect(nextRunAfter('0 6 * * 1', 'Europe/Berlin', new Date('2026-12-03T12:00:00Z')).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(nextRunAfter('0 6 * * 1', 'UTC', new Date('2026-12-07T06:00:00Z')).toISOString()).toBe('2026-12-14T06:00:00.000Z');
  });

  it('computes the previous hour, day and ISO week in the zone', () => {
    const at = new Date('2026-12-07T05:00:00Z'); // Monday 06:00 in Berlin
    expect(windowOf('PREVIOUS_HOUR', 'Europe/Berlin', at)).toEqual({ from: new Date('2026-12-07T04:00:00Z'), to: at });
    expect(windowOf('PREVIOUS_DAY', 'Europe/Berlin', at)).toEqual({
      from: new Date('2026-12-05T23:00:00Z'),
      to: new Date('2026-12-06T23:00:00Z'),
    });
    expect(windowOf('PREVIOUS_WEEK', 'Europe/Berlin', at)).toEqual({
      from: new Date('2026-11-29T23:00:00Z'),
      to: new Date('2026-12-06T23:00:00Z'),
    });
  });

  it('gives the day a daylight-saving change shortens 23 hours', () => {
    // Berlin moved its clocks forward on Sunday 2026-03-29.
    const { from, to } = windowOf('PREVIOUS_DAY', 'Europe/Berlin', new Date('2026-03-30T06:00:00Z'));
    expect(from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(to.getTime() - from.getTime()).toBe(23 * 3_600_000);
  });
});
