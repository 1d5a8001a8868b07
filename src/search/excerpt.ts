/** One run of an excerpt's text: plain, or one of the words the search matched. */
export interface ExcerptPart {
  text: string;
  /** a matched word, shown in `<mark>` */
  mark: boolean;
}

const MARK = /<mark>(.*?)<\/mark>/g;
/** A marked word's punctuation on either side (Pagefind marks `augmentation.` whole). */
const WORD = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Pagefind's excerpt, split into text runs for text nodes and `<mark>` elements. The excerpt is
 * page text with the matched words wrapped in `<mark>…</mark>` and with `<` and `>` written as
 * `&lt;` and `&gt;` (nothing else is escaped, so `&amp;` stays as written). It is never parsed as
 * HTML: everything but the marks becomes text. Punctuation next to a marked word is left unmarked.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  let from = 0;
  for (const match of excerpt.matchAll(MARK)) {
    push(decode(excerpt.slice(from, match.index)), false);
    const [, before = '', word = '', after = ''] = WORD.exec(decode(match[1] ?? '')) ?? [];
    push(before, false);
    push(word, true);
    push(after, false);
    from = match.index + match[0].length;
  }
  push(decode(excerpt.slice(from)), false);
  return parts;
}
