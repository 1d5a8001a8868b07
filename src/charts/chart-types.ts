/** One distribution over a histogram's shared bins. */
export interface Series {
  /** height of each bin, as a probability or a fraction */
  heights: ArrayLike<number>;
  look: 'fill' | 'outline';
  tone: string;
}

/** A vertical line at a value, with its label. */
export interface MarkerSpec {
  value: number;
  label: string;
  tone: string;
  dashed?: boolean;
}
