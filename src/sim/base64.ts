/**
 * Bytes to and from base64 with the `btoa` and `atob` that browsers, workers and Node all have,
 * typed locally: src/sim is checked without DOM typings.
 */
const scope = globalThis as unknown as { btoa(text: string): string; atob(text: string): string };

/** The base64 text of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return scope.btoa(text);
}

/** The bytes of base64 `text`; throws a plain error for text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  let binary: string;
  try {
    binary = scope.atob(text);
  } catch {
    throw new Error('not base64 text');
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
