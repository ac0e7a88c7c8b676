/**
 * The matcher's folding, in a module of its own (importing only the pure remembered.ts): the word
 * lists under build/wordlists/ are folded by scripts/wordlists.ts with these very functions, so a
 * list and the questions looked up in it can never be folded two ways.
 */
import { remembered } from './remembered.js';

/** Case, accent and punctuation folding; digits grouped as written. Pure, never throws. */
export const fold: (input: string) => string = remembered(foldText, 1000);

function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/%/g, ' percent ')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

/** Umlauts and ß spelt out before accents are dropped: "Rüstungsexporte" -> "ruestungsexporte". */
export function foldGerman(text: string): string {
  return fold(text.replace(/[äÄ]/g, 'ae').replace(/[öÖ]/g, 'oe').replace(/[üÜ]/g, 'ue').replace(/ß/g, 'ss'));
}
