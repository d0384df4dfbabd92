import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

const V4_BLOCKED: readonly [string, number][] = [
  ['0.0.0.0', 8], // unspecified / "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.88.99.0', 24], // 6to4 relay anycast: forwards into whatever IPv4 the packet embeds
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

function v4Blocked(address: string): boolean {
  const value = ipv4ToInt(address);
  return V4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    const start = ipv4ToInt(base);
    return value >= start && value < start + size;
  });
}

/** The 8 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v = ipv4ToInt(dotted[1]!);
    text = text.slice(0, -dotted[1]!.length) + `${(v >>> 16).toString(16)}:${(v & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/** The dotted IPv4 address carried in two 16-bit groups. */
function v4From(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

function v6Blocked(address: string): boolean {
  const g = ipv6Groups(address);
  if (g.length !== 8 || g.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffff)) return true;
  const embeddedV4 = v4From(g[6]!, g[7]!);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return v4Blocked(embeddedV4); // ::ffff:a.b.c.d (IPv4-mapped)
  if (g.slice(0, 6).every((x) => x === 0)) return true; // :: , ::1 and the deprecated IPv4-compatible range
  if (g[0] === 0x64 && g[1] === 0xff9b) return v4Blocked(embeddedV4); // NAT64 well-known prefix
  if (g[0] === 0x2002) return v4Blocked(v4From(g[1]!, g[2]!)); // 6to4 2002:AABB:CCDD::/48 routes to AA.BB.CC.DD
  if (g[0] === 0x2001 && g[1] === 0) {
    // Teredo 2001:0::/32: the server IPv4 in groups 2-3, the client IPv4 inverted in groups 6-7.
    return v4Blocked(v4From(g[2]!, g[3]!)) || v4Blocked(v4From(g[6]! ^ 0xffff, g[7]! ^ 0xffff));
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  return false;
}

/**
 * True when an address must not be a webhook target: unspecified, loopback, private,
 * link-local, carrier-grade NAT, multicast or reserved, in IPv4 or IPv6 (the IPv4 embedded in
 * IPv4-mapped, NAT64, 6to4 and Teredo addresses is judged as IPv4).
 * Anything that is not an IP literal is refused too.
 */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address.split('%')[0]!);
  if (family === 4) return v4Blocked(address);
  if (family === 6) return v6Blocked(address);
  return true;
}

export type HostResolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: HostResolver = (host) => lookup(host, { all: true, verbatim: true });

/** What a webhook target may be (alert and report webhooks alike); see docs/webhook-targets.md. */
export interface TargetPolicy {
  /** Loopback, private and link-local targets allowed, on any port (tests, on-prem receivers). */
  readonly allowPrivate: boolean;
  /** Ports allowed besides 80 and 443. */
  readonly extraPorts: readonly number[];
}

const STANDARD_PORTS: readonly number[] = [80, 443];

function refusePort(url: URL, policy: TargetPolicy): string | undefined {
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (STANDARD_PORTS.includes(port) || policy.extraPorts.includes(port)) return undefined;
  return `port ${port} is not allowed; webhooks go to 80 or 443 (set ALERTS_WEBHOOK_PORTS to allow more)`;
}

/** Why a target URL is refused, or undefined when its port and every address it resolves to are allowed. */
export async function refuseTarget(url: URL, policy: TargetPolicy, resolve: HostResolver = systemResolver): Promise<string | undefined> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs can receive webhooks';
  if (url.username || url.password) return 'credentials in the URL are not allowed; use the signing secret';
  if (policy.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await resolve(host)).map((a) => a.address);
  } catch {
    return `the host ${host} does not resolve`;
  }
  if (addresses.length === 0) return `the host ${host} does not resolve`;
  const forbidden = addresses.find(isForbiddenAddress);
  return forbidden
    ? `the host resolves to ${forbidden}, a loopback, private, link-local or otherwise internal address (set ALERTS_WEBHOOK_ALLOW_PRIVATE to allow)`
    : refusePort(url, policy);
}
