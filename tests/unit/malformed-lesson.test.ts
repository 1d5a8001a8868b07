import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Builds a copy of the site with one malformed lesson added and returns what the real
 * `astro build` printed. The copy lives under tests/.tmp so it resolves the project's
 * node_modules.
 */
const root = resolve(import.meta.dirname, '../..');
const scratch = join(root, 'tests/.tmp');

function buildWithLesson(name: string, frontmatter: string): { status: number | null; output: string } {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  writeFileSync(join(dir, 'content/lessons/broken.mdx'), `---\n${frontmatter}\n---\n\nSome lesson text.\n`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a malformed lesson fails the build', () => {
  it('names the file and the field when a required field is missing', () => {
    const { status, output } = buildWithLesson(
      'missing-summary',
      ['title: Broken lesson', 'order: 2', 'objectives:', '  - Explain something useful here.', 'minutes: 10'].join(
        '\n',
      ),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('content/lessons/broken.mdx');
    expect(output).toContain('summary: required; one or two sentences for the course home');
  });

  it('names the file and the field when a value is out of range', () => {
    const { status, output } = buildWithLesson(
      'bad-minutes',
      [
        'title: Broken lesson',
        'order: 2',
        'summary: A lesson whose time estimate is not a whole number of minutes.',
        'objectives:',
        '  - Explain something useful here.',
        'minutes: 0',
      ].join('\n'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('content/lessons/broken.mdx');
    expect(output).toContain('minutes: estimated minutes as a whole number from 1 to 120');
  });

  it('names the file and the field when a prerequisite does not exist', () => {
    const { status, output } = buildWithLesson(
      'ghost-prerequisite',
      [
        'title: Broken lesson',
        'order: 2',
        'summary: This lesson refers to a prerequisite that does not exist anywhere.',
        'objectives:',
        '  - Explain something useful here.',
        'minutes: 10',
        'prerequisites: [ghost-lesson]',
      ].join('\n'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('content/lessons/broken.mdx: prerequisites: no lesson "ghost-lesson" exists');
  });
});
