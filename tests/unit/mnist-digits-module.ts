/**
 * `virtual:mnist-digits` for the unit tests (vitest.config.ts aliases it here): the asset the build
 * makes of the course's digits at the root path, as src/data/integration.ts makes it.
 */
import { digitsAssetOf, mnistDigitFile } from '../../src/data/integration.ts';

export const DIGITS_ASSET = digitsAssetOf(await mnistDigitFile(), '/');
