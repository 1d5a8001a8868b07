// @vitest-environment happy-dom
// Printed pictures kept as text until printing (src/lib/share/printed-pictures.ts): a browser with
// scripting on parses a `<noscript>`'s content as one string, which the page builds when printed.
import { beforeEach, describe, expect, it } from 'vitest';
import { showPrintedPictures } from '../../src/lib/share/printed-pictures.ts';

const PICTURE =
  '<div class="chart"><svg viewBox="0 0 10 10" role="img" aria-label="Printed chart"><circle cx="5" cy="5" r="2"></circle></svg></div><p>Legend</p>';

/** A printed picture as a browser with scripting on holds it: the markup as the text of its `<noscript>`. */
function pictureAsText(markup: string): HTMLElement {
  const holder = document.createElement('div');
  holder.className = 'sim-print-picture';
  const text = document.createElement('noscript');
  text.setAttribute('data-printed-picture', '');
  text.textContent = markup;
  holder.append(text);
  document.body.append(holder);
  return holder;
}

describe('showPrintedPictures', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('builds each picture in place of its text, in order, with nothing left over', () => {
    const first = pictureAsText(PICTURE);
    const second = pictureAsText('<p>Second</p>');
    expect(first.querySelector('svg')).toBeNull();

    showPrintedPictures(document);

    expect(first.querySelector('noscript')).toBeNull();
    expect(first.querySelector('svg')?.getAttribute('aria-label')).toBe('Printed chart');
    expect(first.querySelector('circle')?.getAttribute('r')).toBe('2');
    expect([...first.children].map((child) => child.tagName)).toEqual(['DIV', 'P']);
    expect(second.textContent).toBe('Second');
    expect(document.querySelectorAll('noscript')).toHaveLength(0);
  });

  it('reads the text as markup: its character references become the characters they name', () => {
    const holder = pictureAsText('<p class="tick">x &#8722; 1 &amp; y&#160;z</p>');
    showPrintedPictures(document);
    expect(holder.querySelector('p.tick')?.textContent).toBe('x \u2212 1 & y\u00a0z');
  });

  it('leaves other <noscript> elements alone', () => {
    document.body.innerHTML = '<noscript>The interactive version needs JavaScript.</noscript>';
    showPrintedPictures(document);
    expect(document.querySelector('noscript')?.textContent).toBe('The interactive version needs JavaScript.');
  });
});
