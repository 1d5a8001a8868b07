/** Finding glossary terms in text: the pattern the lessons' links and the glossary's checks share. */

/** What linking needs of a glossary term: its anchor id and the ways lessons write it. */
export interface GlossaryTerm {
  id: string;
  forms: readonly string[];
}

/** A compiled set of terms: one pattern over every form, and the term each form belongs to. */
export interface TermMatcher {
  pattern: RegExp;
  termOf: Map<string, string>;
}

/**
 * Compiles terms into one pattern, longest forms first so that "inverted dropout" wins over a
 * shorter form starting at the same place. Throws when two terms share a form.
 */
export function termMatcher(terms: readonly GlossaryTerm[]): TermMatcher {
  const termOf = new Map<string, string>();
  for (const { id, forms } of terms) {
    for (const form of forms) {
      const key = form.toLowerCase();
      const other = termOf.get(key);
      if (other !== undefined && other !== id) {
        throw new Error(`glossary: the form "${form}" belongs to both "${other}" and "${id}"; give it to one term`);
      }
      termOf.set(key, id);
    }
  }
  const alternatives = [...termOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Letters, digits, "_" and "-" continue a word: "mask" is not found in "masked" or "l2" in "l2-norm".
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(${alternatives.join('|')})s?(?![\\p{L}\\p{N}_-])`, 'giu');
  return { pattern, termOf };
}
