/**
 * Adler-32, the checksum that ends a zlib stream (RFC 1950). fflate's Unzlib inflates without
 * checking it, so a poster whose embedded map changed inside its compressed data would decode to
 * wrong text unnoticed. Chained: pass the previous value to continue over the next bytes.
 */
const MOD = 65521;
/** Bytes summed before the sums need reducing: the largest n with 255·n(n+1)/2 + (n+1)(MOD−1) < 2^53 is far larger; 5552 is zlib's 32-bit bound and keeps the sums small integers. */
const RUN = 5552;

export const adler32 = (bytes: Uint8Array, previous = 1): number => {
  let a = previous & 0xffff;
  let b = previous >>> 16;
  let at = 0;
  while (at < bytes.length) {
    const end = Math.min(bytes.length, at + RUN);
    for (; at < end; at++) {
      a += bytes[at] as number;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
};
