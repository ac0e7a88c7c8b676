/**
 * An English word list (an-array-of-english-words, ~275k words). A real word is never "corrected":
 * without this, "aiming" became "arming" and "attach" became "attack", turning ordinary questions
 * into questions about weapons. Loaded once, on first use.
 */
import { createRequire } from 'node:module';

let words: ReadonlySet<string> | undefined;

/** True when `word` (lower case) is an English dictionary word. */
export function isEnglishWord(word: string): boolean {
  if (!words) {
    const require = createRequire(import.meta.url);
    words = new Set(require('an-array-of-english-words') as readonly string[]);
  }
  return words.has(word);
}
