/**
 * Curated "the paper does not say" notes, indexed like entries so that a question about a detail
 * the paper lacks ("what was in the 13th package?") finds the note rather than the neighbouring
 * entry that would answer another question ("how many packages?"). Each note becomes a pseudo-entry
 * `<entry>~not-given-<n>` related to its entry, so it never counts as that entry's rival.
 */
import type { Entry } from '../types.js';

export interface NotGivenNote {
  /** The entry that says what the paper does say. */
  readonly entry: Entry;
  readonly note: string;
  /**
   * Words of the note's questions that its entry never uses ("discuss", "13"): a question must use
   * one for the note to apply, so "xi zelensky call" still gets the entry, not the note.
   */
  readonly specific: ReadonlySet<string>;
}

const SEPARATOR = '~not-given-';

/** The pseudo-entries to index, and how to find the note behind each. */
export function notGivenEntries(entries: readonly Entry[]): Entry[] {
  return entries.flatMap((entry) =>
    (entry.notGiven ?? []).map((gap, i): Entry => {
      const [question = gap.note, ...alternates] = gap.asks;
      return { ...entry, id: `${entry.id}${SEPARATOR}${i + 1}`, question, alternates, answer: gap.note, related: [entry.id], notGiven: [] };
    }),
  );
}

/**
 * The words of all `texts`, each read by `terms` on its own: `terms` reads a question, so it reads
 * only its first MAX_MATCH_CHARS characters, and an entry's phrasings joined are far longer (the
 * words of its later phrasings were missed, and counted as words the entry never uses).
 */
export function termsOfAll(texts: readonly string[], terms: (text: string) => ReadonlySet<string>): Set<string> {
  return new Set(texts.flatMap((t) => [...terms(t)]));
}

/** Each pseudo-entry's note, with its specific words read by `terms` (the index's tokenizer). */
export function notGivenNotes(entries: readonly Entry[], terms: (text: string) => ReadonlySet<string>): Map<string, NotGivenNote> {
  const notes = new Map<string, NotGivenNote>();
  for (const entry of entries) {
    const own = (entry.notGiven ?? []).length > 0 ? termsOfAll([entry.question, ...entry.alternates, entry.answer, ...entry.citations.map((c) => c.quote)], terms) : new Set<string>();
    (entry.notGiven ?? []).forEach((gap, i) => {
      const specific = new Set([...termsOfAll(gap.asks, terms)].filter((t) => !own.has(t)));
      notes.set(`${entry.id}${SEPARATOR}${i + 1}`, { entry, note: gap.note, specific });
    });
  }
  return notes;
}
