/**
 * What the dropout paper reports on handwritten digits (Srivastava, Hinton, Krizhevsky, Sutskever
 * and Salakhutdinov 2014, "Dropout: a simple way to prevent neural networks from overfitting",
 * JMLR 15), as the lab quotes it beside its own results. The paper trained on all 60,000 MNIST
 * training digits with far longer schedules; its numbers are at its scale, not the lab's.
 */

export { PAPER_TABLE_9 } from '../../sim/digits/experiments/paper.ts';

/** Section 7.4, Figure 10: data-set size, stated in words (the paper gives no table). */
export const PAPER_SIZE =
  'Srivastava et al. 2014, §7.4, Fig. 10 (MNIST subsets of 100 to 50,000 digits): “for extremely small data sets ' +
  '(100, 500) dropout does not give any improvements”; as the data set grows, dropout’s gain grows, and then ' +
  'shrinks again for the largest sets.';

/** Section 7.5, Figure 11: Monte Carlo model averaging against weight scaling. */
export const PAPER_AVERAGING =
  'Srivastava et al. 2014, §7.5, Fig. 11 (MNIST): “around k = 50, the Monte-Carlo method becomes as good as the ' +
  'approximate method” (weight scaling); beyond it, the average of k thinned networks is slightly better.';

/** Sections 7.1–7.2, Figures 7–8: features and sparsity, of an autoencoder with 256 hidden units. */
export const PAPER_FEATURES =
  'Srivastava et al. 2014, §7.1–7.2, Figs. 7–8 (an autoencoder with 256 hidden units on MNIST, not this classifier): ' +
  'with dropout, the features look like strokes and most units are inactive on any one digit; the mean activation ' +
  'falls from about 2.0 without dropout to about 0.7 with it.';
