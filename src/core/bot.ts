/**
 * The core's answering service: question in, plain `Answer` out. The decision is made in
 * answer/decide.ts and only there; this module wires the matcher, the fitted decision model, the
 * "does not say" notes and the composer once, and keeps the static views (`topics`, `source`,
 * `about`). Adapters and the CLI call `ask`, `answerEntry` (buttons) and `explain` (`--explain`).
 */
import { aboutText, entryIn, ref } from './answer/compose.js';
import { candidatesFor, decide, type Explanation } from './answer/decide.js';
import { buildEngine, entryTypes, type Engine } from './answer/engine.js';
import type { DecisionModel } from './answer/features.js';
import { DECISION_MODELS } from './answer/model.js';
import { detectLanguage } from './lang/detect.js';
import { LANGUAGES, languageOf, type Language } from './lang/languages.js';
import type { MatcherOptions } from './match/matcher.js';
import { smalltalkKind, stripGreeting } from './smalltalk.js';
import { lazyMap } from './text/lazyMap.js';
import type { Answer, Entry, EntryRef, Knowledge, Question, Source } from './types.js';

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
  /** Answers one question in its language (detected, or the question's locale); never throws, whatever the text. */
  ask(question: Question | string): Answer;
  /** `ask`, with the candidates, their features and what decided; `exclude` drops entries by id. */
  explain(question: Question | string, options?: ExplainOptions): Explanation;
  /** The stemmed words of `text` as the English index reads them. */
  terms(text: string): ReadonlySet<string>;
  /** The names, years and figures of `text` (stemmed, English index). */
  names(text: string): ReadonlySet<string>;
  /** The answer for one entry by id (buttons), in `language` (default English), or undefined for an unknown id. */
  answerEntry(id: string, language?: Language): Answer | undefined;
  /** "Did you mean" these entries (unknown ids dropped; none known: undefined), for `text` in `language`. */
  suggestEntries(text: string, ids: readonly string[], language?: Language): Answer | undefined;
  topics(examplesPerTopic?: number, language?: Language): TopicSummary[];
  source(): Source;
  /** Short plain-text description of what the bot covers. */
  about(language?: Language): string;
  /** The languages the bot answers in: English, and each language the knowledge set translates into. */
  readonly languages: readonly Language[];
  /** Builds every language's index now (they are otherwise built on their first question). */
  warmUp(): void;
  readonly knowledge: Knowledge;
}

export interface ExplainOptions {
  /** Entries never to answer with (a follow-up about a new subject must not get the old entry). */
  readonly exclude?: readonly string[];
  /** Ignore the kind-of-question veto ("why?" after an answer asks for the reason its entry gives). */
  readonly anyQuestionType?: boolean;
  /**
   * The part of the text whose question words say what kind of answer is asked: a follow-up read
   * together with the previous question asks what the follow-up asks ("which sectors exactly?" after
   * "how many packages?" asks for no number), or, with no question word of its own, what the
   * previous question asked.
   */
  readonly kindsFrom?: string;
  /** Answer in this language, whatever the text looks like (a follow-up keeps its conversation's). */
  readonly language?: Language;
  /** Read the question in that language's index only, never trying the others (calibration fits each language's model on its own index). */
  readonly ownIndexOnly?: boolean;
}

export interface BotDeps {
  readonly knowledge: Knowledge;
  /** The decision model per language; the fitted ones (answer/model.ts) by default. */
  readonly models?: Partial<Readonly<Record<Language, DecisionModel>>>;
  /** Matcher weights and typo tolerance (match/matcher.ts); the defaults by default. */
  readonly matcher?: MatcherOptions;
}

/**
 * Builds the bot: the English index here, the French and German ones on their first question (or
 * `warmUp`), each once: a process that only ever hears English never pays for them.
 */
export function createBot(deps: BotDeps): Bot {
  const { knowledge } = deps;
  const types = lazyMap(() => entryTypes(knowledge.entries));
  const build = (language: Language): Engine | undefined => {
    const model = deps.models?.[language] ?? DECISION_MODELS[language];
    return buildEngine(knowledge, language, { model, ...(deps.matcher ? { matcher: deps.matcher } : {}) }, types);
  };
  const english = build('en');
  if (!english) throw new Error('the knowledge set has no entries');
  const languages = LANGUAGES.filter((l) => l === 'en' || knowledge.entries.some((e) => e.translations?.[l]));
  const built = new Map<Language, Engine>([['en', english]]);
  const engineFor = (language: Language): Engine => {
    if (!languages.includes(language)) return english;
    const engine = built.get(language) ?? build(language) ?? english;
    built.set(language, engine);
    return engine;
  };
  const byId = new Map(knowledge.entries.map((e) => [e.id, e]));
  const explain = (question: Question | string, options: ExplainOptions = {}): Explanation => {
    const text = cleanQuestion(typeof question === 'string' ? question : question.text);
    const hint = typeof question === 'string' ? undefined : languageOf(question.locale);
    const detected = options.language ? { language: options.language, by: 'text' as const } : detectLanguage(text, hint);
    const own = engineFor(detected.language);
    const kind = smalltalkKind(text);
    if (kind) return { answer: own.compose.smalltalk(text, kind), candidates: [], reason: `small talk (${kind})`, language: own.language };
    const first = explainIn(own, text, options);
    // An English text stays English: the other indexes are for questions written in their languages.
    if (first.answer.decision === 'answer' || options.ownIndexOnly === true || (own.language === 'en' && detected.by === 'text')) return first;
    // A text read as French or German may borrow the paper's English ("c'est quoi le de-risking"),
    // not the third language: on the French and German train sets that try answered 2 wrong, none right.
    const tries = detected.by === 'text' ? ['en' as const] : languages;
    return elsewhere(first, own, tries, detected.by === 'default', options) ?? first;
  };
  /** Weak in its own language: people mix languages ("c'est quoi le de-risking"), and short texts mislead detection. */
  const elsewhere = (first: Explanation, own: Engine, tries: readonly Language[], guessed: boolean, options: ExplainOptions): Explanation | undefined => {
    for (const other of tries.filter((l) => languages.includes(l)).map(engineFor)) {
      if (other === own) continue;
      const tried = explainIn(other, first.answer.question, options);
      if (tried.answer.decision !== 'answer' && !(first.answer.decision === 'decline' && tried.answer.decision === 'suggest')) continue;
      // Reply in the asker's language, unless it was only the English default.
      const replyIn = guessed ? other : own;
      return { ...tried, answer: recompose(tried.answer, replyIn, byId), reason: `${tried.reason} (matched in ${other.language}, asked in ${own.language})`, language: replyIn.language };
    }
    return undefined;
  };
  const about = (language: Language = 'en'): string => aboutText(knowledge.source, language);
  return {
    knowledge,
    languages,
    // Every engine, and the tables each builds on first use (the notes, and with them the kinds of answer).
    warmUp: () => void languages.forEach((l) => engineFor(l).deps.notes.size + types.size),
    ask: (question) => explain(question).answer,
    explain,
    terms: (text) => english.matcher.terms(text),
    names: (text) => english.matcher.names(text),
    answerEntry(id, language = 'en') {
      const entry = byId.get(id);
      return entry ? engineFor(language).compose.answer(entryIn(entry, language).question, entry, 1) : undefined;
    },
    suggestEntries: (text, ids, language = 'en') => suggestIn(engineFor(language), text, ids.flatMap((id) => byId.get(id) ?? [])),
    topics: (n = 3, language: Language = 'en') => topicSummaries(knowledge, n, language),
    source: () => knowledge.source,
    about,
  };
}

function explainIn(engine: Engine, text: string, options: ExplainOptions): Explanation {
  const excluded = new Set(options.exclude ?? []);
  const candidates = candidatesFor(stripGreeting(text), engine.deps, options.kindsFrom)
    .filter((c) => !excluded.has(engine.deps.notes.get(c.ranked.entry.id)?.entry.id ?? c.ranked.entry.id))
    .map((c) => (options.anyQuestionType ? { ...c, vetoes: { ...c.vetoes, typeMismatch: false } } : c));
  return { ...decide(text, candidates, engine.deps), language: engine.language };
}

/** "Did you mean" `entries` (none: undefined), as an even guess. */
function suggestIn(engine: Engine, text: string, entries: readonly Entry[]): Answer | undefined {
  return entries.length > 0 ? engine.compose.suggest(text, entries, 0.5) : undefined;
}

/** An answer found in one language's index, written in `engine`'s language. */
function recompose(answer: Answer, engine: Engine, byId: ReadonlyMap<string, Entry>): Answer {
  if (answer.language === engine.language) return answer;
  const entry = answer.entry ? byId.get(answer.entry.id) : undefined;
  if (answer.decision === 'answer' && entry) return engine.compose.answer(answer.question, entry, answer.confidence);
  const suggested = answer.suggestions.flatMap((s) => byId.get(s.id) ?? []);
  if (answer.decision === 'suggest' && suggested.length > 0) return engine.compose.suggest(answer.question, suggested, answer.confidence);
  return engine.compose.decline(answer.question, answer.confidence);
}

/** Control characters removed, whitespace collapsed, length capped. */
export function cleanQuestion(text: string): string {
  return text
    .slice(0, MAX_QUESTION_CHARS)
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function topicSummaries(k: Knowledge, n: number, language: Language): TopicSummary[] {
  return k.topics.map((t) => {
    const entries = k.entries.filter((e) => e.topic === t.id);
    const title = language === 'en' ? t.title : (t.titles?.[language] ?? t.title);
    return { id: t.id, title, entryCount: entries.length, examples: entries.slice(0, n).map((e) => ref(entryIn(e, language))) };
  });
}
