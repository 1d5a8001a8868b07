/**
 * The reference results the lab's figures show on first view (src/lib/digits-reference.ts): imported
 * by the digits island and its printed picture, so no other page's scripts carry them.
 */
export { DIGITS_REFERENCE as REFERENCE } from '../../lib/digits-reference.ts';
