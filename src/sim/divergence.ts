/** How many times its first-epoch value a training loss may grow before the run counts as diverged. */
export const DIVERGENCE_FACTOR = 100;

/**
 * Why a run has diverged, judged from its epoch's training loss and its loss after the first
 * epoch, or undefined while it has not: the loss is no longer finite, or it has grown to
 * {@link DIVERGENCE_FACTOR} times its first value (a cross-entropy computed from logits stays
 * finite while the weights run away, so NaN alone would catch too little). The lab stops a run
 * that diverges, with this message.
 */
export function divergence(epoch: number, first: number, loss: number): string | undefined {
  if (!Number.isFinite(loss)) {
    return `training diverged at epoch ${epoch}: the loss is no longer a finite number; lower the learning rate and start again`;
  }
  if (loss > DIVERGENCE_FACTOR * first) {
    return `training diverged at epoch ${epoch}: the loss grew from ${first.toFixed(2)} to ${loss.toFixed(2)}; lower the learning rate and start again`;
  }
  return undefined;
}
