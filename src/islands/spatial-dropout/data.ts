import type { DataTable } from '../../lib/export/run-data.ts';
import { DIGIT_PIXELS, DIGIT_SIDE } from '../../sim/digits/digits.ts';
import type { SpatialResult } from '../../sim/conv/spatial-job.ts';
import { SPATIAL_SETUP } from '../../sim/conv/spatial-setup.ts';
import { readoutTable } from '../run-tables.ts';
import type { DigitMeasures, ShownDigit } from './picture.ts';
import { NETWORK_NAMES } from './summary.ts';

/** The row and column (from 1) of pixel `k` of a 28 × 28 picture. */
const place = (k: number) => [Math.floor(k / DIGIT_SIDE) + 1, (k % DIGIT_SIDE) + 1];

/**
 * The numbers of a spatial-dropout run, for the Export dialog: the three networks' validation
 * errors and the measures over all measured digits, once trained; the shown digit's pixels, its
 * feature maps with the page's mask over them (the heat maps) and that mask's measures on it.
 * Before the training ends, only the mask, which is drawn on the page; `measures` are the mask's on
 * the shown digit.
 */
export function spatialTables(
  mask: Uint8Array,
  result: SpatialResult | undefined,
  shown: ShownDigit | undefined,
  measures: DigitMeasures | undefined,
): DataTable[] {
  const maps = shown?.maps;
  const channelMaps: DataTable = {
    title: 'Feature maps of the shown digit, and the mask over them',
    columns: ['channel', 'row', 'column', 'activation (ReLU), network without dropout', 'kept (1) or dropped (0)'],
    rows: Array.from(mask, (kept, k) => [
      Math.floor(k / DIGIT_PIXELS) + 1,
      ...place(k % DIGIT_PIXELS),
      maps?.[k] ?? '',
      kept,
    ]),
  };
  if (!result || !shown || !measures) return [channelMaps];
  return [
    {
      title: 'Validation error of each network',
      columns: ['network', `validation error (fraction of ${SPATIAL_SETUP.validationDigits} digits)`],
      rows: NETWORK_NAMES.map((name, i) => [name, result.errors[i] ?? '']),
    },
    readoutTable(`Neighbour measures over ${SPATIAL_SETUP.measureDigits} validation digits`, [
      ['neighbour correlation r', result.correlation],
      ['R² of element-wise holes from their kept neighbours', result.elementR2],
      ['R² of channel holes from their kept neighbours', result.channelR2],
    ]),
    {
      title: 'Pixels of the shown digit',
      columns: ['row', 'column', 'intensity (0 to 255)'],
      rows: Array.from(shown.pixels, (value, k) => [...place(k), value]),
    },
    channelMaps,
    readoutTable('The mask on the shown digit', [
      ['class of the digit', shown.label],
      ['activations dropped', measures.dropped],
      ['activations', measures.activations],
      ['neighbour correlation r, this digit', measures.correlation],
      ['R² of the dropped activations from their kept neighbours', measures.r2],
    ]),
  ];
}
