/**
 * Text normalisation shared by the index and the queries, so both sides meet in the same
 * vocabulary: accent and case folding, numbers kept whole ("2,257km" -> "2257 km", "26.3" stays),
 * the curated alias table (Kremlin -> russia, Belt and Road -> bri), stop words and a Porter stem.
 * Applying exactly the same steps to entries and questions is what makes aliases safe.
 */
import { stemmer } from 'stemmer';
import type { Alias } from '../types.js';

/** At most this many characters of a question are matched; the rest cannot change the answer. */
export const MAX_MATCH_CHARS = 600;

/** Case, accent and punctuation folding; digits grouped as written. Pure, never throws. */
export function fold(input: string): string {
  return input
    .slice(0, MAX_MATCH_CHARS)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

export interface NormalizerData {
  readonly aliases: readonly Alias[];
  readonly stopwords: readonly string[];
}

/** Turns text into words: fold, rewrite aliases, drop stop words (not yet stemmed). */
export type Tokenizer = (text: string) => string[];

/** Builds the tokenizer for one alias table and stop-word list; stem its words with `stemWord`. */
export function createTokenizer(data: NormalizerData): Tokenizer {
  const rewrite = aliasRewriter(data.aliases);
  const stop = new Set(data.stopwords.map(fold));
  return (text) => rewrite(fold(text)).split(' ').filter((w) => w !== '' && !stop.has(w));
}

/** Single-word alias variants and their single-word canonical form, for typo correction. */
export function aliasWords(aliases: readonly Alias[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const a of aliases) {
    const canonical = fold(a.canonical);
    if (canonical.includes(' ')) continue;
    for (const v of a.variants.map(fold)) if (v !== '' && !v.includes(' ')) words.set(v, canonical);
  }
  return words;
}

/** Porter stem for words; numbers and short words are kept as they are. */
export function stemWord(word: string): string {
  return word.length > 3 && /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regex over every variant, longest first, whole words only; one pass, so no chains. */
function aliasRewriter(aliases: readonly Alias[]): (folded: string) => string {
  const table = new Map<string, string>();
  for (const a of aliases) {
    const canonical = fold(a.canonical);
    for (const v of a.variants) {
      const key = fold(v);
      if (key !== '' && key !== canonical) table.set(key, canonical);
    }
  }
  if (table.size === 0) return (s) => s;
  const alternation = [...table.keys()].sort((x, y) => y.length - x.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?<![a-z0-9.])(?:${alternation})(?![a-z0-9.])`, 'g');
  return (s) => s.replace(pattern, (m) => table.get(m) ?? m);
}
