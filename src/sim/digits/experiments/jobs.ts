import type { DigitsJob } from '../job.ts';
import type { DigitSplit } from '../split.ts';
import { averagingJob } from './averaging.ts';
import { epochsJob } from './epochs.ts';
import { featuresJob } from './features.ts';
import { checkPoint, type DigitsPoint, type PointResult } from './points.ts';
import { sizeJob } from './size.ts';

/** The job that computes `point` on `digits`, after checking the point is within bounds. */
export function makeJob(point: DigitsPoint, digits: DigitSplit): DigitsJob<PointResult> {
  checkPoint(point, digits.train.count);
  switch (point.experiment) {
    case 'epochs':
      return epochsJob(point, digits);
    case 'size':
      return sizeJob(point, digits);
    case 'averaging':
      return averagingJob(point, digits);
    case 'features':
      return featuresJob(point, digits);
  }
}
