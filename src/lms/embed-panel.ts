/**
 * The embed dialog of a lesson's quiz or simulation (src/components/EmbedPanel.astro), an embed
 * builder: it makes the iframe code from the site's address, the state the page shows now and
 * what the instructor chooses (which controls learners may change, the frame's height, the LMS's
 * origin), and shows the frame that code makes, live, beside it.
 */
import { wireCopyDialogs } from '../lib/share/copy-dialog.ts';
import { currentQuery, publishedControls } from '../lib/share/live-state.ts';
import { EMBEDDING_PARAMS, originOption } from './embed-options.ts';

/** What the instructor chose in the dialog. */
export interface EmbedChoices {
  /** every control at once: '' (learners change them), 'locked' or 'hidden' */
  controls: string;
  /** the parameters whose controls are hidden one by one (when `controls` is '') */
  hide: readonly string[];
  /** the parameters whose controls are locked one by one (when `controls` is '') */
  lock: readonly string[];
  /** the LMS page's origin, to which alone the embed talks; '' for none */
  origin: string;
  /** whether the embed asks the LMS to fit the frame to its content; false writes `resize=off` */
  resize: boolean;
}

/** Every control free, no origin pinned, the frame fitted to its content. */
export const NO_CHOICES: EmbedChoices = { controls: '', hide: [], lock: [], origin: '', resize: true };

/** The embed URL: the page's path on this origin, the current state, and the chosen options. */
export function embedUrl(path: string, origin: string, search: string, choices: EmbedChoices): string {
  const url = new URL(path, origin);
  const params = new URLSearchParams(search);
  // The lesson's own embedding options are not the new embed's: only what the dialog chose.
  for (const name of EMBEDDING_PARAMS) params.delete(name);
  if (choices.controls) params.set('controls', choices.controls);
  else {
    if (choices.hide.length > 0) params.set('hide', choices.hide.join(','));
    if (choices.lock.length > 0) params.set('lock', choices.lock.join(','));
  }
  if (choices.origin) params.set('origin', choices.origin);
  if (!choices.resize) params.set('resize', 'off');
  url.search = params.toString();
  return url.href;
}

/** The iframe code an instructor pastes; every value is escaped for an HTML attribute. */
export function embedCode(src: string, title: string, height: number): string {
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${height}" ` +
    `style="border: 0; max-width: 100%;" allow="fullscreen" loading="lazy"></iframe>`
  );
}

/** The frame heights the dialog accepts, in CSS pixels. */
export const HEIGHT_RANGE = { min: 200, max: 4000 } as const;

/** The height typed, rounded and kept in range, with what was changed in words; the default for nothing usable. */
export function frameHeight(typed: string, fallback: number): { height: number; notice: string } {
  const value = Number.parseFloat(typed);
  if (!Number.isFinite(value)) return { height: fallback, notice: `Not a number of pixels; using ${fallback}.` };
  const height = Math.min(HEIGHT_RANGE.max, Math.max(HEIGHT_RANGE.min, Math.round(value)));
  return {
    height,
    notice:
      height === value ? '' : `Heights run from ${HEIGHT_RANGE.min} to ${HEIGHT_RANGE.max} pixels; using ${height}.`,
  };
}

/** The origin typed for the LMS, or '' with the reason it is not used; nothing typed is no origin. */
export function lmsOrigin(typed: string): { origin: string; notice: string } {
  const value = typed.trim();
  if (value === '') return { origin: '', notice: '' };
  const { origin, notices } = originOption(`?${new URLSearchParams({ origin: value }).toString()}`);
  return { origin: origin ?? '', notice: notices.join(' ') };
}

/** The dialog's form, read: the choices, the frame's height, and what had to change in what was typed. */
function readForm(panel: HTMLElement, fallback: number): { choices: EmbedChoices; height: number; notices: string[] } {
  const controls = panel.querySelector<HTMLInputElement>('.embed-controls input:checked')?.value ?? '';
  const each = [...panel.querySelectorAll<HTMLSelectElement>('select[data-embed-param]')];
  const chosen = (mode: string) =>
    each.filter((select) => select.value === mode).map((s) => s.dataset['embedParam'] ?? '');
  for (const select of each) select.disabled = controls !== '';
  const fixed = panel.querySelector<HTMLInputElement>('[data-embed-resize="off"]')?.checked ?? false;
  const heightField = panel.querySelector<HTMLInputElement>('[data-embed-height]');
  const typedHeight = heightField ? frameHeight(heightField.value, fallback) : { height: fallback, notice: '' };
  const typedOrigin = lmsOrigin(panel.querySelector<HTMLInputElement>('[data-embed-origin]')?.value ?? '');
  return {
    choices: { controls, hide: chosen('hide'), lock: chosen('lock'), origin: typedOrigin.origin, resize: !fixed },
    height: typedHeight.height,
    notices: [typedHeight.notice, typedOrigin.notice].filter((notice) => notice !== ''),
  };
}

/** A parameter of the simulation, as the dialog names it. */
interface ParamRow {
  param: string;
  label: string;
}

/** The choices a row offers: its value in the form, and what it says. */
const ROW_CHOICES = [
  ['', 'Learners change it'],
  ['lock', 'Shown but fixed'],
  ['hide', 'Hidden'],
] as const;

/**
 * Makes a row for each control the simulation shows on this page (all its parameters until its
 * island has said which), each set to what the instructor chose before, kept in `chosen`.
 */
function addControlRows(panel: HTMLElement, prefix: string | undefined, chosen: Map<string, string>): void {
  const each = panel.querySelector<HTMLElement>('[data-embed-each]');
  if (!each) return;
  const shown = prefix ? publishedControls(prefix) : undefined;
  const names = shown ? new Set(shown.map((name) => name.toLowerCase())) : undefined;
  const rows = (JSON.parse(each.dataset['embedEach'] ?? '[]') as ParamRow[]).filter(
    ({ param }) => !names || names.has(param.toLowerCase()),
  );
  const dialogId = panel.querySelector('dialog')?.id ?? 'embed';
  for (const { param, label } of rows) {
    const row = document.createElement('div');
    row.className = 'embed-each-row';
    const name = document.createElement('label');
    name.htmlFor = `${dialogId}-param-${param}`;
    name.textContent = label;
    const select = document.createElement('select');
    select.id = name.htmlFor;
    select.dataset['embedParam'] = param;
    for (const [value, text] of ROW_CHOICES) select.add(new Option(text, value));
    select.value = chosen.get(param) ?? '';
    select.addEventListener('change', () => chosen.set(param, select.value));
    row.append(name, select);
    each.append(row);
  }
}

/** Removes the rows, so no second control named like the simulation's own stays on the page. */
function removeControlRows(panel: HTMLElement): void {
  for (const row of panel.querySelectorAll('.embed-each-row')) row.remove();
}

/** The panel's preview frame, taken from its template the first time it is asked for. */
function previewFrame(panel: HTMLElement): HTMLIFrameElement | null {
  const placed = panel.querySelector<HTMLIFrameElement>('iframe[data-embed-preview]');
  if (placed) return placed;
  const template = panel.querySelector<HTMLTemplateElement>('template[data-embed-preview-template]');
  const frame = template && document.importNode(template.content, true).querySelector('iframe');
  if (!template || !frame) return null;
  template.replaceWith(frame);
  return frame;
}

/** Wires every embed panel under `root`: open, fill in the code and the preview, copy, close. */
export function wireEmbedPanels(root: ParentNode): void {
  const refused = 'Select the code and copy it with Ctrl+C (⌘C on a Mac).';
  wireCopyDialogs(root, { name: 'embed', field: '[data-embed-code]', refused }, ({ panel, field, status }) => {
    const link = panel.querySelector<HTMLAnchorElement>('[data-embed-link]');
    if (!link) return null;
    const { path = '/', title = '', height = '720', prefix, state = '' } = panel.dataset;
    const notices = panel.querySelector<HTMLElement>('[data-embed-notices]');
    let previewTimer: ReturnType<typeof setTimeout> | undefined;
    const chosen = new Map<string, string>();
    const fill = () => {
      const form = readForm(panel, Number(height));
      // A simulation embeds in the complete state it shows now (every parameter, even those the
      // address does not carry yet); a quiz has no state in the URL.
      const search = prefix ? currentQuery(prefix, state, location.search) : '';
      const src = embedUrl(path, location.origin, search, form.choices);
      field.value = embedCode(src, title, form.height);
      link.href = src;
      link.textContent = src;
      status.textContent = '';
      if (notices) notices.textContent = form.notices.join(' ');
      const preview = previewFrame(panel);
      if (preview) {
        // The frame the code makes, loaded once the choices rest: a page load per keystroke would flicker.
        clearTimeout(previewTimer);
        previewTimer = setTimeout(() => {
          preview.height = String(form.height);
          if (preview.src !== src) preview.src = src;
        }, 300);
      }
    };
    // A closed dialog stops its preview: no simulation runs where nobody sees it.
    panel.querySelector('dialog')?.addEventListener('close', () => {
      clearTimeout(previewTimer);
      panel.querySelector('iframe[data-embed-preview]')?.removeAttribute('src');
      removeControlRows(panel);
    });
    panel.addEventListener('change', fill);
    panel.addEventListener('input', (event) => {
      if ((event.target as Element).matches('input[type="number"], input[type="url"]')) fill();
    });
    return () => {
      removeControlRows(panel);
      addControlRows(panel, prefix, chosen);
      fill();
    };
  });
}
