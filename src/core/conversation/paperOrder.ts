/**
 * "And then?", "what happened next?": the entry that comes next in the paper. Entries are placed
 * by their first citation: the paragraph's place in the paper, then where the quote starts in it.
 */
import type { Entry, Knowledge } from '../types.js';

/** "And then?" in English, French and German, on folded text (accents and punctuation gone). */
export const NEXT = /^(?:and then|then what|what then|what happened next|what happened then|what happened after that|what came next|what next|and after that|after that|and afterwards|afterwards|et apres|et ensuite|ensuite|et puis|und dann|und danach|danach|was geschah dann|was kam danach)$/;

/** Where `entry` is in the paper, as [paragraph index, offset of the quote]; undefined without a citation found. */
function place(knowledge: Knowledge, entry: Entry): readonly [number, number] | undefined {
  const first = entry.citations[0];
  if (!first) return undefined;
  const index = knowledge.paragraphs.findIndex((p) => p.id === first.paragraphId);
  if (index < 0) return undefined;
  const offset = knowledge.paragraphs[index]?.text.indexOf(first.quote.slice(0, 40)) ?? -1;
  return [index, Math.max(0, offset)];
}

const after = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The entry related to `previous` (either way) or citing one of its paragraphs that comes first
 * after it in the paper; undefined when none comes after.
 */
export function nextInPaper(knowledge: Knowledge, previous: Entry): Entry | undefined {
  const from = place(knowledge, previous);
  if (!from) return undefined;
  const paragraphs = new Set(previous.citations.map((c) => c.paragraphId));
  const candidates = knowledge.entries.filter(
    (e) => e.id !== previous.id && (previous.related.includes(e.id) || e.related.includes(previous.id) || e.citations.some((c) => paragraphs.has(c.paragraphId))),
  );
  let best: { entry: Entry; at: readonly [number, number] } | undefined;
  for (const entry of candidates) {
    const at = place(knowledge, entry);
    if (at && after(at, from) && (!best || after(best.at, at))) best = { entry, at };
  }
  return best?.entry;
}
