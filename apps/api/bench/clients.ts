import { randomInt } from 'node:crypto';

/** 198.18.0.0/15, set aside for benchmarks (RFC 2544): 131 072 addresses. */
const ADDRESSES = 1 << 17;
/** Each run starts somewhere else, so a run soon after another finds fresh per-IP counters. */
const START = randomInt(ADDRESSES);

/**
 * The n-th client of a scenario that stands for many people. The bench server trusts
 * X-Forwarded-For (TRUST_PROXY, as the API runs behind nginx), so each request counts against its
 * own client's per-IP limits; the limits themselves are the production ones.
 */
export function clientAddress(n: number): string {
  const i = (START + n) % ADDRESSES;
  return `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
}

/** The header that names the n-th client. */
export const fromClient = (n: number) => ({ 'x-forwarded-for': clientAddress(n) });
