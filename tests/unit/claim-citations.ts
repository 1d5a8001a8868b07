import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The lessons' folder. */
export const LESSONS = resolve(import.meta.dirname, '../../content/lessons');

/** Each `{/* claim: <id> *\/}` of a lesson, with the sentence it follows as the source writes it. */
function citations(file: string): { file: string; id: string; sentence: string }[] {
  const found: { file: string; id: string; sentence: string }[] = [];
  for (const line of readFileSync(resolve(LESSONS, file), 'utf8').split('\n')) {
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

/** Every claim citation of every lesson. */
export const LESSON_CITATIONS = readdirSync(LESSONS)
  .filter((name) => name.endsWith('.mdx'))
  .flatMap(citations);
