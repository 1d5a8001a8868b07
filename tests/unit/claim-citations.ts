import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The lessons' folder. */
export const LESSONS = resolve(import.meta.dirname, '../../content/lessons');

/** The teacher's pages' folder: they cite the lessons' claims the same way. */
export const TEACHING = resolve(import.meta.dirname, '../../content/teaching');

/** Each `{/* claim: <id> *\/}` of an MDX file of `folder`, with the sentence it follows as the source writes it. */
function citations(folder: string, file: string): { file: string; id: string; sentence: string }[] {
  const found: { file: string; id: string; sentence: string }[] = [];
  for (const line of readFileSync(resolve(folder, file), 'utf8').split('\n')) {
    for (const match of line.matchAll(/\{\/\*\s*claim:\s*([\w-]+)\s*\*\/\}/g)) {
      // The text since the line's last claim, the line's start or its list marker; then the last sentence of it.
      const before = line
        .slice(0, match.index)
        .split('*/}')
        .at(-1)!
        .replace(/^\s*(?:[-*]|\d+\.)\s+/, '');
      const sentence = before
        .trim()
        .split(/(?<=[.!?])\s+(?=[A-Z_*$])/)
        .at(-1)!;
      found.push({ file, id: match[1]!, sentence });
    }
  }
  return found;
}

/** Every claim citation of every MDX file of `folder`. */
const citationsIn = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .flatMap((file) => citations(folder, file));

/** Every claim citation of every lesson. */
export const LESSON_CITATIONS = citationsIn(LESSONS);

/** Every claim citation of every teacher's page. */
export const TEACHING_CITATIONS = citationsIn(TEACHING);
