import { describe, expect, it } from 'vitest';
import { advance, finish, resetPlayback, startPlayback, stepBy, toggleRun } from '../../src/islands/playback.ts';

describe('playback', () => {
  const idle = startPlayback(400);

  it('steps by one and by ten, never past the total, and stops running', () => {
    expect(stepBy(idle, 1).shown).toBe(1);
    expect(stepBy(stepBy(idle, 1), 10).shown).toBe(11);
    expect(stepBy({ ...idle, shown: 395 }, 10).shown).toBe(400);
    expect(stepBy({ ...idle, running: true }, 1).running).toBe(false);
  });

  it('toggles running, and starts over when everything is shown', () => {
    const running = toggleRun({ ...idle, shown: 37 });
    expect(running).toEqual({ shown: 37, total: 400, running: true });
    expect(toggleRun(running)).toEqual({ shown: 37, total: 400, running: false });
    expect(toggleRun(finish(idle))).toEqual({ shown: 0, total: 400, running: true });
  });

  it('reveals draws at the rate while running and stops at the total', () => {
    const running = toggleRun({ ...idle, shown: 10 });
    expect(advance(running, 10, 0, 40).shown).toBe(10);
    expect(advance(running, 10, 1000, 40).shown).toBe(50);
    expect(advance(running, 10, 1024, 40).shown).toBe(50);
    const done = advance(running, 10, 60_000, 40);
    expect(done).toEqual({ shown: 400, total: 400, running: false });
  });

  it('does not advance a paused playback', () => {
    expect(advance({ ...idle, shown: 5 }, 0, 10_000, 40).shown).toBe(5);
  });

  it('resets to nothing shown and stopped', () => {
    expect(resetPlayback({ shown: 200, total: 400, running: true })).toEqual(idle);
  });
});
