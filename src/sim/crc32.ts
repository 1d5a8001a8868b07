/**
 * CRC-32 as zip, gzip and PNG compute it (ISO-HDLC: the reflected polynomial 0xEDB88320, start
 * and final value 0xFFFFFFFF), one byte at a time from a 256-entry table.
 */

/** The remainder of each byte value, from the low bit up. */
const TABLE = Uint32Array.from({ length: 256 }, (_, byte) => {
  let c = byte;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/**
 * The CRC-32 of `bytes`, an unsigned 32-bit integer. Pass the CRC of earlier bytes as `crc` to
 * continue it: `crc32(b, crc32(a))` is the CRC of `a` followed by `b`.
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}
