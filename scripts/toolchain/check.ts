/**
 * `npm run check:toolchain`, and the first step of `.ci/run` before anything is installed: the
 * pins agree wherever they are written, this is the pinned Node.js (and npm, when npm started it),
 * and package-lock.json is the one `npm install` writes for package.json. Node built-ins only, so it
 * runs before `npm ci`. Exits 1 with what to do when something disagrees.
 */
import { readFileSync } from 'node:fs';
import { lockProblems, pinProblems, readPins, runtimeProblems, type Lockfile, type PackageJson } from './pins.ts';

const root = new URL('../../', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, root), 'utf8');

const nvmrc = read('.nvmrc');
const pkg = JSON.parse(read('package.json')) as PackageJson;
const lock = JSON.parse(read('package-lock.json')) as Lockfile;
const pins = readPins(nvmrc, pkg);
// npm names itself in the user agent of the scripts it runs: "npm/11.19.1 node/v22.23.3 …".
const npmVersion = /^npm\/(\S+)/.exec(process.env['npm_config_user_agent'] ?? '')?.[1];

const sections: [string, string[], string][] = [
  [
    'The pinned versions disagree:',
    pinProblems(nvmrc, pkg, read('README.md')),
    'Move a pin with `scripts/pinned node scripts/toolchain/pin.ts node@<version> npm@<version>`, which writes every place.',
  ],
  [
    'This is not the pinned toolchain:',
    runtimeProblems(pins, process.version, npmVersion),
    `Run commands through \`scripts/pinned\` (for example \`scripts/pinned npm test\`), or install Node.js ${pins.node} and npm ${pins.npm}.`,
  ],
  [
    'package.json and package-lock.json disagree:',
    lockProblems(pkg, lock),
    'Run `scripts/pinned npm install` to rewrite the lockfile with the pinned npm, then commit package.json and package-lock.json together.',
  ],
];

let failed = false;
for (const [heading, problems, remedy] of sections) {
  if (problems.length === 0) continue;
  failed = true;
  console.error(`toolchain: ${heading}\n${problems.map((p) => `  - ${p}`).join('\n')}\n  ${remedy}\n`);
}
if (failed) process.exit(1);
console.log(`toolchain: Node.js ${pins.node} and npm ${pins.npm}; package-lock.json matches package.json.`);
