/**
 * The reference results of the digits experiments as the site reads them, checked at build time
 * against the digit file the build ships: stale results fail the build with a message.
 */
import { DIGITS_ASSET } from 'virtual:mnist-digits';
import stored from '../data/digits-reference.json';
import { loadReference } from '../sim/digits/experiments/reference.ts';
import { TRAIN_DIGITS } from '../sim/digits/split.ts';

export const DIGITS_REFERENCE = loadReference(stored as unknown, DIGITS_ASSET.sha256, TRAIN_DIGITS);
