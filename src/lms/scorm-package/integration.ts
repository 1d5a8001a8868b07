import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { zipSync, type Zippable } from 'fflate';
import { collectPackage, LAUNCH, type BuiltSite } from './collect.ts';
import { MANIFEST, scormManifest, type ScormFormat } from './manifest.ts';
import { scorm2004Manifest } from './manifest-2004.ts';

/** What the packager needs of a quiz, from the content collection (see `quizzes.json.ts`). */
export interface PackagedQuiz {
  id: string;
  /** plain-text title */
  title: string;
  /** share of points needed to pass, 0…1 */
  passing: number;
}

/**
 * Where the build writes the packages, and where the site links to them: `<base>scorm/<id>.zip`
 * (SCORM 1.2) and `<base>scorm/<id>-scorm2004.zip` (SCORM 2004 4th edition).
 */
export const PACKAGE_DIR = 'scorm';

/** A quiz's package file name in {@link PACKAGE_DIR}; the 1.2 name is the one the site always had. */
export const packageFile = (id: string, format: ScormFormat) =>
  format === '2004' ? `${id}-scorm2004.zip` : `${id}.zip`;

/** The injected route that hands the collection's quizzes to the packager (deleted after the build). */
const QUIZZES_ROUTE = `${PACKAGE_DIR}/quizzes.json`;

/** The built page a quiz's package launches. */
export const quizPage = (id: string) => `embed/quiz/${id}/index.html`;

/** A fixed date for every zip entry, so the same build gives byte-identical packages. */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

function isPackagedQuiz(value: unknown): value is PackagedQuiz {
  if (typeof value !== 'object' || value === null) return false;
  const { id, title, passing } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof title === 'string' && typeof passing === 'number';
}

/** The output folder as a {@link BuiltSite}. */
function builtSite(root: string): BuiltSite {
  return {
    read: (sitePath) => readFileSync(`${root}/${sitePath}`),
    isFile: (sitePath) => existsSync(`${root}/${sitePath}`) && statSync(`${root}/${sitePath}`).isFile(),
  };
}

/** One zip: the manifest first, then the launch page and the files it needs. */
export function packageQuiz(
  site: BuiltSite,
  quiz: PackagedQuiz,
  base: string,
  assetsDir: string,
  format: ScormFormat = '1.2',
): Uint8Array {
  const files = collectPackage({ site, page: quizPage(quiz.id), base, assetsDir, format });
  const facts = { ...quiz, launch: LAUNCH, files: [...files.keys()] };
  const manifest = format === '2004' ? scorm2004Manifest(facts) : scormManifest(facts);
  const entries: Zippable = { [MANIFEST]: new TextEncoder().encode(manifest) };
  for (const [path, content] of files) entries[path] = content;
  return zipSync(entries, { level: 9, mtime: ENTRY_DATE });
}

/**
 * Builds one SCORM 1.2 and one SCORM 2004 package per quiz into `<outDir>/scorm/` (see {@link packageFile}): the quiz's embed page
 * with relative URLs, everything it loads, and a manifest. Works for any base path.
 */
export function scormPackages(): AstroIntegration {
  let base = '/';
  let assetsDir = '_astro';
  return {
    name: 'dropout-lab:scorm-packages',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'build') return;
        injectRoute({
          pattern: `/${QUIZZES_ROUTE}`,
          entrypoint: new URL('./quizzes.json.ts', import.meta.url),
          prerender: true,
        });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        assetsDir = config.build.assets;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const list = `${root}/${QUIZZES_ROUTE}`;
        const quizzes: unknown = JSON.parse(readFileSync(list, 'utf8'));
        rmSync(list);
        if (!Array.isArray(quizzes) || !quizzes.every(isPackagedQuiz)) {
          throw new Error(`SCORM packages: ${QUIZZES_ROUTE} did not list quizzes as { id, title, passing }`);
        }
        const site = builtSite(root);
        mkdirSync(`${root}/${PACKAGE_DIR}`, { recursive: true });
        for (const quiz of quizzes) {
          if (!site.isFile(quizPage(quiz.id))) {
            throw new Error(
              `SCORM packages: content/quizzes/${quiz.id}.yaml has no built page ${quizPage(quiz.id)} to launch; ` +
                'the route /embed/quiz/[id]/ must build one for every quiz',
            );
          }
          for (const format of ['1.2', '2004'] as const) {
            const zip = packageQuiz(site, quiz, base, assetsDir, format);
            writeFileSync(`${root}/${PACKAGE_DIR}/${packageFile(quiz.id, format)}`, zip);
          }
        }
        logger.info(`${quizzes.length} SCORM 1.2 and ${quizzes.length} SCORM 2004 package(s) in ${PACKAGE_DIR}/`);
      },
    },
  };
}
