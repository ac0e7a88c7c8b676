/**
 * The languages the bot answers in. The paper is English; French and German questions are matched
 * against curated French and German phrasings and answered with faithful translations, quotes
 * staying verbatim English (knowledge/lang/).
 */
export const LANGUAGES = ['en', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages other than English, which need an overlay in knowledge/lang/<code>/. */
export const TRANSLATED: readonly Exclude<Language, 'en'>[] = ['fr', 'de'];

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** `fr-FR`, `de_CH`, `FR` -> `fr`; undefined for anything else. */
export function languageOf(locale: string | undefined): Language | undefined {
  const code = locale?.trim().slice(0, 2).toLowerCase() ?? '';
  return isLanguage(code) ? code : undefined;
}

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', fr: 'français', de: 'Deutsch' };
