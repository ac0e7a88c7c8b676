/**
 * Turns a decision into the core's plain `Answer`: the entry's text and citations, "did you mean"
 * entries, what the paper does not say (with what it does say, cited), a decline, or a small-talk
 * reply. Wording lives here once for every platform; adapters only render it.
 */
import type { SmalltalkKind } from '../smalltalk.js';
import type { Answer, Citation, Entry, EntryRef, Knowledge, Source } from '../types.js';
import { paragraphLocations } from './location.js';
import { textFragmentUrl } from './textFragment.js';

export interface Composer {
  answer(text: string, entry: Entry, confidence: number): Answer;
  suggest(text: string, entries: readonly Entry[], confidence: number): Answer;
  /** The paper lacks what was asked: `note` says so, then what `entry` does say, cited; a suggestion. */
  notGiven(text: string, entry: Entry, note: string | undefined, confidence: number): Answer;
  decline(text: string, confidence: number): Answer;
  smalltalk(text: string, kind: SmalltalkKind): Answer;
}

export const ref = (e: Entry): EntryRef => ({ id: e.id, question: e.question });

/** When no curated note says what is missing: careful wording, since the bot may be wrong. */
const GENERIC_NOT_GIVEN = "I can't find that detail in the paper.";

/** The composer for one knowledge set. */
export function answerComposer(k: Knowledge, byId: ReadonlyMap<string, Entry>): Composer {
  const paragraphs = new Map(k.paragraphs.map((p) => [p.id, p]));
  const sections = new Map(k.sections.map((s) => [s.id, s.title]));
  const locations = paragraphLocations(k);
  const about = aboutText(k.source);
  const link = (quote: string): string => (k.source.paperPage ? textFragmentUrl(k.source.url, quote) : k.source.url);
  const citation = (paragraphId: string, quote: string): Citation => {
    const sectionId = paragraphs.get(paragraphId)?.sectionId ?? '';
    const section = sections.get(sectionId) ?? sectionId;
    const place = locations.get(paragraphId) ?? { label: `Section '${section}'`, position: '' };
    return { paragraphId, sectionId, section, location: place.label, position: place.position, quote, url: link(quote) };
  };
  const citations = (entry: Entry): Citation[] => entry.citations.map((c) => citation(c.paragraphId, c.quote));
  const empty = { citations: [], related: [], suggestions: [] };
  return {
    answer: (question, entry, confidence) => ({
      question,
      decision: 'answer',
      confidence,
      text: entry.answer,
      entry: { ...ref(entry), topic: entry.topic },
      citations: citations(entry),
      related: entry.related.flatMap((id) => {
        const r = byId.get(id);
        return r ? [ref(r)] : [];
      }),
      suggestions: [],
    }),
    suggest: (question, entries, confidence) => ({
      ...empty,
      question,
      decision: 'suggest',
      confidence,
      text: "I'm not sure I understood. Did you mean one of these?",
      suggestions: entries.map(ref),
    }),
    notGiven: (question, entry, note, confidence) => ({
      ...empty,
      question,
      decision: 'suggest',
      confidence,
      text: `${note ?? GENERIC_NOT_GIVEN} What it does say: ${entry.answer}`,
      citations: citations(entry),
      suggestions: [ref(entry)],
    }),
    decline: (question, confidence) => ({
      ...empty,
      question,
      decision: 'decline',
      confidence: Math.min(confidence, 0.3),
      text: `Sorry, I can't find that in the paper. ${about} Ask for "topics" to see what I can answer.`,
    }),
    smalltalk: (question, kind) => ({ ...empty, question, decision: 'smalltalk', confidence: 1, text: smalltalkReply(kind, about) }),
  };
}

function smalltalkReply(kind: SmalltalkKind, about: string): string {
  switch (kind) {
    case 'greeting':
      return `Hello! ${about} Ask me a question, or ask for "topics".`;
    case 'thanks':
      return "You're welcome! Ask me anything else about the paper.";
    case 'goodbye':
      return 'Goodbye!';
    case 'help':
      return `${about} Ask a question in plain words, e.g. "Is Russia-China an alliance?". Ask for "topics" to list what I cover, or "source" for the paper's details.`;
    case 'ack':
      return 'OK. Ask me anything else about the paper, or ask for "topics".';
    case 'unclear':
      return 'Could you ask that as a full question? For example "Why did China stand by Russia?", or ask for "topics".';
  }
}

/** One sentence on what the bot covers. */
export function aboutText(s: Source): string {
  return `I answer questions about "${s.title}" (${s.series} n°${s.number}, ${s.author}, ${s.publisher}, ${formatDate(s.date)}), citing the paper.`;
}

/** `2024-03-26` -> `26 March 2024`. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
