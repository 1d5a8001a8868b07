import { formatNumber, formatPercent } from '../../lib/format.ts';
import { bestValidation } from '../../sim/run-curves.ts';
import { curvesOf, PLAIN_TERMS, type History, type LabState } from './summary.ts';

/** How the lab names its two runs, the dropout run first. */
export interface RunNames {
  /** in the legend and above the decision maps: "with dropout", "annealed p = 0.5" */
  names: readonly [string, string];
  /** after a statistic's name and in the summaries: "Validation loss, without" */
  terms: readonly [string, string];
}

/** A dropout configuration in a few words: "annealed p = 0.5", "classic, constant p = 0.5 and 0.3, inputs 0.2". */
function configName(mode: string, p: number, p2: number, pIn: number, schedule: string): string {
  const rates = p === p2 ? formatNumber(p) : `${formatNumber(p)} and ${formatNumber(p2)}`;
  const inputs = pIn > 0 ? `, inputs ${formatNumber(pIn)}` : '';
  const kind = mode === 'inverted' ? '' : `${mode}, `;
  return `${kind}${schedule === 'linear' ? 'annealed' : 'constant'} p = ${rates}${inputs}`;
}

/** The runs' names for a state: with and without dropout, or each dropout configuration's in words. */
export function runNames(state: LabState): RunNames {
  if (state.pair === 'none') return { names: ['with dropout', 'without dropout'], terms: PLAIN_TERMS };
  let names = [
    configName(state.mode, state.p, state.p2, state.pIn, state.schedule),
    configName(state.pairMode, state.pairP, state.pairP, 0, state.pairSchedule),
  ] as const;
  if (names[0] === names[1]) names = [`${names[0]} (first)`, `${names[1]} (second)`] as const;
  return { names, terms: [`with ${names[0]}`, `with ${names[1]}`] };
}

const percent = (fraction: number): string => formatPercent(fraction, 1);
/** The newest value of a curve (NaN before the first epoch). */
const newest = (values: readonly number[]): number => values.at(-1) ?? Number.NaN;

/** A run's name at the start of a heading: "Annealed p = 0.50". */
export function headingOf(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Each run's best validation epoch against its end: "epoch 95: loss 0.34, accuracy 88.8 %; at the end 0.91, 83.3 %". */
export function bestEpochTexts(history: History): [string, string] | undefined {
  if (history.epochs.length === 0) return undefined;
  return ([0, 1] as const).map((r) => {
    const curves = curvesOf(history, r);
    const best = bestValidation(curves, history.epochs);
    if (!best) return '–';
    const end = `${formatNumber(newest(curves.validationLoss))}, ${percent(newest(curves.validationAccuracy))}`;
    return `epoch ${best.epoch}: loss ${formatNumber(best.loss)}, accuracy ${percent(best.accuracy)}; at the end ${end}`;
  }) as [string, string];
}

/** "Validation accuracy 84.3 % with dropout, 83.3 % without; training accuracy …" and each best validation epoch. */
export function describeAccuracy(history: History, terms: readonly [string, string]): string {
  const best = bestEpochTexts(history);
  if (!best) return '';
  const last = (r: 0 | 1, key: 'trainAccuracy' | 'validationAccuracy') => percent(newest(history.accuracy[r][key]));
  const both = (key: 'trainAccuracy' | 'validationAccuracy') =>
    `${last(0, key)} ${terms[0]}, ${last(1, key)} ${terms[1]}`;
  return (
    `Validation accuracy ${both('validationAccuracy')}; training accuracy ${both('trainAccuracy')}. ` +
    `Lowest validation loss ${terms[0]} at ${best[0]}. Lowest ${terms[1]} at ${best[1]}.`
  );
}
