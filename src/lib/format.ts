import { MISTAKE_MODES, type DropoutMode } from '../sim/dropout.ts';

/** A number for reading aloud and on screen: fixed decimals, a true minus sign, no "-0.00". */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text.replace('-', '−');
}

/** A probability as a percentage: "2.49 %"; tiny ones in scientific notation ("3.1 × 10⁻⁸ %"). */
export function formatPercent(probability: number, decimals = 2): string {
  if (!Number.isFinite(probability)) return String(probability);
  const percent = probability * 100;
  if (percent !== 0 && Math.abs(percent) < 0.5 * 10 ** -decimals) return `${formatScientific(percent)} %`;
  return `${formatNumber(percent, decimals)} %`;
}

/** A number in scientific notation with one decimal: "3.4 × 10³⁸". */
export function formatScientific(value: number): string {
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const superscript = String(Number(exponent)).replace(/[-0-9]/g, (c) =>
    '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.charAt('-0123456789'.indexOf(c)),
  );
  return `${mantissa} × 10${superscript}`;
}

/** A dropout mode as a mode picker names it: a mistake says so ("scale-by-p (mistake)"). */
export function modeLabel(mode: DropoutMode): string {
  return MISTAKE_MODES.includes(mode) ? `${mode} (mistake)` : mode;
}
