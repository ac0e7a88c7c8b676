/**
 * The language of a question, for chat-length texts where trigram statistics alone mislead
 * ("eu cn trade deficit?" reads as French to them). In order:
 * 1. function words: which language's stop words (stopwords-iso) the text uses that the other two
 *    do not ("wer", "quel", "which");
 * 2. dictionary words: which language's word list holds more of its words;
 * 3. franc (franc-min), restricted to English, French and German, on sentences of 16 letters or more;
 * 4. the platform's hint (Teams locale, Slack user locale), then English.
 */
import { createRequire } from 'node:module';
import { franc } from 'franc-min';
import { LANGUAGES, type Language } from './languages.js';
import { foldGerman } from '../text/fold.js';
import { nativeWord } from './profiles.js';

/** Below this many letters franc is not asked: its guesses on short texts are noise. */
export const MIN_DETECT_LETTERS = 16;

const FRANC: Readonly<Record<string, Language>> = { eng: 'en', fra: 'fr', deu: 'de' };

export interface Detection {
  readonly language: Language;
  /** What decided: the text's words or franc on it, the platform hint, or the English default. */
  readonly by: 'text' | 'hint' | 'default';
}

/** Stop words that are also names in questions about the paper ("eu" is French for "had"). */
const NOT_FUNCTION_WORDS: ReadonlySet<string> = new Set(['eu', 'ue', 'us', 'ai', 'uk']);

/**
 * stopwords-iso's English list also holds some 200 two-letter country and domain codes ("ru", "cn",
 * "pr", "fr"), so "c quoi l'expression de Bobo Lo pr decrire la relation ru-cn" read as English:
 * of its two-letter words only these are English function words.
 */
const ENGLISH_SHORT: ReadonlySet<string> = new Set(['am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'oh', 'ok', 'on', 'or', 'so', 'to', 'up', 'we']);

/** Names made of another language's function words: "von der Leyen" in an English question is no German. */
const NAMES_OF_FUNCTION_WORDS = /\bvon der\b/g;

let markers: Readonly<Record<Language, ReadonlySet<string>>> | undefined;

/** Each language's stop words that are not stop words of the other two (folded, umlauts spelt out). */
function functionWords(): Readonly<Record<Language, ReadonlySet<string>>> {
  if (markers) return markers;
  const lists = createRequire(import.meta.url)('stopwords-iso') as Readonly<Record<string, readonly string[]>>;
  const kept = (l: Language, w: string): boolean => w.length > 1 && !NOT_FUNCTION_WORDS.has(w) && (l !== 'en' || w.length > 2 || ENGLISH_SHORT.has(w));
  const sets = Object.fromEntries(LANGUAGES.map((l) => [l, new Set((lists[l] ?? []).map(foldGerman).filter((w) => kept(l, w)))])) as Record<Language, Set<string>>;
  const only = (l: Language): Set<string> => new Set([...sets[l]].filter((w) => LANGUAGES.every((o) => o === l || !sets[o].has(w))));
  markers = { en: only('en'), fr: only('fr'), de: only('de') };
  return markers;
}

/** The question's language, from its text, else `hint`, else English. */
export function detectLanguage(text: string, hint?: Language): Detection {
  const words = foldGerman(text).replace(NAMES_OF_FUNCTION_WORDS, ' ').split(' ').filter((w) => w.length > 1 && !/\d/.test(w) && !NOT_FUNCTION_WORDS.has(w));
  const fw = functionWords();
  const functionCounts = LANGUAGES.map((l) => [l, words.filter((w) => fw[l].has(w)).length] as const);
  const byFunction = leader(functionCounts);
  if (byFunction) return { language: byFunction, by: 'text' };
  const byDictionary = leader(LANGUAGES.map((l) => [l, words.filter((w) => nativeWord(l, w)).length]));
  if (byDictionary) return { language: byDictionary, by: 'text' };
  // Keyword queries ("eu china trade deficit") have no function words for franc to read either.
  const sentence = functionCounts.some(([, n]) => n > 0);
  if (sentence && text.replace(/[^\p{L}]/gu, '').length >= MIN_DETECT_LETTERS) {
    const found = FRANC[franc(text, { only: ['eng', 'fra', 'deu'], minLength: MIN_DETECT_LETTERS })];
    if (found) return { language: found, by: 'text' };
  }
  return hint ? { language: hint, by: 'hint' } : { language: 'en', by: 'default' };
}

/** The one language with the highest count, when it leads strictly and is above zero. */
function leader(counts: readonly (readonly [Language, number])[]): Language | undefined {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = sorted;
  return first && first[1] > 0 && first[1] > (second?.[1] ?? 0) ? first[0] : undefined;
}
