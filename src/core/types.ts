/**
 * The core's plain types. Adapters translate platform events into a `Question` and render an
 * `Answer`; nothing here knows about Block Kit, mrkdwn, Adaptive Cards or platform ids, so the
 * same answer can be checked once and rendered anywhere.
 */

/** Where a question came from: the platform name and an opaque id the core never parses. */
export interface Asker {
  readonly platform: string;
  readonly id: string;
}

/** A question as the core sees it: text with mentions already stripped by the adapter. */
export interface Question {
  readonly text: string;
  readonly asker?: Asker;
  /** Opaque conversation reference such as `slack:C123:1712345678.0001`. */
  readonly conversation?: string;
  /** The platform's language for the asker (Teams `activity.locale`, Slack user locale), e.g. `fr-FR`. */
  readonly locale?: string;
}

export type Decision = 'answer' | 'suggest' | 'decline' | 'smalltalk';

export interface Citation {
  /** The paragraph's stable id in knowledge/paper.yaml (`invasion-4`): for JSON and curators, not people. */
  readonly paragraphId: string;
  readonly sectionId: string;
  /** Human-readable section title. */
  readonly section: string;
  /** Where a reader finds it: "Section 'Summary', paragraph 1 of 1" or "Footnote 1" (see answer/location.ts). */
  readonly location: string;
  /** The place within the section alone: "Paragraph 3 of 7" or "Footnote 1". */
  readonly position: string;
  /** Verbatim quote from the paragraph. */
  readonly quote: string;
  /** The paper's address; on the paper's own page (PAPER_URL) with a text fragment that highlights the quote. */
  readonly url: string;
}

export interface EntryRef {
  readonly id: string;
  readonly question: string;
  /** The language `question` is written in, when not English: a button for it answers in that language. */
  readonly language?: 'fr' | 'de';
}

/** What a button for `ref` carries: its id, prefixed with its language outside English (`fr:paper-author`). */
export function entryValue(ref: EntryRef): string {
  return ref.language ? `${ref.language}:${ref.id}` : ref.id;
}

/** The entry id and language of a button's value written by `entryValue`. */
export function parseEntryValue(value: string): { readonly id: string; readonly language: 'en' | 'fr' | 'de' } {
  const match = /^(fr|de):(.+)$/.exec(value);
  return match?.[1] && match[2] ? { id: match[2], language: match[1] === 'fr' ? 'fr' : 'de' } : { id: value, language: 'en' };
}

export interface Answer {
  /** The question as asked (already capped and cleaned of control characters). */
  readonly question: string;
  readonly decision: Decision;
  /** How sure the matcher is of `entry`, in [0, 1]. */
  readonly confidence: number;
  /** Plain text: the entry's answer, the "did you mean" lead, the decline or the small-talk reply. */
  readonly text: string;
  /** Present exactly when `decision` is `answer`. */
  readonly entry?: EntryRef & { readonly topic: string };
  readonly citations: readonly Citation[];
  readonly related: readonly EntryRef[];
  /** "Did you mean" entries, up to 3, for `suggest`. */
  readonly suggestions: readonly EntryRef[];
  /** The language of `text` and the entries' questions (`en`, `fr`, `de`); quotes are always the English original. */
  readonly language?: 'en' | 'fr' | 'de';
}

export interface Source {
  readonly title: string;
  readonly series: string;
  readonly number: number;
  /** ISO date, `2024-03-26`. */
  readonly date: string;
  readonly author: string;
  readonly authorRole: string;
  readonly publisher: string;
  readonly publishingDirector: string;
  readonly issn: string;
  readonly url: string;
  /** True when `url` is the paper's own page (PAPER_URL set), so quotes may be linked with text fragments. */
  readonly paperPage?: boolean;
}

export interface Section {
  readonly id: string;
  readonly title: string;
}

export interface Paragraph {
  readonly id: string;
  readonly sectionId: string;
  readonly text: string;
}

export interface Topic {
  readonly id: string;
  readonly title: string;
  /** The title in French and German. */
  readonly titles?: Partial<Readonly<Record<TranslatedLanguage, string>>>;
}

export interface KnowledgeCitation {
  readonly paragraphId: string;
  readonly quote: string;
}

export interface Entry {
  readonly id: string;
  readonly question: string;
  readonly alternates: readonly string[];
  readonly answer: string;
  readonly citations: readonly KnowledgeCitation[];
  readonly topic: string;
  readonly related: readonly string[];
  /** The entry giving the paper's reason for this answer ("why?" after it), if another entry holds it. */
  readonly because?: string;
  /** The entry that continues this answer ("tell me more" after it). */
  readonly more?: string;
  /** Details people ask about this passage that the paper does not give (see schema.ts). */
  readonly notGiven?: readonly NotGiven[];
  /** The knowledge file the entry came from, for error reports. */
  readonly file: string;
  /** French and German phrasings and answers (knowledge/lang/); quotes stay English. */
  readonly translations?: Partial<Readonly<Record<TranslatedLanguage, EntryText>>>;
}

/** A language other than English, with an overlay in knowledge/lang/. */
export type TranslatedLanguage = 'fr' | 'de';

/** An entry's words in one language: how people ask, and the answer, reporting the paper faithfully. */
export interface EntryText {
  readonly question: string;
  readonly alternates: readonly string[];
  readonly answer: string;
  /** The entry's notGiven notes in this language, in the same order. */
  readonly notGiven?: readonly NotGiven[];
  /** The overlay file it came from. */
  readonly file: string;
}

/** Matching vocabulary of one language: aliases to the English canonical words, and stop words. */
export interface LanguageVocabulary {
  readonly aliases: readonly Alias[];
  readonly stopwords: readonly string[];
}

/** Questions the paper does not answer, next to an entry that says what it does say. */
export interface NotGiven {
  readonly asks: readonly string[];
  /** "The paper does not ..." */
  readonly note: string;
}

/** Phrase aliases: every variant is rewritten to its canonical form before matching. */
export interface Alias {
  readonly canonical: string;
  readonly variants: readonly string[];
}

/** The whole validated knowledge set, as loaded once at start-up. */
export interface Knowledge {
  readonly source: Source;
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
  readonly topics: readonly Topic[];
  readonly entries: readonly Entry[];
  readonly aliases: readonly Alias[];
  readonly stopwords: readonly string[];
  /** French and German matching vocabulary (knowledge/lang/<code>/vocabulary.yaml). */
  readonly languages?: Partial<Readonly<Record<TranslatedLanguage, LanguageVocabulary>>>;
}
