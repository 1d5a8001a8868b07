/**
 * Colour science for the palette test: how a colour looks under the common colour-vision
 * deficiencies (Machado, Oliveira and Fernandes 2009, the matrices of severity 1.0, applied to
 * linear RGB), its CIELAB coordinates (D65) for the distance ΔE*ab between two colours, and WCAG
 * 2's contrast ratio.
 */
import type { Rgb } from '../../src/charts/palette.ts';

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

const MACHADO: Record<Exclude<Vision, 'normal'>, readonly (readonly [number, number, number])[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (byte: number) => {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Linear RGB of a colour as seen with `vision`, each channel clamped to [0, 1]. */
export function seen(colour: Rgb, vision: Vision): [number, number, number] {
  const linear = colour.map(toLinear) as [number, number, number];
  if (vision === 'normal') return linear;
  return MACHADO[vision].map((row) =>
    Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])),
  ) as [number, number, number];
}

/** CIELAB (D65) of a linear RGB colour. */
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** ΔE*ab between two colours as seen with `vision`. */
export function distance(a: Rgb, b: Rgb, vision: Vision): number {
  const [l1, a1, b1] = lab(seen(a, vision));
  const [l2, a2, b2] = lab(seen(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const luminance = (colour: Rgb) => {
    const [r, g, bl] = colour.map(toLinear) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
