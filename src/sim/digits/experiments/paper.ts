/**
 * The dropout paper's test errors on handwritten digits that the course sets beside its own
 * (Srivastava, Hinton, Krizhevsky, Sutskever and Salakhutdinov 2014, "Dropout: a simple way to
 * prevent neural networks from overfitting", JMLR 15). Table 9 compares regularizers on one
 * network, 784-1024-1024-2048-10 ReLU units trained on all 60,000 MNIST training digits: max-norm
 * without and with dropout is the comparison of the course's two arms, which both keep max-norm.
 */
export const PAPER_TABLE_9 = {
  /** max-norm alone, no dropout: 1.35 % */
  maxNorm: 0.0135,
  /** dropout and max-norm: 1.05 % */
  dropoutMaxNorm: 0.0105,
  source: 'paper, 60,000 training digits, Table 9',
} as const;
