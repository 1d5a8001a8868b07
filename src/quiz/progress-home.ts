/**
 * The course home's progress (src/components/ProgressPanel.astro and the lesson cards of
 * src/pages/index.astro): shows what is stored, and exports, imports and resets it.
 */
import {
  lessonStatus,
  lessonStatusText,
  mergeProgress,
  resumePoint,
  NO_PROGRESS,
  summaryText,
  type CourseOutline,
} from './progress.ts';
import { PROGRESS_FILE_NAME, readProgressFile, refuseBySize, writeProgressFile } from './progress-file.ts';
import { loadProgress, saveProgress } from './progress-store.ts';

/** Wires the progress panel under `root`, if the page has one. */
export function wireProgressPanel(root: Document): void {
  const panel = root.querySelector<HTMLElement>('[data-progress]');
  const summary = panel?.querySelector<HTMLElement>('[data-progress-summary]');
  const message = panel?.querySelector<HTMLElement>('[data-progress-message]');
  const dialog = panel?.querySelector('dialog');
  const input = panel?.querySelector<HTMLInputElement>('[data-progress-import]');
  if (!panel || !summary || !message || !dialog || !input) return;
  const outline = JSON.parse(panel.dataset['progress'] ?? '') as CourseOutline;

  const show = (): void => {
    const progress = loadProgress(outline);
    summary.textContent = summaryText(progress, outline);
    for (const slug of outline.lessons) {
      const line = root.querySelector<HTMLElement>(`[data-lesson-progress="${CSS.escape(slug)}"]`);
      if (line) line.textContent = lessonStatusText(lessonStatus(progress, outline, slug));
    }
    showResume(root, resumePoint(progress, outline));
  };
  const say = (text: string, problem = false): void => {
    message.textContent = text;
    message.classList.toggle('progress-problem', problem);
  };

  panel.querySelector('[data-progress-export]')?.addEventListener('click', () => {
    const text = writeProgressFile(loadProgress(outline), outline, new Date());
    download(text, PROGRESS_FILE_NAME);
    say(`Saved your progress as ${PROGRESS_FILE_NAME}, in your downloads.`);
  });

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // A file too large to be a progress file is refused unread.
    const result = refuseBySize(file.size) ?? readProgressFile(await file.text(), outline);
    if (!result.ok) {
      say(`${file.name}: ${result.message}`, true);
      return;
    }
    saveProgress(mergeProgress(loadProgress(outline), result.progress, outline), outline);
    show();
    say(`Imported ${file.name}. ${summary.textContent}`);
  });

  panel.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
    // Escape closes the dialog without a value: the last answer must not count again.
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'reset') return;
    saveProgress(NO_PROGRESS, outline);
    show();
    say('Your progress has been reset.');
  });

  // Back from a lesson, the browser may show this page from its cache: read the storage again.
  addEventListener('pageshow', show);
  addEventListener('storage', show);
  show();
}

/** A lesson as the home's "continue" link names it. */
interface ResumeTarget {
  number: number;
  title: string;
  path: string;
}

/**
 * The hero's link (`[data-resume]`, which lists every lesson's number, title and path): "Start with
 * lesson 1" as built, "Continue with lesson k" once something is done, "Open the lab" at the end.
 */
function showResume(root: Document, point: { slug?: string; fresh: boolean }): void {
  const link = root.querySelector<HTMLAnchorElement>('[data-resume]');
  if (!link) return;
  const lessons = JSON.parse(link.dataset['resume'] ?? '{}') as Record<string, ResumeTarget>;
  const target = point.slug === undefined ? undefined : lessons[point.slug];
  if (target) {
    link.href = target.path;
    link.textContent = `${point.fresh ? 'Start with' : 'Continue with'} lesson ${target.number}: ${target.title}`;
  } else {
    link.href = link.dataset['done'] ?? link.href;
    link.textContent = 'Every lesson read and every quiz passed: open the lab';
  }
}

/** Offers `text` as a JSON file to save, made in the page: no request leaves it. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
