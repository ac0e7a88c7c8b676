/**
 * French and German text profiles for the matcher: Snowball stemmers (@orama/stemmers), word lists
 * (an-array-of-french-words, an-array-of-german-words, folded at build time into build/wordlists/
 * and read on first use, see ../text/wordlists.ts) and German folding (../text/fold.ts) that writes
 * umlauts as people without a German keyboard do (ä -> ae, ß -> ss), so "Könnten" and "Koennten"
 * meet. Words of either list, or English ones ("deal", "de-risking"), are not names.
 */
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { fold, foldGerman } from '../text/fold.js';
import { ENGLISH, ENGLISH_LEXICON, type Lexicon, type TextProfile } from '../text/profile.js';
import { remembered } from '../text/remembered.js';
import { wordList } from '../text/wordlists.js';
import type { Language } from './languages.js';

const frenchWord = (w: string): boolean => wordList('fr-words').has(w);
const germanWord = (w: string): boolean => wordList('de-words').has(w);

/** True when `word` (folded as that language folds) is in the language's own word list (English: its dictionary). */
export function nativeWord(language: Language, word: string): boolean {
  if (language === 'fr') return frenchWord(word);
  if (language === 'de') return germanWord(word);
  return ENGLISH_LEXICON.isWord(word);
}

function wordListLexicon(has: (w: string) => boolean): Lexicon {
  return {
    isWord: (w) => has(w) || ENGLISH_LEXICON.isWord(w),
    isCommon: (w) => has(w) || ENGLISH_LEXICON.isCommon(w),
    isCapitalised: () => false,
    // German writes every noun with a capital: only the dictionary tells a name from a noun.
    isCommonLowerCase: (w) => has(w) || ENGLISH_LEXICON.isCommonLowerCase(w),
  };
}

function snowball(stem: (w: string) => string): (word: string) => string {
  return remembered((word) => (word.length > 3 && /^[a-z]+$/.test(word) ? stem(word) : word));
}

const FRENCH: TextProfile = {
  language: 'fr',
  fold,
  stem: snowball((w) => frenchStemmer(w)),
  lexicon: wordListLexicon(frenchWord),
};

const GERMAN: TextProfile = {
  language: 'de',
  fold: foldGerman,
  // The stemmer reads umlauts spelt out as ae / oe / ue, as Snowball's German algorithm allows.
  stem: snowball((w) => germanStemmer(w)),
  lexicon: wordListLexicon(germanWord),
};

export const PROFILES: Readonly<Record<Language, TextProfile>> = { en: ENGLISH, fr: FRENCH, de: GERMAN };
