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

/**
 * The props of a picture composition: the charts of a simulation, drawn alike by its island and by
 * its printed picture. A composition that needs more than its picture extends it with the rest.
 */
export interface PictureProps<Picture> {
  /** what it draws, as the simulation computes it from its state */
  picture: Picture;
  /** its accessible name in words; where it draws several charts, the start of each one's name */
  label: string;
}
