/**
 * Proper nouns learned from how the paper capitalises them: a word written with a capital inside
 * a sentence and never in lower case ("China", "EU", "Macron") names something, so an entry that
 * never mentions it is about something else. Sentence starts and addresses are not evidence.
 */
import { ENGLISH, type TextProfile } from '../text/profile.js';

/** The folded proper nouns and acronyms of `texts`, excluding stop words and everyday words. */
export function properNouns(texts: readonly string[], stopwords: ReadonlySet<string>, profile: TextProfile = ENGLISH): Set<string> {
  const fold = profile.fold;
  const capital = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    // Addresses ("www.robert-schuman.eu/en") are not sentences.
    for (const sentence of text.replace(/\S*\p{L}[./]\p{L}\S*/gu, ' ').split(/[.!?:;]\s+|\n/)) {
      const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
      words.slice(1).forEach((w) => {
        (/^\p{Lu}/u.test(w) ? capital : lower).add(fold(w));
      });
    }
  }
  // Never written in lower case here, and not an everyday lower-case word ("Joint Declaration").
  return new Set([...capital].filter((w) => !lower.has(w) && !stopwords.has(w) && !profile.lexicon.isCommonLowerCase(w)));
}
