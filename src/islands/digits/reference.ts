/**
 * The reference results the lab's figures show on first view (src/lib/digits-reference.ts),
 * checked against the digit file this build ships. Imported by the digits island and its printed
 * picture, so no other page's scripts carry them.
 */
import { DIGITS_ASSET } from 'virtual:mnist-digits';
import { checkShippedDigits, DIGITS_REFERENCE } from '../../lib/digits-reference.ts';

checkShippedDigits(DIGITS_ASSET.sha256);

export const REFERENCE = DIGITS_REFERENCE;
