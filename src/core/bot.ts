/**
 * The core's answering service: question in, plain `Answer` out. The decision is made in
 * answer/decide.ts and only there; this module wires the matcher, the fitted decision model, the
 * "does not say" notes and the composer once, and keeps the static views (`topics`, `source`,
 * `about`). Adapters and the CLI call `ask`, `answerEntry` (buttons) and `explain` (`--explain`).
 */
import { aboutText, answerComposer, ref } from './answer/compose.js';
import { candidatesFor, decide, type DecideDeps, type Explanation } from './answer/decide.js';
import type { DecisionModel } from './answer/features.js';
import { DECISION_MODEL } from './answer/model.js';
import { notGivenEntries, notGivenNotes } from './answer/notGiven.js';
import { Matcher } from './match/matcher.js';
import { smalltalkKind, stripGreeting } from './smalltalk.js';
import { answerTypes } from './text/questionType.js';
import type { Answer, EntryRef, Knowledge, Question, Source } from './types.js';

export { formatDate } from './answer/compose.js';
export type { Explanation } from './answer/decide.js';

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
  /** `ask`, with the candidates, their features and what decided; `exclude` drops entries by id. */
  explain(question: Question | string, options?: ExplainOptions): Explanation;
  /** The stemmed words of `text` as the index reads them. */
  terms(text: string): ReadonlySet<string>;
  /** The names, years and figures of `text` (stemmed). */
  names(text: string): ReadonlySet<string>;
  /** The answer for one entry by id (buttons), or undefined for an unknown id. */
  answerEntry(id: string): Answer | undefined;
  topics(examplesPerTopic?: number): TopicSummary[];
  source(): Source;
  /** Short plain-text description of what the bot covers. */
  about(): string;
  readonly knowledge: Knowledge;
}

export interface ExplainOptions {
  /** Entries never to answer with (a follow-up about a new subject must not get the old entry). */
  readonly exclude?: readonly string[];
  /** Ignore the kind-of-question veto ("why?" after an answer asks for the reason its entry gives). */
  readonly anyQuestionType?: boolean;
}

export interface BotDeps {
  readonly knowledge: Knowledge;
  /** The decision model; the fitted one (answer/model.ts) by default. */
  readonly model?: DecisionModel;
}

/** Builds the bot: the matcher index is built here, once. */
export function createBot(deps: BotDeps): Bot {
  const { knowledge } = deps;
  const data = { ...knowledge, neutralNames: [knowledge.source.author, knowledge.source.publisher, knowledge.source.series] };
  const vocabulary = new Matcher([...knowledge.entries, ...notGivenEntries(knowledge.entries)], data);
  const notes = notGivenNotes(knowledge.entries, (t) => vocabulary.terms(t));
  const byId = new Map(knowledge.entries.map((e) => [e.id, e]));
  const compose = answerComposer(knowledge, byId);
  const decideDeps: DecideDeps = {
    matcher: vocabulary,
    model: deps.model ?? DECISION_MODEL,
    compose,
    types: new Map(
      knowledge.entries.map((e) => [e.id, answerTypes([e.question, ...e.alternates], [e.answer, ...e.citations.map((c) => c.quote)].join(' '))]),
    ),
    notes,
    byId,
  };
  const about = aboutText(knowledge.source);
  const explain = (question: Question | string, options: ExplainOptions = {}): Explanation => {
    const text = cleanQuestion(typeof question === 'string' ? question : question.text);
    const kind = smalltalkKind(text);
    if (kind) return { answer: compose.smalltalk(text, kind), candidates: [], reason: `small talk (${kind})` };
    const excluded = new Set(options.exclude ?? []);
    const candidates = candidatesFor(stripGreeting(text), decideDeps)
      .filter((c) => !excluded.has(notes.get(c.ranked.entry.id)?.entry.id ?? c.ranked.entry.id))
      .map((c) => (options.anyQuestionType ? { ...c, vetoes: { ...c.vetoes, typeMismatch: false } } : c));
    return decide(text, candidates, decideDeps);
  };
  return {
    knowledge,
    ask: (question) => explain(question).answer,
    explain,
    terms: (text) => vocabulary.terms(text),
    names: (text) => vocabulary.names(text),
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

function topicSummaries(k: Knowledge, n: number): TopicSummary[] {
  return k.topics.map((t) => {
    const entries = k.entries.filter((e) => e.topic === t.id);
    return { id: t.id, title: t.title, entryCount: entries.length, examples: entries.slice(0, n).map(ref) };
  });
}
