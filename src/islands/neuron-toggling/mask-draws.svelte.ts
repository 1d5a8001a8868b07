import { drawMask } from '../../sim/sampling.ts';
import { maskString } from './summary.ts';

/**
 * The masks "Sample a mask" draws, in turn, from the seed's stream: a mask of a dozen units takes
 * microseconds, so it is drawn on the page. How many were drawn is the run's progress (a run file
 * restores it), since the next mask depends on it.
 */
export class MaskDraws {
  /** masks drawn so far: the next one is this draw of the seed's stream */
  count = $state(0);
  readonly #units: number;
  readonly #values: { p: number; seed: number; mask: string };

  constructor(units: number, values: { p: number; seed: number; mask: string }) {
    this.#units = units;
    this.#values = values;
  }

  /** Draws the next mask into the state. */
  next(): void {
    const { p, seed } = this.#values;
    this.#values.mask = maskString(drawMask(this.#units, p, seed, this.count));
    this.count += 1;
  }

  /** Goes back to `progress` masks drawn, as a run file saved it. */
  restore(progress: number | undefined): void {
    this.count = progress ?? 0;
  }
}
