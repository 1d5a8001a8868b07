import { beforeEach, describe, expect, it } from 'vitest';
import {
  HELLO_INTERVAL_MS,
  HELLO_TRIES,
  h5pHostAction,
  startResizeReporter,
  type DocumentSize,
  type ResizeMessage,
  type ResizePort,
} from '../../src/lms/resize.ts';

/** A page made of plain values: the test sets its size, delivers its messages and runs its timer. */
class FakePage implements ResizePort {
  size: DocumentSize = { content: 900, viewport: 400 };
  sent: ResizeMessage[] = [];
  timers = new Map<number, { ms: number; callback: () => void }>();
  private sized: (() => void) | undefined;
  private handler: ((data: unknown) => void) | undefined;
  private nextTimer = 1;

  measure = () => ({ ...this.size });
  observe = (callback: () => void) => {
    this.sized = callback;
    return () => (this.sized = undefined);
  };
  post = (message: ResizeMessage) => void this.sent.push(message);
  listen = (handler: (data: unknown) => void) => {
    this.handler = handler;
    return () => (this.handler = undefined);
  };
  every = (ms: number, callback: () => void) => {
    const id = this.nextTimer++;
    this.timers.set(id, { ms, callback });
    return () => void this.timers.delete(id);
  };

  /** The document takes a new height, and the observer reports it. */
  resize(content: number): void {
    this.size = { ...this.size, content };
    this.sized?.();
  }
  /** A message arrives from the parent window. */
  receive(data: unknown): void {
    this.handler?.(data);
  }
  /** Every running timer fires `times` times. */
  tick(times = 1): void {
    for (let i = 0; i < times; i++) for (const timer of [...this.timers.values()]) timer.callback();
  }
  /** The messages sent so far, emptying the record. */
  take(): ResizeMessage[] {
    return this.sent.splice(0);
  }
}

const hello = { context: 'h5p', action: 'hello' } as const;
const h5p = (action: string) => ({ context: 'h5p', action });

describe('resize reporter', () => {
  let page: FakePage;
  let stop: () => void;

  beforeEach(() => {
    page = new FakePage();
    stop = startResizeReporter(page);
  });

  it('says hello, then sends Canvas the height once the document is laid out and after each change', () => {
    expect(page.take()).toEqual([hello]);
    page.resize(900);
    page.resize(900);
    page.resize(1250);
    page.resize(700);
    expect(page.take()).toEqual([
      { subject: 'lti.frameResize', height: 900 },
      { subject: 'lti.frameResize', height: 1250 },
      { subject: 'lti.frameResize', height: 700 },
    ]);
  });

  it(`repeats hello every ${HELLO_INTERVAL_MS} ms, ${HELLO_TRIES} times in all, while no host answers`, () => {
    expect([...page.timers.values()].map((timer) => timer.ms)).toEqual([HELLO_INTERVAL_MS]);
    page.tick(HELLO_TRIES * 3);
    expect(page.take()).toEqual(Array(HELLO_TRIES).fill(hello));
    expect(page.timers.size).toBe(0);
    page.resize(1000);
    expect(page.take()).toEqual([{ subject: 'lti.frameResize', height: 1000 }]);
  });

  it('runs the H5P handshake once the host answers hello, and stops saying hello', () => {
    page.tick(2);
    page.take();
    page.receive(hello);
    expect(page.timers.size).toBe(0);
    expect(page.take()).toEqual([{ context: 'h5p', action: 'prepareResize', scrollHeight: 900, clientHeight: 400 }]);

    page.size.content = 950;
    page.receive(h5p('resizePrepared'));
    expect(page.take()).toEqual([{ context: 'h5p', action: 'resize', scrollHeight: 950 }]);

    page.receive(hello);
    page.resize(1200);
    expect(page.take()).toEqual([
      { subject: 'lti.frameResize', height: 1200 },
      { context: 'h5p', action: 'prepareResize', scrollHeight: 1200, clientHeight: 400 },
    ]);
  });

  it("measures again when the host's window resizes", () => {
    page.receive(hello);
    page.take();
    page.receive(h5p('resize'));
    expect(page.take()).toEqual([{ context: 'h5p', action: 'prepareResize', scrollHeight: 900, clientHeight: 400 }]);
  });

  it('says hello again when a host script that loaded late says it is ready', () => {
    page.tick(HELLO_TRIES);
    page.take();
    page.receive(h5p('ready'));
    page.tick(HELLO_TRIES * 2);
    expect(page.take()).toEqual(Array(HELLO_TRIES).fill(hello));
  });

  it.each([
    ['resizePrepared before any hello', h5p('resizePrepared')],
    ['resize before any hello', h5p('resize')],
    ['an unknown H5P action', h5p('enterFullScreen')],
    ['another context', { context: 'other', action: 'hello' }],
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
    ['a Canvas message', { subject: 'lti.frameResize', height: 10 }],
  ])('ignores %s', (_name, data) => {
    page.take();
    page.receive(data);
    expect(page.take()).toEqual([]);
    expect(page.timers.size).toBe(1);
  });

  it('stops observing, listening and saying hello when stopped', () => {
    page.take();
    stop();
    page.resize(2000);
    page.receive(hello);
    page.tick(HELLO_TRIES);
    expect(page.take()).toEqual([]);
    expect(page.timers.size).toBe(0);
  });
});

describe('h5pHostAction', () => {
  it('names the host actions and nothing else', () => {
    expect(['hello', 'resizePrepared', 'resize', 'ready'].map((action) => h5pHostAction(h5p(action)))).toEqual([
      'hello',
      'resizePrepared',
      'resize',
      'ready',
    ]);
    expect(h5pHostAction(h5p('prepareResize'))).toBeUndefined();
    expect(h5pHostAction({ action: 'hello' })).toBeUndefined();
    expect(h5pHostAction(undefined)).toBeUndefined();
  });
});
