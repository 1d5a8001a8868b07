import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { plainInlineText } from '../../src/lib/markdown/inline-text.ts';
import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN, hostPage } from './hosts.ts';
import {
  answer,
  calls,
  choiceOrders,
  expectCleanSession,
  launch,
  leave,
  quizFile,
  sco,
  scoreLine,
  sent,
  shownScore,
  type Lms,
} from './scorm-helpers.ts';

/**
 * SCORM 1.2 packages, with real parts: the zips the build wrote, opened with fflate and
 * fast-xml-parser; launched from an LMS stand-in on another origin (`hosts/scorm-lms.html`) that
 * runs scorm-again's SCORM 1.2 runtime, as an LMS frames a SCO.
 */

const DIST = process.env['E2E_DIST'] ?? './dist';
const DIST_BASE = process.env['E2E_DIST_BASE'] ?? './dist-base';
const QUIZ_IDS = readdirSync('content/quizzes')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length));

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) => name === 'file',
});

/** A site-absolute reference to a built asset, which would leave the package folder. */
const absoluteAsset = (base: string) => new RegExp(`["'\`(=]${base.replaceAll('/', '\\/')}_astro\\/`);

for (const [build, dist, base] of [
  ['root', DIST, '/'],
  ['base-path', DIST_BASE, '/some/path/'],
] as const) {
  test.describe(`SCORM packages of the ${build} build`, () => {
    for (const id of QUIZ_IDS) {
      test(`scorm/${id}.zip is a complete SCORM 1.2 package`, () => {
        const entries = unzipSync(readFileSync(`${dist}/scorm/${id}.zip`));
        const manifestFile = entries['imsmanifest.xml'];
        expect(manifestFile, 'imsmanifest.xml at the root').toBeDefined();
        const manifestText = strFromU8(manifestFile ?? new Uint8Array());
        const { manifest } = xml.parse(manifestText);
        expect(manifest).toMatchObject({
          xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
          'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
          metadata: { schema: 'ADL SCORM', schemaversion: '1.2' },
        });

        const quiz = quizFile(id);
        const organization = manifest.organizations.organization;
        expect(manifest.organizations.default).toBe(organization.identifier);
        // The schema's default share is 0.8; the mastery score is that share in percent.
        expect(organization.item['adlcp:masteryscore']).toBe(String(Math.round((quiz.passing ?? 0.8) * 10_000) / 100));
        expect(organization.item.title).toBe(plainInlineText(quiz.title));

        const resource = manifest.resources.resource;
        expect(resource).toMatchObject({ 'adlcp:scormtype': 'sco', identifier: organization.item.identifierref });
        const listed: string[] = resource.file.map((file: { href: string }) => decodeURI(file.href));
        const zipped = Object.keys(entries).filter((name) => name !== 'imsmanifest.xml' && !name.endsWith('/'));
        expect(listed.sort()).toEqual(zipped.sort());
        expect(zipped).toContain(decodeURI(resource.href));

        const launch = strFromU8(entries[decodeURI(resource.href)] ?? new Uint8Array());
        expect(launch).toMatch(/<html data-scorm\b/);
        for (const name of zipped.filter((file) => /\.(html|js|css)$/.test(file))) {
          expect(strFromU8(entries[name] ?? new Uint8Array()), name).not.toMatch(absoluteAsset(base));
        }
      });
    }
  });
}

/** Records every URL the page requests, to check that the package stays in its folder. */
function requests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Requests other than the stand-in's own that leave the package's folder. */
const outside = (urls: string[], folder: string) =>
  urls.filter(
    (url) =>
      !url.startsWith(folder) && ![hostPage('scorm-lms.html'), `${HOST_ORIGIN}/vendor/scorm-again.js`].includes(url),
  );

/** Media types of the package's text files; a module script or worker must have a JavaScript one. */
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
};

test.describe('a SCORM package in an LMS', () => {
  test.use({ allowedOrigins: [HOST_ORIGIN] });
  const id = 'how-many-units-drop';
  const quiz = quizFile(id);
  const folder = `${HOST_ORIGIN}/packages/${id}/`;

  test('suspends an unfinished attempt, resumes it, and reports the pass', async ({ page }) => {
    const urls = requests(page);
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));

    const started = Date.now();
    await launch(page, id);
    await answer(sco(page), quiz, 0, true);
    await answer(sco(page), quiz, 1, true);
    const orders = await choiceOrders(sco(page), quiz);
    const first = await leave(page);
    expectCleanSession(await calls(page));
    expect(first.core).toMatchObject({ lesson_status: 'incomplete', exit: 'suspend' });
    // No score before the end: with the manifest's mastery score the LMS would fail a paused learner.
    expect(first.core.score.raw).toBe('');
    expect(first.suspend_data.length).toBeGreaterThan(0);
    expect(first.suspend_data.length).toBeLessThanOrEqual(4096);
    // The attempt's seed, which orders the choices, is kept with the answers.
    expect(JSON.parse(first.suspend_data)).toMatchObject({ v: 1, s: expect.any(Number) });

    // The LMS relaunches the suspended attempt with what it stored.
    const data = { suspend_data: first.suspend_data, core: { entry: 'resume', lesson_status: 'incomplete' } };
    await launch(page, id, { data });
    const frame = sco(page);
    await expect(scoreLine(frame)).toHaveText(`Score: 2 of ${quiz.questions.length} right.`);
    await expect(frame.getByText('Checked 1 time')).toHaveCount(2);
    // The resumed attempt shows every question's choices where they were.
    expect(await choiceOrders(frame, quiz)).toEqual(orders);
    for (let i = 2; i < quiz.questions.length; i++) await answer(frame, quiz, i, true);
    const shown = await shownScore(frame);
    expect(shown.passed).toBe(true);
    const second = await leave(page);
    const log = await calls(page);
    expectCleanSession(log);
    expect(await page.evaluate(() => (window as unknown as Lms).lms.finishEvents)).toBe(1);
    expect(second.core).toMatchObject({ lesson_status: 'passed', exit: '' });
    // Every question was answered right: 100 %, whatever the quiz shows.
    expect(shown.raw).toBe(quiz.questions.length);
    expect(second.core.score).toEqual({ raw: '100', min: '0', max: '100' });
    const times = sent(log, 'cmi.core.session_time');
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) {
      const [, hours, minutes, seconds] = /^(\d{4}):(\d{2}):(\d{2}\.\d{2})$/.exec(time ?? '') ?? [];
      expect(hours, `session time ${time}`).toBeDefined();
      const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual((Date.now() - started) / 1000);
    }
    expect(outside(urls, folder)).toEqual([]);
    expect(warnings.filter((text) => text.startsWith('SCORM:'))).toEqual([]);
  });

  test('reports a finished attempt below the mastery score as failed', async ({ page }) => {
    await launch(page, id);
    for (let i = 0; i < quiz.questions.length; i++) await answer(sco(page), quiz, i, false);
    const shown = await shownScore(sco(page));
    expect(shown.passed).toBe(false);
    const stored = await leave(page);
    expectCleanSession(await calls(page));
    expect(stored.core).toMatchObject({ lesson_status: 'failed', exit: '' });
    expect(shown.raw).toBe(0);
    expect(stored.core.score.raw).toBe('0');
  });

  test('the package of the base-path build runs from its folder too', async ({ page }) => {
    // The stand-in serves the root build's zips; this one is served from memory under another folder.
    const files = unzipSync(readFileSync(`${DIST_BASE}/scorm/${id}.zip`));
    await page.route(`${HOST_ORIGIN}/packages-base/**`, (route) => {
      const path = new URL(route.request().url()).pathname.replace(`/packages-base/${id}/`, '');
      const body = files[path];
      const type = TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
      return body ? route.fulfill({ body: Buffer.from(body), contentType: type }) : route.fulfill({ status: 404 });
    });
    const urls = requests(page);
    await launch(page, id, { root: '/packages-base/' });
    await answer(sco(page), quiz, 0, true);
    // The live task loads the simulation and its worker.
    const live = quiz.questions.findIndex((question) => question.type === 'live');
    await answer(sco(page), quiz, live, true);
    expect((await leave(page)).core).toMatchObject({ lesson_status: 'incomplete', exit: 'suspend' });
    expectCleanSession(await calls(page));
    expect(outside(urls, `${HOST_ORIGIN}/packages-base/${id}/`)).toEqual([]);
  });

  test('without an LMS API the package is a plain quiz, framed or not', async ({ page }) => {
    const urls = requests(page);
    await launch(page, id, { api: false });
    await answer(sco(page), quiz, 0, true);
    await expect(scoreLine(sco(page))).toHaveText(`Score: 1 of ${quiz.questions.length} right.`);
    expect(await calls(page)).toEqual([]);

    // Opened on its own, it finds the progress the framed visit kept in the browser's storage.
    await page.goto(`${folder}index.html`);
    await expect(page.locator('astro-island').first()).not.toHaveAttribute('ssr');
    await expect(scoreLine(page)).toHaveText(`Score: 1 of ${quiz.questions.length} right.`);
    await expect(page.getByText('Checked 1 time')).toHaveCount(1);
    expect(outside(urls, folder)).toEqual([]);
  });
});
