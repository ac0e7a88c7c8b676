/**
 * The core's answering service: question in, plain `Answer` out, with the answer / suggest /
 * decline decision made here and only here. Adapters and the CLI call `ask`, `answerEntry` (for
 * "Related" and "Did you mean" buttons) and the static views (`topics`, `source`, `about`).
 */
import { Matcher, type ScoredEntry } from './match/matcher.js';
import { smalltalkKind, stripGreeting, type SmalltalkKind } from './smalltalk.js';
import { answerTypes, questionType } from './text/questionType.js';
import type { Answer, Citation, Entry, EntryRef, Knowledge, Question, Source } from './types.js';

/**
 * When to answer: a high score with some lead over the runner-up, or a lower score (long,
 * chatty questions) that stands well clear of the runner-up. Calibrated on tests/eval/dev.
 */
export interface DecisionOptions {
  /** Minimum score to answer on score alone. */
  readonly answerScore: number;
  /** Minimum lead of the best entry over the runner-up at `answerScore`. */
  readonly answerMargin: number;
  /** Minimum score to answer when the runner-up is far behind. */
  readonly clearScore: number;
  /** "Far behind": the runner-up scores at most this share of the best. */
  readonly clearRatio: number;
  /**
   * Long questions dilute every score (most of their words are context, not the question), so
   * scores are compared at x(1 + lengthBoost per word beyond `shortQuestionWords`).
   */
  readonly lengthBoost: number;
  readonly shortQuestionWords: number;
  /**
   * The best entry's score is multiplied by this for each name of the question that the entry
   * never mentions ("sanctions against Belarus" is not about Russia). A year or figure it never
   * mentions rules the answer out: "trade in 2019" may suggest the 2023 figure, not answer with it.
   */
  readonly namePenalty: number;
  /**
   * Minimum sum of IDF over the question's known words to answer at all: questions made only of
   * words nearly every entry uses ("eu", "china", "russia") get suggestions.
   */
  readonly minInformation: number;
  /** Minimum score for an entry to be offered as "did you mean". */
  readonly suggestScore: number;
  /** How many "did you mean" entries at most. */
  readonly maxSuggestions: number;
}

export const DEFAULT_DECISION_OPTIONS: DecisionOptions = {
  answerScore: 0.62,
  answerMargin: 0.03,
  clearScore: 0.58,
  clearRatio: 0.75,
  lengthBoost: 0.2,
  shortQuestionWords: 5,
  suggestScore: 0.35,
  maxSuggestions: 3,
  namePenalty: 0.8,
  minInformation: 1,
};

/** How many ranked entries the decision looks through to find the best rival (see `rivalOf`). */
const RIVAL_SEARCH_DEPTH = 8;

/** Questions longer than this are cut before anything else looks at them. */
export const MAX_QUESTION_CHARS = 2000;

export interface TopicSummary {
  readonly id: string;
  readonly title: string;
  readonly examples: readonly EntryRef[];
  readonly entryCount: number;
}

export interface Bot {
  /** Answers one question; never throws, whatever the text. */
  ask(question: Question | string): Answer;
  /** The answer for one entry by id (buttons), or undefined for an unknown id. */
  answerEntry(id: string): Answer | undefined;
  topics(examplesPerTopic?: number): TopicSummary[];
  source(): Source;
  /** Short plain-text description of what the bot covers. */
  about(): string;
  readonly knowledge: Knowledge;
}

export interface BotDeps {
  readonly knowledge: Knowledge;
  readonly decision?: Partial<DecisionOptions>;
}

/** Builds the bot: the matcher index is built here, once. */
export function createBot(deps: BotDeps): Bot {
  const { knowledge } = deps;
  const opts = { ...DEFAULT_DECISION_OPTIONS, ...deps.decision };
  const matcher = new Matcher(knowledge.entries, knowledge);
  const byId = new Map(knowledge.entries.map((e) => [e.id, e]));
  const compose = answerComposer(knowledge, byId);
  const types = new Map(
    knowledge.entries.map((e) => [e.id, answerTypes([e.question, ...e.alternates], [e.answer, ...e.citations.map((c) => c.quote)].join(' '))]),
  );
  const about = aboutText(knowledge.source);
  return {
    knowledge,
    ask(question) {
      const text = cleanQuestion(typeof question === 'string' ? question : question.text);
      const kind = smalltalkKind(text);
      if (kind) return compose.smalltalk(text, kind, about);
      const query = stripGreeting(text);
      const found = matcher.search(query, RIVAL_SEARCH_DEPTH);
      const boost = 1 + opts.lengthBoost * Math.max(0, found.words - opts.shortQuestionWords);
      const asked = questionType(query);
      // "What does the EU think of China?" is only "eu china" to the index: too vague to answer.
      const specific = found.information >= opts.minInformation;
      // An entry that never answers the kind of question asked ("where was the summit held" is not
      // answered by what the summit decided) may be suggested, never given as the answer.
      const mayAnswer = (e: Entry): boolean => specific && (asked === undefined || (types.get(e.id)?.has(asked) ?? false));
      return decide(text, found.entries, boost, opts, compose, about, mayAnswer);
    },
    answerEntry(id) {
      const entry = byId.get(id);
      return entry ? compose.answer(entry.question, entry, 1) : undefined;
    },
    topics: (n = 3) => topicSummaries(knowledge, n),
    source: () => knowledge.source,
    about: () => about,
  };
}

/** Control characters removed, whitespace collapsed, length capped. */
export function cleanQuestion(text: string): string {
  return text
    .slice(0, MAX_QUESTION_CHARS)
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function decide(
  text: string,
  ranked: readonly ScoredEntry[],
  boost: number,
  opts: DecisionOptions,
  compose: Composer,
  about: string,
  mayAnswer: (e: Entry) => boolean,
): Answer {
  const [first] = ranked;
  if (!first) return compose.decline(text, 0, about);
  const score = first.score * boost * opts.namePenalty ** (first.missingNames + first.missingFigures);
  const runnerUp = (rivalOf(first.entry, ranked)?.score ?? 0) * boost;
  // A year or figure the entry never mentions: its figures answer another question ("trade in 2019"
  // is not the 2023 figure). Suggest it, never answer with it.
  const sameFacts = first.missingFigures === 0 && mayAnswer(first.entry);
  const byScore = sameFacts && score >= opts.answerScore && score - runnerUp >= opts.answerMargin;
  const byClearLead = sameFacts && score >= opts.clearScore && runnerUp <= score * opts.clearRatio;
  // An entry ruled out as the answer is at best an even guess.
  const confidence = Math.min(sameFacts ? 1 : 0.5, confidenceOf(Math.min(1, score), Math.min(1, runnerUp)));
  if (byScore || byClearLead) return compose.answer(text, first.entry, confidence);
  const suggestions = ranked.filter((r) => r.score * boost >= opts.suggestScore).slice(0, opts.maxSuggestions);
  if (suggestions.length === 0) return compose.decline(text, confidence, about);
  return compose.suggest(text, suggestions, confidence);
}

/**
 * The best-ranked entry about something else: not related to `top` and citing none of its
 * paragraphs. Two entries on the same passage competing closely is not doubt about what the
 * question is about; a close entry on another passage is.
 */
function rivalOf(top: Entry, ranked: readonly ScoredEntry[]): ScoredEntry | undefined {
  const paragraphs = new Set(top.citations.map((c) => c.paragraphId));
  return ranked.find(
    (r) =>
      r.entry.id !== top.id &&
      !top.related.includes(r.entry.id) &&
      !r.entry.related.includes(top.id) &&
      !r.entry.citations.some((c) => paragraphs.has(c.paragraphId)),
  );
}

/** The score blended with its lead over the runner-up; always in [0, 1]. */
function confidenceOf(score: number, runnerUp: number): number {
  const lead = score > 0 ? 1 - runnerUp / score : 0;
  const c = 0.6 * score + 0.4 * lead;
  return Math.round(Math.max(0, Math.min(1, c)) * 1000) / 1000;
}

interface Composer {
  answer(text: string, entry: Entry, confidence: number): Answer;
  suggest(text: string, ranked: readonly ScoredEntry[], confidence: number): Answer;
  decline(text: string, confidence: number, about: string): Answer;
  smalltalk(text: string, kind: SmalltalkKind, about: string): Answer;
}

const ref = (e: Entry): EntryRef => ({ id: e.id, question: e.question });

function answerComposer(k: Knowledge, byId: ReadonlyMap<string, Entry>): Composer {
  const paragraphs = new Map(k.paragraphs.map((p) => [p.id, p]));
  const sections = new Map(k.sections.map((s) => [s.id, s.title]));
  const citation = (paragraphId: string, quote: string): Citation => {
    const sectionId = paragraphs.get(paragraphId)?.sectionId ?? '';
    return { paragraphId, sectionId, section: sections.get(sectionId) ?? sectionId, quote, url: k.source.url };
  };
  const empty = { citations: [], related: [], suggestions: [] };
  return {
    answer: (question, entry, confidence) => ({
      question,
      decision: 'answer',
      confidence,
      text: entry.answer,
      entry: { ...ref(entry), topic: entry.topic },
      citations: entry.citations.map((c) => citation(c.paragraphId, c.quote)),
      related: entry.related.flatMap((id) => {
        const r = byId.get(id);
        return r ? [ref(r)] : [];
      }),
      suggestions: [],
    }),
    suggest: (question, ranked, confidence) => ({
      ...empty,
      question,
      decision: 'suggest',
      confidence,
      text: "I'm not sure I understood. Did you mean one of these?",
      suggestions: ranked.map((r) => ref(r.entry)),
    }),
    decline: (question, confidence, about) => ({
      ...empty,
      question,
      decision: 'decline',
      confidence: Math.min(confidence, 0.3),
      text: `Sorry, I can't find that in the paper. ${about} Ask for "topics" to see what I can answer.`,
    }),
    smalltalk: (question, kind, about) => ({ ...empty, question, decision: 'smalltalk', confidence: 1, text: smalltalkReply(kind, about) }),
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
  }
}

function aboutText(s: Source): string {
  return `I answer questions about "${s.title}" (${s.series} n°${s.number}, ${s.author}, ${s.publisher}, ${formatDate(s.date)}), citing the paper.`;
}

/** `2024-03-26` -> `26 March 2024`. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function topicSummaries(k: Knowledge, n: number): TopicSummary[] {
  return k.topics.map((t) => {
    const entries = k.entries.filter((e) => e.topic === t.id);
    return { id: t.id, title: t.title, entryCount: entries.length, examples: entries.slice(0, n).map(ref) };
  });
}
