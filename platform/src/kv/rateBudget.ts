/**
 * One call against a rate budget of `max` calls per `windowMs`, as GCRA (the generic cell rate
 * algorithm, docs/limits.md): the budget is a burst of `max` calls refilled evenly, one every
 * `windowMs / max`. Its whole state is one number per key, the theoretical arrival time (TAT):
 * when the budget is full again. A refused call changes nothing.
 */
export interface RateSpend {
  /** Calls the budget held before this one: 0…max-1 when this call was spent, `max` when refused. */
  readonly used: number;
  /** 0 when the call was spent, else the ms until one more call fits. */
  readonly retryInMs: number;
}

/** The GCRA step on a stored TAT (ms; undefined when none): the spend and the TAT to keep (undefined: keep the old one). */
export function gcraStep(tat: number | undefined, now: number, max: number, windowMs: number): RateSpend & { readonly tat?: number } {
  const interval = windowMs / max;
  const ahead = Math.max(0, (tat ?? now) - now);
  if (ahead + interval <= windowMs)
    return { used: Math.min(max - 1, Math.ceil(ahead / interval)), retryInMs: 0, tat: now + ahead + interval };
  return { used: max, retryInMs: Math.ceil(ahead + interval - windowMs) };
}

/**
 * gcraStep in Redis, atomically in one round trip (EVALSHA through ioredis' defineCommand): one
 * key, so it runs on a Redis Cluster too; Redis's own clock, so gateways on several machines
 * share one time. KEYS[1] budget; ARGV max, window ms. Returns {used, retryInMs}.
 */
export const GCRA_LUA = `
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local interval = window / max
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ahead = (tonumber(redis.call('GET', KEYS[1])) or now) - now
if ahead < 0 then ahead = 0 end
if ahead + interval <= window then
  redis.call('SET', KEYS[1], string.format('%.17g', now + ahead + interval), 'PX', math.ceil(ahead + interval))
  return {math.min(max - 1, math.ceil(ahead / interval)), 0}
end
return {max, math.ceil(ahead + interval - window)}
`;
