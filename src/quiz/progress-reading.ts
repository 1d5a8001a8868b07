import { reachedEnd, type MarkerSide } from './progress.ts';
import { markLessonRead } from './progress-store.ts';

/**
 * Marks a lesson as read once its reader scrolls to the end of its text: the marker
 * (`[data-lesson-end]`, src/components/LessonEnd.astro) after the last paragraph comes into view,
 * or is jumped past. Opening the lesson is not enough: only a scroll counts.
 */
export function watchLessonEnd(root: Document): void {
  for (const marker of root.querySelectorAll<HTMLElement>('[data-lesson-end]')) {
    const slug = marker.dataset['lessonEnd'];
    if (!slug) continue;
    const sideOf = (top: number): MarkerSide => (top > innerHeight ? 'below' : top < 0 ? 'above' : 'in');
    const side = (): MarkerSide => sideOf(marker.getBoundingClientRect().top);
    // Where the marker starts, from the first layout the page makes anyway: asking for it now
    // would lay the whole lesson out while the page is still loading.
    let before: MarkerSide | undefined;
    const start = new IntersectionObserver(([entry]) => {
      before ??= sideOf(entry?.boundingClientRect.top ?? 0);
      start.disconnect();
    });
    start.observe(marker);
    let pending = false;
    const check = (): void => {
      pending = false;
      const now = side();
      if (before !== undefined && reachedEnd(before, now)) {
        markLessonRead(slug);
        removeEventListener('scroll', onScroll);
      }
      before = now;
    };
    // Checked at most once a frame, however often the page scrolls.
    const onScroll = (): void => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(check);
    };
    addEventListener('scroll', onScroll, { passive: true });
  }
}
