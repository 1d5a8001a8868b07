/**
 * Moves the pinned toolchain, the one place to do it:
 *   scripts/pinned node scripts/toolchain/pin.ts node@22.24.0 npm@11.20.0
 * writes .nvmrc, package.json's devEngines and the README's sentence. Then rewrite the lockfile
 * under the new pins (`scripts/pinned npm install`) and commit the four files together.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isExactVersion, readPins, withPins, type PackageJson } from './pins.ts';

const root = new URL('../../', import.meta.url);
const file = (name: string): URL => new URL(name, root);

const pkgText = readFileSync(file('package.json'), 'utf8');
const current = readPins(readFileSync(file('.nvmrc'), 'utf8'), JSON.parse(pkgText) as PackageJson);
const wanted: { node: string; npm: string } = { ...current };
for (const arg of process.argv.slice(2)) {
  const [tool, version = ''] = arg.split('@');
  if ((tool !== 'node' && tool !== 'npm') || !isExactVersion(version)) {
    console.error(`pin: "${arg}" is not node@<x.y.z> or npm@<x.y.z>`);
    process.exit(2);
  }
  wanted[tool] = version;
}
if (process.argv.length <= 2) {
  console.error('usage: node scripts/toolchain/pin.ts node@<x.y.z> npm@<x.y.z>   (either or both)');
  process.exit(2);
}

const next = withPins(wanted, pkgText, readFileSync(file('README.md'), 'utf8'));
writeFileSync(file('.nvmrc'), `${wanted.node}\n`);
writeFileSync(file('package.json'), next.pkgText);
writeFileSync(file('README.md'), next.readme);
console.log(
  `pinned Node.js ${wanted.node} and npm ${wanted.npm}. Now: scripts/pinned npm install, then commit .nvmrc, package.json, package-lock.json and README.md.`,
);
