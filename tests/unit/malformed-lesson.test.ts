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

/** Frontmatter of a valid lesson, as YAML lines by key; each test breaks one field. */
const validLesson: Record<string, string> = {
  title: 'title: Broken lesson',
  order: 'order: 2',
  summary: 'summary: A lesson used to check the messages of a failing build.',
  objectives: 'objectives:\n  - Explain something useful here.',
  minutes: 'minutes: 10',
  figure: 'figure: training',
};

function frontmatter(changes: Record<string, string | undefined>): string {
  const fields = { ...validLesson, ...changes };
  return Object.values(fields)
    .filter((line) => line !== undefined)
    .join('\n');
}

describe('a malformed lesson fails the build', () => {
  it.each([
    {
      problem: 'a required field is missing',
      changes: { summary: undefined },
      message: 'summary: required; one or two sentences for the course home',
    },
    {
      problem: 'a value is out of range',
      changes: { minutes: 'minutes: 0' },
      message: 'minutes: estimated minutes as a whole number from 1 to 120',
    },
    {
      problem: 'its key figure is no simulation',
      changes: { figure: 'figure: ghost-simulation' },
      message: "figure: required; the id of the simulation that shows the lesson's idea",
    },
    {
      problem: 'a prerequisite does not exist',
      changes: { prerequisites: 'prerequisites: [ghost-lesson]' },
      message: 'content/lessons/broken.mdx: prerequisites: no lesson "ghost-lesson" exists',
    },
  ])('names the file and the field when $problem', ({ problem, changes, message }) => {
    const { status, output } = buildWithLesson(problem.replaceAll(' ', '-'), frontmatter(changes));
    expect(status).not.toBe(0);
    expect(output).toContain('content/lessons/broken.mdx');
    expect(output).toContain(message);
  });
});
