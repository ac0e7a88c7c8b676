/**
 * One question through the decision: the matcher's ranked entries become candidates with their
 * features, vetoes and probability (features.ts), and the best decides between an answer, what the
 * paper does not say, "did you mean" and a decline. `Explanation` keeps every step for `--explain`.
 */
import type { Matcher } from '../match/matcher.js';
import { questionTypes, type QuestionType } from '../text/questionType.js';
import type { Answer, Entry } from '../types.js';
import type { Composer } from './compose.js';
import { DESIGN, modelFeatures, probability, type Candidate, type DecisionModel } from './features.js';
import type { NotGivenNote } from './notGiven.js';

/** Why the bot answered as it did: the ranked candidates with their signals (`ask --explain`). */
export interface Explanation {
  readonly answer: Answer;
  /** Best first, at most `DESIGN.rivalDepth`. */
  readonly candidates: readonly Candidate[];
  /** What decided, in a few words. */
  readonly reason: string;
  /** The language the answer is written in. */
  readonly language?: string;
}

export interface DecideDeps {
  readonly matcher: Matcher;
  readonly model: DecisionModel;
  readonly compose: Composer;
  /** The kinds of question each entry answers (questionType.ts). */
  readonly types: ReadonlyMap<string, ReadonlySet<QuestionType>>;
  /** Pseudo-entry id -> the "does not say" note behind it (notGiven.ts). */
  readonly notes: ReadonlyMap<string, NotGivenNote>;
  readonly byId: ReadonlyMap<string, Entry>;
  /** The kinds of question asked, the first asked first, in the engine's language (default: English question words). */
  readonly questionTypes?: (text: string) => readonly QuestionType[];
  /** Below this sum of IDF a question is vague (`DESIGN.minInformation`, or its translated-index value). */
  readonly minInformation: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Questions whose answer is a name or place: about a name the entry never mentions, it cannot answer. */
const NAMED_ANSWERS: ReadonlySet<QuestionType> = new Set(['who', 'entity', 'where']);

/** The ranked candidates for `query`, each with its features, vetoes and probability. */
export function candidatesFor(query: string, deps: DecideDeps, kindsFrom?: string): Candidate[] {
  const found = deps.matcher.search(query, DESIGN.rivalDepth);
  const kinds = askedKinds(query, deps, kindsFrom);
  const asked = kinds[0];
  const vague = found.information < deps.minInformation;
  const words = deps.notes.size > 0 ? deps.matcher.terms(query) : new Set<string>();
  // A note applies only to a question that asks for its missing detail (see NotGivenNote.specific).
  const applies = (id: string): boolean => {
    const note = deps.notes.get(id);
    return note === undefined || [...note.specific].some((t) => words.has(t));
  };
  const entries = found.entries.filter((r) => applies(r.entry.id));
  const candidates = entries.map((ranked): Candidate => {
    const features = modelFeatures(ranked, entries, found.words, found.unknownShare, deps.model.lengthBoost);
    const vetoes = {
      missingFigure: ranked.missingFigures > 0,
      missingName: ranked.missingNames > 0 && asked !== undefined && NAMED_ANSWERS.has(asked),
      typeMismatch: kinds.length > 0 && !kinds.some((kind) => deps.types.get(ranked.entry.id)?.has(kind) ?? true),
      vague,
      notGiven: deps.notes.has(ranked.entry.id),
    };
    return { ranked, features, vetoes, probability: round(probability(features, deps.model)) };
  });
  return noteFirst(candidates, deps, kindsFrom === undefined ? words : deps.matcher.terms(kindsFrom));
}

/**
 * The kinds of answer `query` asks for. Two questions in one ("when was it founded and who presides
 * it?") ask two kinds, and an entry answering either is no mismatch. With `kindsFrom` (the follow-up
 * part of a follow-up read with its previous question), that part's kinds, or else the first kind of the whole.
 */
function askedKinds(query: string, deps: DecideDeps, kindsFrom: string | undefined): readonly QuestionType[] {
  const kindsOf = (text: string): readonly QuestionType[] => (deps.questionTypes ? deps.questionTypes(text) : questionTypes(deps.matcher.rewrite(text)));
  if (kindsFrom === undefined) return kindsOf(query);
  const own = kindsOf(kindsFrom);
  return own.length > 0 ? own : kindsOf(query).slice(0, 1);
}

/** Answer, not given, suggest or decline, from the candidates; `text` is the question as asked. */
export function decide(text: string, candidates: readonly Candidate[], deps: DecideDeps): Explanation {
  const { model, compose } = deps;
  const [first] = candidates;
  if (!first) return { answer: compose.decline(text, 0), candidates, reason: 'decline: no entry shares a word with the question' };
  const vetoes = Object.entries(first.vetoes).filter(([, on]) => on).map(([name]) => name);
  if (vetoes.length === 0 && first.probability >= model.answerAt) {
    return { answer: compose.answer(text, first.ranked.entry, first.probability), candidates, reason: `answer: probability ${first.probability} >= ${model.answerAt}` };
  }
  // An entry ruled out as the answer is at best an even guess.
  const confidence = vetoes.length > 0 ? Math.min(0.5, first.probability) : first.probability;
  const note = deps.notes.get(first.ranked.entry.id);
  if (note) return { answer: compose.notGiven(text, note.entry, note.note, confidence), candidates, reason: `not given: ${first.ranked.entry.id}` };
  const why = vetoes.length > 0 ? `vetoed (${vetoes.join(', ')})` : `probability ${first.probability} < ${model.answerAt}`;
  // On the right subject but a year, figure or kind of fact the entry lacks: say so, show what it says.
  if ((first.vetoes.missingFigure || first.vetoes.typeMismatch) && !first.vetoes.vague && first.probability >= model.answerAt) {
    return { answer: compose.notGiven(text, first.ranked.entry, undefined, confidence), candidates, reason: `not given: ${why}` };
  }
  const suggestions = uniqueEntries(candidates, deps).filter((c) => c.score >= model.suggestAt).slice(0, DESIGN.maxSuggestions);
  if (suggestions.length === 0) return { answer: compose.decline(text, confidence), candidates, reason: `decline: ${why}, no entry scores ${model.suggestAt}` };
  return { answer: compose.suggest(text, suggestions.map((s) => s.entry), confidence), candidates, reason: `suggest: ${why}` };
}

/**
 * The best entry's own "does not say" note first when it scores nearly as well and the question
 * (for a follow-up read with its previous question, the follow-up's own words: `asked`) uses one of
 * its specific words, words its entry never uses: "in what year was the 26 April call" asks for the
 * detail the entry lacks.
 */
function noteFirst(candidates: Candidate[], deps: DecideDeps, asked: ReadonlySet<string>): Candidate[] {
  const [first] = candidates;
  if (!first || deps.notes.has(first.ranked.entry.id)) return candidates;
  const isNote = (c: Candidate): boolean => {
    const note = deps.notes.get(c.ranked.entry.id);
    return note?.entry.id === first.ranked.entry.id && c.ranked.score >= first.ranked.score * DESIGN.noteNear && [...note.specific].some((t) => asked.has(t));
  };
  const note = candidates.find(isNote);
  return note ? [note, ...candidates.filter((c) => c !== note)] : candidates;
}

/** A candidate's score for "did you mean": discounted by the share of the question the paper's words do not cover. */
export function suggestionScore(c: Candidate): number {
  return c.ranked.score * (1 - c.features.unknownShare);
}

/** Candidates as real entries (a note stands for its entry), each once, best first. */
function uniqueEntries(candidates: readonly Candidate[], deps: DecideDeps): { entry: Entry; score: number }[] {
  const seen = new Set<string>();
  return candidates.flatMap((c) => {
    const entry = deps.notes.get(c.ranked.entry.id)?.entry ?? deps.byId.get(c.ranked.entry.id);
    if (!entry || seen.has(entry.id)) return [];
    seen.add(entry.id);
    return [{ entry, score: suggestionScore(c) }];
  });
}
