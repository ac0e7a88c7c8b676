/**
 * The digest's language as people type it after `subscribe`: the code (`fr`) or the language's
 * name in English, French or German (`french`, `français`, `francais`, `französisch`), any case.
 * A word that is neither a time, a zone nor one of these is reported as a bad zone by the parser,
 * so `subscribe 09:00 Europe/Paris fr` and `subscribe fr` both work, and a typo is never silently
 * taken for English.
 */
import { fold } from '../text/fold.js';
import { LANGUAGE_NAMES, type Language } from '../lang/languages.js';

const NAMES: Readonly<Record<string, Language>> = {
  en: 'en', english: 'en', anglais: 'en', englisch: 'en',
  fr: 'fr', french: 'fr', francais: 'fr', franzosisch: 'fr',
  de: 'de', german: 'de', allemand: 'de', deutsch: 'de',
};

/** `fr`, `Français`, `deutsch` -> the language; undefined for anything else. */
export function digestLanguage(word: string): Language | undefined {
  return NAMES[fold(word.trim().toLowerCase())];
}

/** `français (fr)`: how a confirmation names the language. */
export function languageLabel(language: Language): string {
  return `${LANGUAGE_NAMES[language]} (${language})`;
}
