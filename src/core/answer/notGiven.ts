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
export function notGivenEntries(
  entries: readonly Entry[],
  terms: (text: string) => ReadonlySet<string>,
): { pseudo: Entry[]; notes: Map<string, NotGivenNote> } {
  const pseudo: Entry[] = [];
  const notes = new Map<string, NotGivenNote>();
  for (const entry of entries) {
    (entry.notGiven ?? []).forEach((gap, i) => {
      const id = `${entry.id}${SEPARATOR}${i + 1}`;
      const [question = gap.note, ...alternates] = gap.asks;
      pseudo.push({ ...entry, id, question, alternates, answer: gap.note, related: [entry.id], notGiven: [] });
      const own = terms([entry.question, ...entry.alternates, entry.answer, ...entry.citations.map((c) => c.quote)].join(' '));
      const specific = new Set([...terms(gap.asks.join(' '))].filter((t) => !own.has(t)));
      notes.set(id, { entry, note: gap.note, specific });
    });
  }
  return { pseudo, notes };
}
