import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  lockProblems,
  pinProblems,
  readPins,
  runtimeProblems,
  withPins,
  type Lockfile,
  type PackageJson,
} from '../../scripts/toolchain/pins.ts';

const read = (name: string): string => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
const nvmrc = read('.nvmrc');
const pkgText = read('package.json');
const pkg = JSON.parse(pkgText) as PackageJson;
const lock = JSON.parse(read('package-lock.json')) as Lockfile;
const readme = read('README.md');

/** package.json with one dependency section changed. */
function withDependency(section: 'dependencies' | 'devDependencies', name: string, spec: string): PackageJson {
  const deps = { ...(pkg[section] as Record<string, string>), [name]: spec };
  return { ...pkg, [section]: deps };
}

describe('the pinned toolchain', () => {
  it('is written the same in .nvmrc, devEngines and the README, as exact versions', () => {
    expect(pinProblems(nvmrc, pkg, readme)).toEqual([]);
    const pins = readPins(nvmrc, pkg);
    expect(pins.node).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pins.npm).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('names each place that disagrees', () => {
    expect(pinProblems('22\n', pkg, readme)).toEqual(
      expect.arrayContaining([
        '.nvmrc must hold one exact Node.js version such as 22.23.3; it holds "22".',
        expect.stringMatching(/^package\.json: devEngines\.runtime must be .*"version": "22"/),
        expect.stringMatching(/^README\.md says Node\.js \S+ and npm \S+ are pinned; the pins are Node\.js 22 and/),
      ]),
    );
    const noNpm: PackageJson = { ...pkg, devEngines: { runtime: pkg.devEngines?.runtime ?? {} } };
    expect(pinProblems(nvmrc, noNpm, readme)).toContain(
      'package.json: devEngines.packageManager must be { "name": "npm", "version": "<exact version>", "onFail": "error" }.',
    );
    expect(pinProblems(nvmrc, pkg, '# A README that names no versions')).toEqual([
      'README.md must say "Node.js <version> and npm <version> are pinned".',
    ]);
  });

  it('tells another Node.js or npm from the pinned ones', () => {
    const pins = readPins(nvmrc, pkg);
    expect(runtimeProblems(pins, `v${pins.node}`, pins.npm)).toEqual([]);
    expect(runtimeProblems(pins, `v${pins.node}`, undefined)).toEqual([]);
    expect(runtimeProblems(pins, 'v20.20.2', '10.9.2')).toEqual([
      `this is Node.js v20.20.2; the project is pinned to ${pins.node}.`,
      `this is npm 10.9.2; the project is pinned to ${pins.npm}.`,
    ]);
  });

  it('is moved by one rewrite that leaves every place in agreement', () => {
    const pins = { node: '24.1.0', npm: '11.20.0' };
    const next = withPins(pins, pkgText, readme);
    const nextPkg = JSON.parse(next.pkgText) as PackageJson;
    expect(pinProblems(`${pins.node}\n`, nextPkg, next.readme)).toEqual([]);
    expect(readPins(`${pins.node}\n`, nextPkg)).toEqual(pins);
    // Everything but the pins stays as it was.
    expect({ ...nextPkg, devEngines: pkg.devEngines }).toEqual(pkg);
    expect(next.readme.replace('24.1.0', '').replace('11.20.0', '')).toBe(
      readme.replace(readPins(nvmrc, pkg).node, '').replace(readPins(nvmrc, pkg).npm, ''),
    );
  });
});

describe('package.json against package-lock.json', () => {
  it('agree as committed', () => {
    expect(lockProblems(pkg, lock)).toEqual([]);
  });

  it('names a changed, an added and a removed dependency with both sides', () => {
    expect(lockProblems(withDependency('devDependencies', 'vitest', '^9.0.0'), lock)).toEqual([
      expect.stringMatching(
        /^devDependencies\.vitest: package\.json says "\^9\.0\.0", the lockfile was written for "\^\d/,
      ),
    ]);
    expect(lockProblems(withDependency('dependencies', 'left-pad', '^1.3.0'), lock)).toEqual([
      'dependencies.left-pad: package.json says "^1.3.0", the lockfile was written for nothing.',
    ]);
    const { yaml, ...rest } = pkg['dependencies'] as Record<string, string>;
    expect(lockProblems({ ...pkg, dependencies: rest }, lock)).toEqual([
      `dependencies.yaml: package.json says nothing, the lockfile was written for ${JSON.stringify(yaml)}.`,
    ]);
  });

  it('notices a changed engines range and a renamed package', () => {
    expect(lockProblems({ ...pkg, engines: { node: '>=99' } }, lock)).toContainEqual(
      expect.stringMatching(/^engines\.node: package\.json says ">=99", the lockfile was written for/),
    );
    expect(lockProblems({ ...pkg, name: 'renamed' }, lock)).toEqual([
      `name: package.json says "renamed", the lockfile was written for ${JSON.stringify(pkg['name'])}.`,
    ]);
  });

  it('refuses a lockfile from an older npm or without its root entry', () => {
    expect(lockProblems(pkg, { ...lock, lockfileVersion: 2 })).toEqual([
      'package-lock.json has lockfileVersion 2; npm 7 and later write 3.',
    ]);
    expect(lockProblems(pkg, { lockfileVersion: 3, packages: {} })).toEqual([
      'package-lock.json has no root entry (packages[""]).',
    ]);
  });
});
