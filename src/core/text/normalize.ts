/**
 * Text normalisation shared by the index and the queries, so both sides meet in the same
 * vocabulary: accent and case folding, numbers kept whole ("2,257km" -> "2257 km", "26.3" stays),
 * the curated alias table (Kremlin -> russia, Belt and Road -> bri), stop words and a Porter stem.
 * Applying exactly the same steps to entries and questions is what makes aliases safe.
 */
import { stemmer } from 'stemmer';
import type { Alias } from '../types.js';
import { fold } from './fold.js';

// fold lives in fold.ts, free of imports, so scripts/wordlists.ts folds the word lists with it too.
export { fold };

/**
 * At most this many characters of a question are matched; the rest cannot change the answer.
 * Applied by the matcher to questions only: what is indexed (long answers, quotes) is never cut.
 */
export const MAX_MATCH_CHARS = 600;

export interface NormalizerData {
  readonly aliases: readonly Alias[];
  readonly stopwords: readonly string[];
  /**
   * The stop words that also drop a word an alias wrote (default: `stopwords`). Aliases write the
   * English canonical forms, which another language's stop list may hold by accident: French "UE"
   * -> "eu" (avoir's participle), German "Krieg" -> "war" (sein's past); those are meant.
   */
  readonly aliasStopwords?: readonly string[];
}

/** Turns text into words: fold, rewrite aliases, drop stop words (not yet stemmed). */
export type Tokenizer = (text: string) => string[];

/** Builds the tokenizer for one alias table and stop-word list; stem its words with `stemWord`. */
export function createTokenizer(data: NormalizerData, foldText: (text: string) => string = fold): Tokenizer {
  const rewrite = aliasWords(data.aliases, foldText);
  const stop = new Set(data.stopwords.map(foldText));
  const aliasStop = data.aliasStopwords ? new Set(data.aliasStopwords.map(foldText)) : stop;
  // Single letters carry no meaning once aliases have read them ("u s a" -> usa; the "x" of an ISSN).
  // A word an alias wrote is meant unless `aliasStopwords` stops it: French "UE" -> "eu" is kept,
  // while "eu" as written ("a eu lieu") is avoir's participle and stays a stop word.
  return (text) => rewrite(foldText(text)).filter((w) => (w.word.length > 1 || /\d/.test(w.word)) && !(w.aliased ? aliasStop : stop).has(w.word)).map((w) => w.word);
}

/** A word after alias rewriting, and whether an alias wrote it. */
interface RewrittenWord {
  readonly word: string;
  readonly aliased: boolean;
}

/** Porter stem for words; numbers and short words are kept as they are. */
export function stemWord(word: string): string {
  return word.length > 3 && /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

/**
 * Alias rewriting on words, longest variant first, in one left-to-right pass (so no chains).
 * Variants are indexed by their first word: a question costs a few map lookups per word rather
 * than one regex with hundreds of alternatives.
 */
export function aliasRewriter(aliases: readonly Alias[], foldText: (text: string) => string = fold): (folded: string) => string {
  const rewrite = aliasWords(aliases, foldText);
  return (folded) => rewrite(folded).map((w) => w.word).join(' ');
}

/** `aliasRewriter`, word by word, each marked with whether an alias wrote it. */
function aliasWords(aliases: readonly Alias[], foldText: (text: string) => string): (folded: string) => RewrittenWord[] {
  const byFirst = new Map<string, { words: string[]; canonical: string }[]>();
  for (const a of aliases) {
    const canonical = foldText(a.canonical);
    for (const v of a.variants) {
      const words = foldText(v).split(' ').filter((w) => w !== '');
      const first = words[0];
      if (first === undefined || words.join(' ') === canonical) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ words, canonical });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.words.length - x.words.length);
  return (folded) => {
    const words = folded.split(' ');
    const out: RewrittenWord[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = byFirst.get(words[i] ?? '')?.find((v) => v.words.every((w, j) => words[i + j] === w));
      if (hit) {
        for (const word of hit.canonical.split(' ')) if (word !== '') out.push({ word, aliased: true });
        i += hit.words.length;
      } else {
        out.push({ word: words[i] ?? '', aliased: false });
        i++;
      }
    }
    return out;
  };
}
