/**
 * The pinned toolchain and the checks that keep it in one piece. `.nvmrc` holds the Node.js
 * version and `devEngines.packageManager` in package.json the npm version; `devEngines.runtime`
 * and the README's "pinned" sentence repeat them and must agree. The lockfile must be the one
 * that `npm install` writes for package.json, so that `npm ci` installs exactly it.
 * Pure functions over file contents: `check.ts` and `pin.ts` do the reading and writing.
 */

/** An exact version, `major.minor.patch`, with no range or `v` prefix. */
const EXACT = /^\d+\.\d+\.\d+$/;

/** The README sentence that names the pins; `pin.ts` rewrites it. */
export const README_PINS = /Node\.js (\S+) and npm (\S+) are pinned/;

/** The project's exact tool versions. */
export interface Pins {
  /** Node.js version, from `.nvmrc` */
  readonly node: string;
  /** npm version, from package.json's `devEngines.packageManager.version` */
  readonly npm: string;
}

/** A package.json as far as these checks read it. */
export interface PackageJson {
  readonly [field: string]: unknown;
  readonly devEngines?: {
    readonly runtime?: { readonly name?: string; readonly version?: string; readonly onFail?: string };
    readonly packageManager?: { readonly name?: string; readonly version?: string; readonly onFail?: string };
  };
}

/** A package-lock.json (version 3) as far as these checks read it. */
export interface Lockfile {
  readonly lockfileVersion?: number;
  readonly packages?: { readonly ''?: Readonly<Record<string, unknown>> };
}

/** The pins as the two files that own them say. */
export function readPins(nvmrc: string, pkg: PackageJson): Pins {
  return { node: nvmrc.trim(), npm: pkg.devEngines?.packageManager?.version ?? '' };
}

/** What disagrees between the pins and the places that repeat them, one sentence per problem. */
export function pinProblems(nvmrc: string, pkg: PackageJson, readme: string): string[] {
  const pins = readPins(nvmrc, pkg);
  const problems: string[] = [];
  if (!EXACT.test(pins.node)) {
    problems.push(`.nvmrc must hold one exact Node.js version such as 22.23.3; it holds "${pins.node}".`);
  }
  const { runtime, packageManager } = pkg.devEngines ?? {};
  if (packageManager?.name !== 'npm' || !EXACT.test(pins.npm) || packageManager.onFail !== 'error') {
    problems.push(
      'package.json: devEngines.packageManager must be { "name": "npm", "version": "<exact version>", "onFail": "error" }.',
    );
  }
  if (runtime?.name !== 'node' || runtime.version !== pins.node || runtime.onFail !== 'error') {
    problems.push(
      `package.json: devEngines.runtime must be { "name": "node", "version": "${pins.node}", "onFail": "error" }, the version in .nvmrc; it says ${JSON.stringify(runtime ?? null)}.`,
    );
  }
  const named = README_PINS.exec(readme);
  if (!named) {
    problems.push('README.md must say "Node.js <version> and npm <version> are pinned".');
  } else if (named[1] !== pins.node || named[2] !== pins.npm) {
    problems.push(
      `README.md says Node.js ${named[1]} and npm ${named[2]} are pinned; the pins are Node.js ${pins.node} and npm ${pins.npm}.`,
    );
  }
  return problems;
}

/** What the running tools lack against the pins (versions as `process.version`, `npm --version` print them). */
export function runtimeProblems(pins: Pins, nodeVersion: string, npmVersion: string | undefined): string[] {
  const problems: string[] = [];
  if (nodeVersion !== `v${pins.node}`)
    problems.push(`this is Node.js ${nodeVersion}; the project is pinned to ${pins.node}.`);
  if (npmVersion !== undefined && npmVersion !== pins.npm) {
    problems.push(`this is npm ${npmVersion}; the project is pinned to ${pins.npm}.`);
  }
  return problems;
}

/** The package.json fields npm copies into the lockfile's root entry (`packages[""]`). */
const ROOT_FIELDS = [
  'name',
  'version',
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bundleDependencies',
  'engines',
  'os',
  'cpu',
  'libc',
  'bin',
  'license',
  'workspaces',
] as const;

/** `{}` and absent mean the same to npm, which leaves empty objects out of the lockfile. */
function meaningful(value: unknown): unknown {
  if (value && typeof value === 'object' && Object.keys(value).length === 0) return undefined;
  return value ?? undefined;
}

/** Where package.json and the lockfile's record of it part ways, one sentence per field or dependency. */
export function lockProblems(pkg: PackageJson, lock: Lockfile): string[] {
  if (lock.lockfileVersion !== 3) {
    return [`package-lock.json has lockfileVersion ${String(lock.lockfileVersion)}; npm 7 and later write 3.`];
  }
  const root = lock.packages?.[''];
  if (!root) return ['package-lock.json has no root entry (packages[""]).'];
  const problems: string[] = [];
  for (const field of ROOT_FIELDS) {
    const wanted = meaningful(pkg[field]);
    const locked = meaningful(root[field]);
    if (JSON.stringify(wanted) === JSON.stringify(locked)) continue;
    if (isRecord(wanted) || isRecord(locked)) {
      const want = isRecord(wanted) ? wanted : {};
      const have = isRecord(locked) ? locked : {};
      for (const key of [...new Set([...Object.keys(want), ...Object.keys(have)])].sort()) {
        if (JSON.stringify(want[key]) === JSON.stringify(have[key])) continue;
        problems.push(
          `${field}.${key}: package.json says ${show(want[key])}, the lockfile was written for ${show(have[key])}.`,
        );
      }
    } else {
      problems.push(`${field}: package.json says ${show(wanted)}, the lockfile was written for ${show(locked)}.`);
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** package.json and the README with new pins written in; `.nvmrc` is `${pins.node}\n`. */
export function withPins(pins: Pins, pkgText: string, readme: string): { pkgText: string; readme: string } {
  const pkg = JSON.parse(pkgText) as Record<string, unknown>;
  pkg['devEngines'] = {
    runtime: { name: 'node', version: pins.node, onFail: 'error' },
    packageManager: { name: 'npm', version: pins.npm, onFail: 'error' },
  };
  return {
    pkgText: `${JSON.stringify(pkg, null, 2)}\n`,
    readme: readme.replace(README_PINS, `Node.js ${pins.node} and npm ${pins.npm} are pinned`),
  };
}

/** Whether a version is exact (`22.23.3`), as a pin must be. */
export function isExactVersion(version: string): boolean {
  return EXACT.test(version);
}
