import { isIP } from 'node:net';

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
export function normaliseAddress(address: string | undefined): string {
  const value = (address ?? '').trim();
  return value.toLowerCase().startsWith('::ffff:') && isIP(value.slice(7)) === 4 ? value.slice(7) : value || 'unknown';
}

/**
 * The client's address: the TCP peer, unless that peer is one of the configured trusted proxies,
 * in which case the right-most X-Forwarded-For entry that is not itself a trusted proxy. With no
 * trusted proxies configured, X-Forwarded-For is ignored (anyone can write it).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string {
  const remote = normaliseAddress(peer);
  if (trustedProxies.length === 0 || forwardedFor === undefined) return remote;
  const trusted = new Set(trustedProxies.map(normaliseAddress));
  if (!trusted.has(remote)) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => normaliseAddress(hop))
    .filter((hop) => hop !== 'unknown');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trusted.has(hop)) return isIP(hop) ? hop : remote;
  }
  return remote;
}
