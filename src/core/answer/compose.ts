/**
 * Turns a decision into the core's plain `Answer`: the entry's text and citations, "did you mean"
 * entries, what the paper does not say (with what it does say, cited), a decline, or a small-talk
 * reply. Wording lives here once for every platform; adapters only render it.
 */
import type { Language } from '../lang/languages.js';
import { CORE_STRINGS } from '../lang/strings.js';
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

/** `entry` in `language`: its question, phrasings, answer and notes translated; quotes stay English. */
export function entryIn(entry: Entry, language: Language): Entry {
  const t = language === 'en' ? undefined : entry.translations?.[language];
  if (!t) return entry;
  return { ...entry, question: t.question, alternates: t.alternates, answer: t.answer, notGiven: t.notGiven ?? [] };
}

/** The composer for one knowledge set, writing in `language` (entries' translations, the core's own sentences). */
export function answerComposer(k: Knowledge, byId: ReadonlyMap<string, Entry>, language: Language = 'en'): Composer {
  const strings = CORE_STRINGS[language];
  const local = (e: Entry): Entry => entryIn(e, language);
  const localRef = (e: Entry): EntryRef => (language === 'en' ? ref(e) : { ...ref(local(e)), language });
  const paragraphs = new Map(k.paragraphs.map((p) => [p.id, p]));
  const sections = new Map(k.sections.map((s) => [s.id, s.title]));
  const locations = paragraphLocations(k, language);
  const about = strings.about(k.source);
  const link = (quote: string): string => (k.source.paperPage ? textFragmentUrl(k.source.url, quote) : k.source.url);
  const citation = (paragraphId: string, quote: string): Citation => {
    const sectionId = paragraphs.get(paragraphId)?.sectionId ?? '';
    const section = sections.get(sectionId) ?? sectionId;
    const place = locations.get(paragraphId) ?? { label: `Section '${section}'`, position: '' };
    return { paragraphId, sectionId, section, location: place.label, position: place.position, quote, url: link(quote) };
  };
  const citations = (entry: Entry): Citation[] => entry.citations.map((c) => citation(c.paragraphId, c.quote));
  const empty = { citations: [], related: [], suggestions: [], language };
  return {
    answer: (question, entry, confidence) => ({
      question,
      decision: 'answer',
      confidence,
      text: local(entry).answer,
      entry: { ...localRef(entry), topic: entry.topic },
      citations: citations(entry),
      related: entry.related.flatMap((id) => {
        const r = byId.get(id);
        return r ? [localRef(r)] : [];
      }),
      suggestions: [],
      language,
    }),
    suggest: (question, entries, confidence) => ({
      ...empty,
      question,
      decision: 'suggest',
      confidence,
      text: strings.suggestLead,
      suggestions: entries.map(localRef),
    }),
    notGiven: (question, entry, note, confidence) => ({
      ...empty,
      question,
      decision: 'suggest',
      confidence,
      text: `${note ?? strings.notGivenGeneric} ${strings.whatItSays} ${local(entry).answer}`,
      citations: citations(entry),
      suggestions: [localRef(entry)],
    }),
    decline: (question, confidence) => ({
      ...empty,
      question,
      decision: 'decline',
      confidence: Math.min(confidence, 0.3),
      text: `${strings.notFound} ${about} ${strings.askTopics}`,
    }),
    smalltalk: (question, kind: SmalltalkKind) => ({ ...empty, question, decision: 'smalltalk', confidence: 1, text: strings.smalltalk[kind](about) }),
  };
}

/** One sentence on what the bot covers, in `language`. */
export function aboutText(s: Source, language: Language = 'en'): string {
  return CORE_STRINGS[language].about(s);
}

/** `2024-03-26` -> `26 March 2024` (or `26 mars 2024`, `26. März 2024`). */
export function formatDate(iso: string, language: Language = 'en'): string {
  return CORE_STRINGS[language].date(iso);
}
