/**
 * Which addresses LaySum may fetch when a user gave the URL (a watched feed,
 * a webhook): never the machine itself, the private network, link-local or
 * cloud-metadata addresses, unless the operator allows a host or range in
 * FETCH_ALLOW_PRIVATE. Ranges are checked with node's BlockList (which also
 * matches IPv4-mapped IPv6 addresses); the URL parser has already turned
 * decimal, octal and hex IPv4 forms (`2852039166`, `0x7f.1`) into dotted ones.
 */
import { BlockList, isIP } from 'node:net';

export const ALLOW_SETTING = 'FETCH_ALLOW_PRIVATE';

/** FETCH_ALLOW_PRIVATE as parsed (src/config/env-schema.ts): host names, and addresses or CIDR ranges. */
export interface PrivateAllowList {
  hosts: readonly string[];
  ranges: readonly { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[];
}

export const NO_PRIVATE: PrivateAllowList = { hosts: [], ranges: [] };

type Range = readonly [address: string, prefix: number];

/** [what it is, its ranges]: the first match names the refusal. */
const FORBIDDEN: readonly [string, 'ipv4' | 'ipv6', readonly Range[]][] = [
  ['a loopback address', 'ipv4', [['127.0.0.0', 8]]],
  ['a loopback address', 'ipv6', [['::1', 128]]],
  ['a link-local address (cloud metadata services live here)', 'ipv4', [['169.254.0.0', 16]]],
  ['a link-local address', 'ipv6', [['fe80::', 10]]],
  [
    'a private address',
    'ipv4',
    [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
  ],
  [
    'a private (unique local) address',
    'ipv6',
    [
      ['fc00::', 7],
      ['fec0::', 10],
    ],
  ],
  ['a carrier-grade NAT address', 'ipv4', [['100.64.0.0', 10]]],
  ['an unspecified or "this network" address', 'ipv4', [['0.0.0.0', 8]]],
  ['an unspecified or IPv4-compatible address', 'ipv6', [['::', 96]]],
  [
    'a reserved, documentation or benchmarking address',
    'ipv4',
    [
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      ['240.0.0.0', 4],
    ],
  ],
  ['a multicast address', 'ipv4', [['224.0.0.0', 4]]],
  ['a multicast address', 'ipv6', [['ff00::', 8]]],
  [
    'an address that embeds another IPv4 address (NAT64, 6to4, Teredo) or is reserved',
    'ipv6',
    [
      ['64:ff9b::', 96],
      ['64:ff9b:1::', 48],
      ['2002::', 16],
      ['2001::', 32],
      ['2001:db8::', 32],
      ['100::', 64],
    ],
  ],
];

const CLASSES = FORBIDDEN.map(([what, family, ranges]) => {
  const list = new BlockList();
  for (const [address, prefix] of ranges) list.addSubnet(address, prefix, family);
  return { what, list };
});

/** Names that only mean something inside a network: single labels, `.localhost`, `.internal`, `.local`, `.home.arpa`. */
const INTERNAL_NAME = /(^[^.]+$)|\.(localhost|internal|local|home\.arpa)$/;

function allowListOf(allow: PrivateAllowList): BlockList {
  const list = new BlockList();
  for (const r of allow.ranges) list.addSubnet(r.address, r.prefix, r.family);
  return list;
}

/** The URL's host without IPv6 brackets or a trailing dot, lower-case. */
export function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** What is wrong with fetching `address` (an IP), or null when it is a public address or allowed. */
export function addressProblem(address: string, allow: PrivateAllowList): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (isIP(address) === 0) return `${address} is not an IP address`;
  if (allowListOf(allow).check(address, family)) return null;
  const hit = CLASSES.find((c) => c.list.check(address, family));
  return hit ? `${address} is ${hit.what}` : null;
}

/**
 * What is wrong with fetching `url` before any name is resolved: not http(s),
 * a literal address in a forbidden range, or an internal-only name. Null
 * when it may go ahead (its resolved addresses are checked at connect time).
 */
export function urlProblem(url: URL, allow: PrivateAllowList): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} is not http(s)`;
  const host = hostOf(url);
  if (isAllowedHost(host, allow)) return null;
  if (isIP(host)) return addressProblem(host, allow);
  if (INTERNAL_NAME.test(host)) return `"${host}" is a name that only exists inside a network`;
  return null;
}

export function isAllowedHost(host: string, allow: PrivateAllowList): boolean {
  return allow.hosts.includes(host);
}

/** The hint every refusal carries: what LaySum refuses, and the setting that allows a real internal server. */
export function blockedHint(): string {
  return `LaySum does not fetch loopback, private, link-local or cloud-metadata addresses from a URL a user gave. If this really is a server on your own network, add its host name or address range to ${ALLOW_SETTING} (e.g. ${ALLOW_SETTING}=feeds.intranet.example,10.20.0.0/16).`;
}
