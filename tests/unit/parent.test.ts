import { afterEach, describe, expect, it, vi } from 'vitest';
import { originOption } from '../../src/lms/embed-options.ts';
import { onParentMessage, pinnedOrigin } from '../../src/lms/parent.ts';

/** A framed page's window: an event target with a parent of its own and an address. */
function framedWindow(search: string) {
  const parent = { postMessage: vi.fn() };
  const self = Object.assign(new EventTarget(), { parent, location: { search } });
  vi.stubGlobal('window', self);
  vi.stubGlobal('location', self.location);
  return { self, parent };
}

/** A message event as the browser delivers it. */
const message = (data: unknown, origin: string, source: unknown) =>
  Object.assign(new Event('message'), { data, origin, source });

afterEach(() => vi.unstubAllGlobals());

describe('messages from the framing page', () => {
  it('reach the handler from the parent, and from the pinned origin only when one is pinned', () => {
    const { self, parent } = framedWindow('?origin=https://lms.example.edu');
    const handler = vi.fn();
    const stop = onParentMessage(handler);
    const hello = { context: 'h5p', action: 'hello' };
    // A valid message from the parent at another origin changes nothing.
    self.dispatchEvent(message(hello, 'https://evil.example', parent));
    self.dispatchEvent(message(hello, 'http://lms.example.edu', parent));
    expect(handler).not.toHaveBeenCalled();
    // From the pinned origin, but from another window (a sibling frame): ignored too.
    self.dispatchEvent(message(hello, 'https://lms.example.edu', {}));
    expect(handler).not.toHaveBeenCalled();
    self.dispatchEvent(message(hello, 'https://lms.example.edu', parent));
    expect(handler).toHaveBeenCalledExactlyOnceWith(hello);
    stop();
    self.dispatchEvent(message(hello, 'https://lms.example.edu', parent));
    expect(handler).toHaveBeenCalledOnce();
  });

  it('reach the handler from the parent at any origin when none is pinned, or the pin is no origin', () => {
    for (const search of ['', '?origin=lms.example.edu', '?origin=javascript:alert(1)']) {
      const { self, parent } = framedWindow(search);
      const handler = vi.fn();
      onParentMessage(handler);
      self.dispatchEvent(message('x', 'https://anywhere.example', parent));
      self.dispatchEvent(message('y', 'https://anywhere.example', {}));
      expect(handler.mock.calls, search).toEqual([['x']]);
    }
  });
});

describe('?origin=', () => {
  it.each([
    ['?origin=https://lms.example.edu/course/1?x=2', 'https://lms.example.edu'],
    ['?origin=http://127.0.0.1:4323', 'http://127.0.0.1:4323'],
    ['?origin=https://a.example&origin=https://b.example', 'https://b.example'],
    ['', undefined],
    ['?origin=', undefined],
    ['?origin=lms.example.edu', undefined],
    ['?origin=javascript:alert(1)', undefined],
    ['?origin=ftp://files.example', undefined],
  ])('%s pins %s', (search, origin) => {
    expect(pinnedOrigin(search)).toBe(origin);
  });

  it('without a scheme is not used, and says how to write it', () => {
    expect(originOption('?origin=lms.example.edu').notices).toEqual([
      "The link's origin “lms.example.edu” is not a web address such as https://lms.example.edu, so it is not used: this page sends its messages to whichever page embeds it. Write it with its scheme: https://lms.example.edu.",
    ]);
    expect(originOption('?origin=javascript:alert(1)').notices).toEqual([
      expect.stringMatching(/^The link's origin “javascript:alert\(1\)” is not a web address .* embeds it\.$/),
    ]);
    expect(originOption('?origin=https://a.example&origin=https://b.example').notices).toEqual([
      'The link gives origin 2 times; the last one counts: “https://b.example”.',
    ]);
    expect(originOption('?origin=https://lms.example.edu').notices).toEqual([]);
  });
});
