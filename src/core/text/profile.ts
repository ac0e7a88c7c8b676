/**
 * What the matcher needs to know about a language, injected rather than imported: how text is
 * folded, how a word is stemmed, and which words are dictionary words (never corrected as typos,
 * never taken for names). English is the default; French and German live in ../lang/.
 */
import { stemmer } from 'stemmer';
import { isCapitalisedWord, isCommonLowerCaseWord, isCommonWord, isEnglishWord } from './dictionary.js';
import { fold } from './normalize.js';
import { remembered } from './remembered.js';

/** Word lists of one language, all on folded lower-case words. */
export interface Lexicon {
  /** A dictionary word: not a name or acronym. */
  isWord(word: string): boolean;
  /** A word in common use: never "corrected" to another word. */
  isCommon(word: string): boolean;
  /** Usually written with a capital (a name such as "india"), though a dictionary word. */
  isCapitalised(word: string): boolean;
  /** An everyday word written in lower case ("head", not "china"): never a proper noun. */
  isCommonLowerCase(word: string): boolean;
}

export interface TextProfile {
  /** `en`, `fr` or `de`. */
  readonly language: string;
  /** Case, accent and punctuation folding (see normalize.ts `fold`). */
  fold(text: string): string;
  /** The stem of one folded word; numbers and short words are kept as they are. */
  stem(word: string): string;
  readonly lexicon: Lexicon;
}

export const ENGLISH_LEXICON: Lexicon = {
  isWord: isEnglishWord,
  isCommon: isCommonWord,
  isCapitalised: isCapitalisedWord,
  isCommonLowerCase: isCommonLowerCaseWord,
};

/** Porter stem for words; numbers and short words are kept as they are. */
export const englishStem: (word: string) => string = remembered((word) => (word.length > 3 && /^[a-z]+$/.test(word) ? stemmer(word) : word));

export const ENGLISH: TextProfile = { language: 'en', fold, stem: englishStem, lexicon: ENGLISH_LEXICON };
