import ipaddr from 'ipaddr.js';

/** What one customer usually holds: a /24 of IPv4, a /56 of IPv6 (a home's usual share, RIPE-690). */
const PREFIX_BITS = { ipv4: 24, ipv6: 56 } as const;

/**
 * The network an address belongs to, as `1.2.3.0/24` or `2001:db8:1:200::/56` (an IPv4-mapped
 * IPv6 address counts as its IPv4 one), so limits can count a network that holds many addresses.
 * Anything that is not an address is returned as it is.
 */
export function networkOf(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  const bits = PREFIX_BITS[address.kind()];
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
  return `${network.toString()}/${bits}`;
}
