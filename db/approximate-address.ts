import { isIPv4, isIPv6 } from 'node:net';

/**
 * A client address as the session list shows it: enough to recognise a network, not to find a
 * household. IPv4 keeps its /24 (`203.0.113.0/24`), IPv6 its /48 (`2001:db8:5::/48`, a site's
 * prefix); an IPv4-mapped IPv6 address counts as IPv4. Anything else (`unknown`) is returned as null.
 */
export function approximateAddress(address: string | null | undefined): string | null {
  const value = address?.trim() ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const v4 = mapped ? mapped[1] : value;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(value)) return null;
  const groups = expandIPv6(value.split('%')[0]).slice(0, 3).map((g) => Number.parseInt(g, 16).toString(16));
  // Trailing zero groups of the prefix fold into the "::" that follows it anyway.
  while (groups.length > 0 && groups[groups.length - 1] === '0') groups.pop();
  return `${groups.join(':')}::/48`;
}

/** The eight 16-bit groups of a valid IPv6 address, with "::" expanded (an embedded IPv4 tail is ignored). */
function expandIPv6(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, null];
  const headGroups = head ? head.split(':') : [];
  if (tail === null) return headGroups;
  const tailGroups = tail ? tail.split(':') : [];
  return [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
}
