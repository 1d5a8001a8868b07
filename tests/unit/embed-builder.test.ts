import { describe, expect, it } from 'vitest';
import { resizeOption, stateSearch } from '../../src/lms/embed-options.ts';
import { embedCode, embedUrl, frameHeight, lmsOrigin, NO_CHOICES } from '../../src/lms/embed-panel.ts';

const PATH = '/embed/sim/drop-counts/';
const SITE = 'https://dropout-lab.example';

describe('the embed builder', () => {
  it('writes the state and only the options the dialog chose, dropping the lesson page’s own', () => {
    const src = embedUrl(PATH, SITE, '?counts.n=100&controls=hidden&origin=https%3A%2F%2Fold.edu&hide=n', {
      ...NO_CHOICES,
      hide: ['scale', 'seed'],
      lock: ['p'],
      origin: 'https://lms.example.edu',
      resize: false,
    });
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe(SITE + PATH);
    expect([...url.searchParams]).toEqual([
      ['counts.n', '100'],
      ['hide', 'scale,seed'],
      ['lock', 'p'],
      ['origin', 'https://lms.example.edu'],
      ['resize', 'off'],
    ]);
    expect(embedUrl(PATH, SITE, '?counts.n=100', NO_CHOICES)).toBe(`${SITE}${PATH}?counts.n=100`);
  });
  it('lets the option for every setting take over from the settings chosen one by one', () => {
    const url = new URL(embedUrl(PATH, SITE, '', { ...NO_CHOICES, controls: 'locked', hide: ['seed'], lock: ['p'] }));
    expect([...url.searchParams]).toEqual([['controls', 'locked']]);
  });
  it('escapes the address in the iframe code, and the embed reopens the state alone', () => {
    const src = embedUrl(PATH, SITE, '?counts.n=100', { ...NO_CHOICES, hide: ['seed'], resize: false });
    expect(embedCode(src, 'Simulation: "drops" <n>', 640)).toBe(
      `<iframe src="${SITE}${PATH}?counts.n=100&amp;hide=seed&amp;resize=off" title="Simulation: &quot;drops&quot; &lt;n>" ` +
        'width="100%" height="640" style="border: 0; max-width: 100%;" allow="fullscreen" loading="lazy"></iframe>',
    );
    expect(stateSearch(new URL(src).search)).toBe('?counts.n=100');
  });
  it('keeps a typed height whole and in range, and says what it changed', () => {
    expect(frameHeight('640', 800)).toEqual({ height: 640, notice: '' });
    expect(frameHeight('640.4', 800)).toEqual({
      height: 640,
      notice: 'Heights run from 200 to 4000 pixels; using 640.',
    });
    expect(frameHeight('50', 800)).toEqual({ height: 200, notice: 'Heights run from 200 to 4000 pixels; using 200.' });
    expect(frameHeight('', 800)).toEqual({ height: 800, notice: 'Not a number of pixels; using 800.' });
  });
  it('pins only an http or https origin, reduced to its origin, and explains one without its scheme', () => {
    expect(lmsOrigin('  ')).toEqual({ origin: '', notice: '' });
    expect(lmsOrigin('https://lms.example.edu/course/7?x=1')).toEqual({
      origin: 'https://lms.example.edu',
      notice: '',
    });
    const bare = lmsOrigin('lms.example.edu');
    expect(bare.origin).toBe('');
    expect(bare.notice).toContain('Write it with its scheme: https://lms.example.edu.');
  });
  it.each([
    ['', true, 0],
    ['?resize=off', false, 0],
    ['?resize=%20OFF', false, 0],
    ['?resize=no', true, 1],
    ['?resize=off&resize=on', true, 2],
  ] as const)('reads %j as resizing %s with %i notices', (search, resize, notices) => {
    expect(resizeOption(search).resize).toBe(resize);
    expect(resizeOption(search).notices).toHaveLength(notices);
  });
});
