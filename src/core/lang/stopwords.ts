/**
 * French and German stop words: the stopwords-iso lists (a kept, widely used collection), less
 * what a curator marks `keep` in knowledge/lang/<code>/vocabulary.yaml. Question words may be stop
 * words for matching: the kind of question is read from the raw text (questionTypes.ts).
 */
import { createRequire } from 'node:module';
import type { TranslatedLanguage } from '../types.js';

let lists: Readonly<Record<string, readonly string[]>> | undefined;

export function stopwordsFor(lang: TranslatedLanguage): readonly string[] {
  lists ??= createRequire(import.meta.url)('stopwords-iso') as Readonly<Record<string, readonly string[]>>;
  return lists[lang] ?? [];
}
