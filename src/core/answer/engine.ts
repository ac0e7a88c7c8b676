/**
 * One language's answering engine: a matcher over the entries' phrasings in that language (quotes
 * and the paper's paragraphs only in English, which they are written in), the "does not say" notes
 * in that language, the same fitted decision model, and a composer that writes in that language.
 */
import { entryIn } from './compose.js';
import { answerComposer, type Composer } from './compose.js';
import type { DecideDeps } from './decide.js';
import { DESIGN, type DecisionModel } from './features.js';
import { notGivenEntries, notGivenNotes } from './notGiven.js';
import type { Language } from '../lang/languages.js';
import { PROFILES } from '../lang/profiles.js';
import { questionTypesIn } from '../lang/questionTypes.js';
import { cachedMatcher } from '../match/indexCache.js';
import { lazyMap } from '../text/lazyMap.js';
import { DEFAULT_MATCHER_OPTIONS, type Matcher, type MatcherData, type MatcherOptions } from '../match/matcher.js';
import { answerTypes, type QuestionType } from '../text/questionType.js';
import type { Entry, Knowledge } from '../types.js';

export interface Engine {
  readonly language: Language;
  readonly matcher: Matcher;
  readonly deps: DecideDeps;
  readonly compose: Composer;
}

export interface EngineOptions {
  readonly model: DecisionModel;
  readonly matcher?: MatcherOptions;
}

/** What the matcher of `language` indexes: its entries (with the "does not say" ones) and its data; undefined when none is translated. */
export function matcherInputs(knowledge: Knowledge, language: Language): { entries: readonly Entry[]; indexed: Entry[]; data: MatcherData } | undefined {
  const english = language === 'en';
  const entries = english ? knowledge.entries : knowledge.entries.filter((e) => e.translations?.[language]).map((e) => entryIn(e, language));
  if (entries.length === 0) return undefined;
  const vocabulary = english ? undefined : knowledge.languages?.[language];
  const data: MatcherData = {
    aliases: [...(vocabulary?.aliases ?? []), ...knowledge.aliases],
    stopwords: [...(vocabulary?.stopwords ?? []), ...knowledge.stopwords],
    // The canonical forms aliases write are English: only English's stop list drops them.
    ...(english ? {} : { aliasStopwords: knowledge.stopwords }),
    neutralNames: [knowledge.source.author, knowledge.source.publisher, knowledge.source.series],
    profile: PROFILES[language],
    ...(english
      ? { paragraphs: knowledge.paragraphs }
      : { indexQuotes: false, nameTexts: [...knowledge.paragraphs.map((p) => p.text), ...knowledge.entries.map((e) => e.answer)] }),
  };
  return { entries, indexed: [...entries, ...notGivenEntries(entries)], data };
}

/** The engine for `language`, or undefined when no entry is translated into it. */
export function buildEngine(knowledge: Knowledge, language: Language, options: EngineOptions, types: ReadonlyMap<string, ReadonlySet<QuestionType>>): Engine | undefined {
  const inputs = matcherInputs(knowledge, language);
  if (!inputs) return undefined;
  const english = language === 'en';
  // Restored from build/index-cache/ when `npm run build` indexed exactly these inputs (indexCache.ts).
  const matcher = cachedMatcher(inputs.indexed, inputs.data, options.matcher ?? DEFAULT_MATCHER_OPTIONS);
  const entries = inputs.entries;
  // Built on first use (warmUp, once the server listens): see lazyMap.ts.
  const notes = lazyMap(() => notGivenNotes(entries, (t) => matcher.terms(t)));
  const byId = new Map(knowledge.entries.map((e) => [e.id, e]));
  const compose = answerComposer(knowledge, byId, language);
  // English question words are read after typo correction and aliases ("whn" -> "when"); French and German as written.
  const questionTypes = english ? undefined : (text: string): readonly QuestionType[] => questionTypesIn(language, text);
  const minInformation = english ? DESIGN.minInformation : DESIGN.minInformationTranslated;
  const deps: DecideDeps = { matcher, model: options.model, compose, types, notes, byId, minInformation, ...(questionTypes ? { questionTypes } : {}) };
  return { language, matcher, deps, compose };
}

/** The kinds of question each entry answers, from its English phrasings and facts (the same in every language). */
export function entryTypes(entries: readonly Entry[]): Map<string, ReadonlySet<QuestionType>> {
  return new Map(entries.map((e) => [e.id, answerTypes([e.question, ...e.alternates], [e.answer, ...e.citations.map((c) => c.quote)].join(' '))]));
}
