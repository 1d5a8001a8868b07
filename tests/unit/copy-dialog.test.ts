// @vitest-environment happy-dom
// The copy dialogs' shared wiring (src/lib/share/copy-dialog.ts), as SharePanel and EmbedPanel use it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wireCopyDialogs, type CopyDialogKind } from '../../src/lib/share/copy-dialog.ts';

/** A kind of panel named `test`: its parts are `[data-test-panel]`, `.test-open-dialog`, and so on. */
const kind: CopyDialogKind = { name: 'test', field: '[data-test-field]', refused: 'Copy it by hand.' };

/** One panel's markup; `without` leaves out the part with that selector. */
function panelHtml(without = ''): string {
  const parts: [string, string][] = [
    ['.test-open-dialog', '<button type="button" class="test-open-dialog">Open</button>'],
    ['dialog', '<dialog>'],
    ['[data-test-field]', '<input readonly data-test-field />'],
    ['[data-test-copy]', '<button type="button" data-test-copy>Copy</button>'],
    ['[data-test-status]', '<span role="status" data-test-status></span>'],
  ];
  const inner = parts
    .filter(([selector]) => selector !== without)
    .map(([, html]) => html)
    .join('');
  return `<div data-test-panel>${inner}${without === 'dialog' ? '' : '</dialog>'}</div>`;
}

/** A document holding `html`, with `showModal` recorded (happy-dom's own may be missing). */
function page(html: string) {
  document.body.innerHTML = html;
  const opened = vi.fn();
  for (const dialog of document.querySelectorAll('dialog')) dialog.showModal = opened;
  return { opened, click: (selector: string) => document.querySelector<HTMLElement>(selector)?.click() };
}

/** Lets the copy's promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Replaces the clipboard: `writeText` resolves, rejects, or the clipboard is missing (`undefined`). */
function clipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(
    (writeText ? { writeText } : undefined) as unknown as Clipboard,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('wireCopyDialogs', () => {
  it('fills the dialog afresh on every opening, then opens it', () => {
    const { opened, click } = page(panelHtml());
    let fills = 0;
    wireCopyDialogs(document, kind, ({ field }) => () => {
      fills += 1;
      field.value = `link ${fills}`;
    });
    click('.test-open-dialog');
    expect(document.querySelector<HTMLInputElement>('[data-test-field]')?.value).toBe('link 1');
    expect(opened).toHaveBeenCalledTimes(1);
    click('.test-open-dialog');
    expect(fills).toBe(2);
  });

  it.each([
    ['copies the field and says so', async () => {}, 'Copied.'],
    [
      'says how to copy by hand when the clipboard refuses',
      () => Promise.reject(new Error('denied')),
      'Copy it by hand.',
    ],
    ['says how to copy by hand when there is no clipboard (an insecure page)', undefined, 'Copy it by hand.'],
  ])('%s', async (_, writeText, message) => {
    const copied: string[] = [];
    clipboard(writeText && ((text) => (copied.push(text), writeText())));
    const { click } = page(panelHtml());
    wireCopyDialogs(document, kind, ({ field }) => () => {
      field.value = 'the link';
    });
    click('.test-open-dialog');
    click('[data-test-copy]');
    await settle();
    expect(document.querySelector('[data-test-status]')?.textContent).toBe(message);
    expect(copied).toEqual(writeText ? ['the link'] : []);
  });

  it.each(['.test-open-dialog', 'dialog', '[data-test-field]', '[data-test-status]'])(
    'leaves a panel without its %s unwired, and wires the others',
    (missing) => {
      page(panelHtml(missing) + panelHtml());
      const panels: HTMLElement[] = [];
      wireCopyDialogs(document, kind, ({ panel }) => (panels.push(panel), () => {}));
      expect(panels).toEqual([document.querySelectorAll('[data-test-panel]')[1]]);
    },
  );

  it('leaves a panel unwired when its own setup finds a part missing', () => {
    const { opened, click } = page(panelHtml());
    wireCopyDialogs(document, kind, () => null);
    click('.test-open-dialog');
    expect(opened).not.toHaveBeenCalled();
  });
});
