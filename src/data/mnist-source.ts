/**
 * Reads the MNIST digits of the `mnist` package (MIT, Juan Cazala): `src/digits/<d>.json` holds
 * `{ data: number[] }`, every digit d's images one after another, 784 intensities each, written as
 * v / 255 rounded to three decimals. Build time and scripts only (Node's file system).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DIGIT_CLASSES, DIGIT_PIXELS, assertDigits, type Digits } from '../sim/digits/digits.ts';

/** The package's digits folder. */
export function mnistPackageDigitsDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/**
 * Every digit of the package, in its order (all 0s, then all 1s, …), as bytes. A value that is
 * not v / 255 to three decimals for a whole v in 0–255 throws, naming the file and position.
 */
export async function readMnistPackage(dir = mnistPackageDigitsDir()): Promise<Digits> {
  const parts: { label: number; values: number[] }[] = [];
  for (let label = 0; label < DIGIT_CLASSES; label++) {
    const file = join(dir, `${label}.json`);
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { data?: unknown };
    if (!Array.isArray(parsed.data) || parsed.data.length % DIGIT_PIXELS !== 0) {
      throw new Error(`${file}: expected { data: [...] } with a multiple of ${DIGIT_PIXELS} values`);
    }
    parts.push({ label, values: parsed.data as number[] });
  }
  const count = parts.reduce((sum, part) => sum + part.values.length / DIGIT_PIXELS, 0);
  const pixels = new Uint8Array(count * DIGIT_PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const { label, values } of parts) {
    labels.fill(label, at / DIGIT_PIXELS, at / DIGIT_PIXELS + values.length / DIGIT_PIXELS);
    for (const [i, value] of values.entries()) {
      const byte = Math.round(value * 255);
      if (typeof value !== 'number' || byte < 0 || byte > 255 || Math.abs(byte / 255 - value) > 0.0005 + 1e-9) {
        throw new Error(`mnist/src/digits/${label}.json: value ${String(value)} at ${i} is not a grey level v / 255`);
      }
      pixels[at + i] = byte;
    }
    at += values.length;
  }
  const digits = { count, pixels, labels };
  assertDigits(digits);
  return digits;
}
