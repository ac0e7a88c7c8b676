/**
 * One question through the decision: the matcher's ranked entries become candidates with their
 * features, vetoes and probability (features.ts), and the best decides between an answer, what the
 * paper does not say, "did you mean" and a decline. `Explanation` keeps every step for `--explain`.
 */
import type { Matcher } from '../match/matcher.js';
import { questionType, type QuestionType } from '../text/questionType.js';
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
  /** The kind of question asked, in the engine's language (default: English question words). */
  readonly questionType?: (text: string) => QuestionType | undefined;
  /** Below this sum of IDF a question is vague (`DESIGN.minInformation`, or its translated-index value). */
  readonly minInformation: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Questions whose answer is a name or place: about a name the entry never mentions, it cannot answer. */
const NAMED_ANSWERS: ReadonlySet<QuestionType> = new Set(['who', 'entity', 'where']);

/** The ranked candidates for `query`, each with its features, vetoes and probability. */
export function candidatesFor(query: string, deps: DecideDeps): Candidate[] {
  const found = deps.matcher.search(query, DESIGN.rivalDepth);
  const asked = deps.questionType ? deps.questionType(query) : questionType(deps.matcher.rewrite(query));
  const vague = found.information < deps.minInformation;
  const words = deps.notes.size > 0 ? deps.matcher.terms(query) : new Set<string>();
  // A note applies only to a question that asks for its missing detail (see NotGivenNote.specific).
  const applies = (id: string): boolean => {
    const note = deps.notes.get(id);
    return note === undefined || [...note.specific].some((t) => words.has(t));
  };
  const entries = found.entries.filter((r) => applies(r.entry.id));
  return entries.map((ranked): Candidate => {
    const features = modelFeatures(ranked, entries, found.words, found.unknownShare, deps.model.lengthBoost);
    const vetoes = {
      missingFigure: ranked.missingFigures > 0,
      missingName: ranked.missingNames > 0 && asked !== undefined && NAMED_ANSWERS.has(asked),
      typeMismatch: asked !== undefined && !(deps.types.get(ranked.entry.id)?.has(asked) ?? true),
      vague,
      notGiven: deps.notes.has(ranked.entry.id),
    };
    return { ranked, features, vetoes, probability: round(probability(features, deps.model)) };
  });
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
