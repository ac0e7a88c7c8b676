/**
 * The matcher: an exact inverted index over normalised tokens with IDF weights, scored per
 * curated phrasing (question or alternate) as a recall-weighted F-measure, plus a weaker match on
 * the answer and quotes. Words the index does not know count against the match at full weight,
 * which is what makes "What does the paper say about India?" decline instead of matching
 * "paper". fuse.js corrects typos word by word (fuzzy.ts).
 */
import type { Entry } from '../types.js';
import { aliasRewriter, createTokenizer, MAX_MATCH_CHARS, type Tokenizer } from '../text/normalize.js';
import { ENGLISH, type TextProfile } from '../text/profile.js';
import { remembered } from '../text/remembered.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { restoreIndex, snapshotIndex, type IndexState, type MatcherIndex, type Phrase } from './indexData.js';
import { DEFAULT_MATCHER_OPTIONS, type MatcherData, type MatcherOptions } from './options.js';
import { properNouns } from './properNouns.js';
import { commonPrefix, MIN_ROOT } from './roots.js';
import { topK } from './topK.js';

export { DEFAULT_MATCHER_OPTIONS, type MatcherData, type MatcherOptions } from './options.js';

/** What `search` found, and how many words of the question it matched with. */
export interface SearchResult {
  /** Best first, scores in [0, 1]. */
  readonly entries: ScoredEntry[];
  /** Distinct content words of the (spell-corrected) question, after stop words. */
  readonly words: number;
  /** Sum of the IDF of the question's words the index knows: how specific the question is. */
  readonly information: number;
  /** Share of the question's weight in words the index does not know, in [0, 1]. */
  readonly unknownShare: number;
}

export interface ScoredEntry {
  readonly entry: Entry;
  /** In [0, 1]. */
  readonly score: number;
  /** How many names (countries, people, bodies) of the question the entry never mentions. */
  readonly missingNames: number;
  /** How many years and figures of the question the entry never mentions. */
  readonly missingFigures: number;
  /** Share of the weight of the question's known words that the entry mentions anywhere, in [0, 1]. */
  readonly coverage: number;
  /** The names, years and figures of the question that the entry never mentions (stemmed). */
  readonly missing: readonly string[];
}

interface QueryTerm {
  readonly term: string | undefined;
  readonly idf: number;
}

/** What is left of "didn't", "doesn't" ... once the apostrophe is gone: not names. */
const CONTRACTED = /^(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)n$/;


/** Built once at start-up from the validated entries; `search` is pure and allocation-light. */
export class Matcher {
  private readonly tokenize: Tokenizer;
  private readonly rewriteAliases: (folded: string) => string;
  private lastCorrection: { readonly input: string; readonly output: { text: string; factor: number } } | undefined;
  private readonly phrases: Phrase[] = [];
  private readonly postings = new Map<string, number[]>();
  private accumulator = new Float64Array(0);
  /** Per-entry scratch of `search` (reused: allocating three arrays a question showed in profiles). */
  private readonly scores: Float64Array;
  private readonly bagScores: Float64Array;
  private readonly paragraphScores: Float64Array;
  /** Token -> indices of the entries whose whole vocabulary (or answer) holds it. */
  private readonly bagPostings = new Map<string, number[]>();
  /** Token -> indices of the entries whose cited paragraphs hold it (and their own vocabulary does not). */
  private readonly paragraphPostings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly fuzzy: FuzzyVocabulary;
  /** Every folded word the knowledge set uses (entries, aliases, stop words): not typos. */
  private readonly known = new Set<string>();
  /** Unknown stem -> index word with the same root, or undefined (see sameRoot); a bounded cache. */
  private readonly roots = remembered((stem: string) => this.findRoot(stem), 5000);
  /** Each entry's whole vocabulary (phrasings, answer, quotes), stemmed: what it "mentions". */
  private readonly entryBags: Set<string>[] = [];
  /** Folded words written as proper nouns in the knowledge set (see properNouns.ts). */
  private readonly properNouns = new Set<string>();
  private readonly stopwords: ReadonlySet<string>;
  private readonly neutral: ReadonlySet<string>;
  private readonly profile: TextProfile;
  private readonly quotes: boolean;

  constructor(
    private readonly entries: readonly Entry[],
    normalizer: MatcherData,
    private readonly options: MatcherOptions = DEFAULT_MATCHER_OPTIONS,
    prebuilt?: MatcherIndex,
  ) {
    const profile = normalizer.profile ?? ENGLISH;
    const fold = profile.fold;
    this.profile = profile;
    this.quotes = normalizer.indexQuotes ?? true;
    this.tokenize = createTokenizer(normalizer, fold);
    this.rewriteAliases = aliasRewriter(normalizer.aliases, fold);
    this.stopwords = new Set(normalizer.stopwords.map(fold));
    this.neutral = new Set((normalizer.neutralNames ?? []).flatMap((n) => this.tokenize(n)).map(profile.stem));
    if (prebuilt) restoreIndex(prebuilt, this.state());
    else this.build(normalizer);
    this.unknownIdf = options.unknownWeight * Math.log(1 + (entries.length + 0.5) / 0.5);
    this.accumulator = new Float64Array(this.phrases.length);
    [this.scores, this.bagScores, this.paragraphScores] = [0, 1, 2].map(() => new Float64Array(entries.length)) as [Float64Array, Float64Array, Float64Array];
    this.fuzzy = new FuzzyVocabulary(this.known, options.fuzzy);
  }

  /** The index built from the entries and the paper (the work a prebuilt index saves at start-up). */
  private build(normalizer: MatcherData): void {
    const texts = [...(normalizer.paragraphs ?? []).map((p) => p.text), ...(normalizer.nameTexts ?? []), ...this.entries.flatMap((e) => [e.answer, ...this.quotesOf(e)])];
    for (const w of properNouns(texts, this.stopwords, this.profile)) this.properNouns.add(w);
    // An alias for a name is a name too: "ursula von der leyen" -> "vonderleyen".
    for (const a of normalizer.aliases) {
      const canonical = this.profile.fold(a.canonical);
      const named = a.variants.some((v) => this.properNouns.has(this.profile.fold(v).split(' ')[0] ?? ''));
      if (named && !canonical.includes(' ')) this.properNouns.add(canonical);
    }
    const paragraphText = new Map((normalizer.paragraphs ?? []).flatMap((p) => (p.id === undefined ? [] : [[p.id, p.text] as const])));
    const phraseTokens = this.collectTokens(paragraphText);
    this.buildPhrases(phraseTokens);
    for (const a of normalizer.aliases) this.learn([a.canonical, ...a.variants].join(' '));
    // Stop words are known words and correction targets too ("anyting" -> "anything"); real
    // English words are never corrected at all (see correctSpelling), so "life" stays "life".
    normalizer.stopwords.forEach((w) => this.learn(w));
  }

  private state(): IndexState {
    const { phrases, postings, bagPostings, paragraphPostings, idf, known, entryBags, properNouns } = this;
    return { phrases, postings, bagPostings, paragraphPostings, idf, known, entryBags, properNouns };
  }

  /** The index as plain JSON-ready data, in insertion order: `new Matcher(..., index)` restores it exactly. */
  index(): MatcherIndex {
    return snapshotIndex(this.state());
  }

  private quotesOf(e: Entry): string[] {
    return this.quotes ? e.citations.map((c) => c.quote) : [];
  }

  private learn(text: string): void {
    for (const w of this.profile.fold(text).split(' ')) if (w !== '') this.known.add(w);
  }

  /**
   * Unknown words corrected to the closest known word, before aliases apply (so "investmnet deal"
   * still becomes the investment agreement); `factor` discounts the scores for each correction.
   */
  correctSpelling(text: string): { text: string; factor: number } {
    // One question is read several times (search, question type, follow-up terms): correct it once.
    if (this.lastCorrection?.input === text) return this.lastCorrection.output;
    const output = this.correctWords(text);
    this.lastCorrection = { input: text, output };
    return output;
  }

  private correctWords(text: string): { text: string; factor: number } {
    let factor = 1;
    const words = this.profile.fold(text).split(' ').map((w) => {
      if (this.known.has(w) || this.profile.lexicon.isCommon(w)) return w;
      const fix = this.fuzzy.correct(w);
      if (!fix) return w;
      factor *= Math.min(1, fix.similarity * this.options.fuzzyPenalty);
      return fix.term;
    });
    return { text: words.join(' '), factor };
  }

  /** The question as the index reads it, before stop words: typos corrected, aliases rewritten. */
  rewrite(text: string): string {
    return this.rewriteAliases(this.correctSpelling(text.slice(0, MAX_MATCH_CHARS)).text);
  }

  /** The stemmed words of `text` as the index sees them (typos corrected, aliases, no stop words). */
  terms(text: string): Set<string> {
    return new Set(this.tokenize(this.correctSpelling(text.slice(0, MAX_MATCH_CHARS)).text).map(this.profile.stem));
  }

  /** The names, years and figures of `text` (stemmed), as `search` requires entries to mention them. */
  names(text: string): Set<string> {
    const words = this.tokenize(this.correctSpelling(text.slice(0, MAX_MATCH_CHARS)).text);
    return this.requiredNames(words, new Set(words.filter((w) => this.isName(w)).map(this.profile.stem)));
  }

  /** Entries ranked by score, best first, at most `limit`, scores in [0, 1]. */
  search(text: string, limit = 5): SearchResult {
    const corrected = this.correctSpelling(text.slice(0, MAX_MATCH_CHARS));
    const words = this.tokenize(corrected.text);
    const names = new Set(words.filter((w) => this.isName(w)).map(this.profile.stem));
    const features = this.features(words);
    const terms = features.flatMap((t) => this.resolve(t, names.has(t)));
    const wordCount = features.filter((f) => !f.includes('>')).length;
    // Pairs are a bonus for matching word order, not a requirement: they stay out of the total.
    const total = terms.reduce((sum, t) => sum + (t.term?.includes('>') ? 0 : t.idf), 0) / corrected.factor;
    const information = terms.reduce((sum, t) => sum + (t.term === undefined || t.term.includes('>') ? 0 : t.idf), 0);
    const unknown = terms.reduce((sum, t) => sum + (t.term === undefined ? t.idf : 0), 0);
    if (total === 0) return { entries: [], words: wordCount, information, unknownShare: 0 };
    const unknownShare = Math.min(1, unknown / (unknown + information || 1));
    const best = this.scores.fill(0);
    this.scorePhrases(terms, total, best);
    this.scoreAnswers(terms, total, best);
    // Ranked by the uncapped score: two entries that both reach 1 are still told apart by word order
    // ("la Chine exporte quoi vers la Russie ?" matches the pairs of one of them only).
    const ranked = topK(best, limit);
    const required = this.requiredNames(words, names);
    const known = terms.filter((t): t is { term: string; idf: number } => t.term !== undefined && !t.term.includes('>'));
    const knownWeight = known.reduce((sum, t) => sum + t.idf, 0);
    const entries = ranked.flatMap((index) => {
      const entry = this.entries[index];
      const score = Math.min(1, best[index] ?? 0);
      const bag = this.entryBags[index];
      const missing = [...required].filter((n) => !bag?.has(n));
      const missingFigures = missing.filter((n) => /^\d/.test(n)).length;
      const covered = known.reduce((sum, t) => sum + (bag?.has(t.term) ? t.idf : 0), 0);
      const coverage = knownWeight > 0 ? covered / knownWeight : 0;
      return entry ? [{ entry, score, missingNames: missing.length - missingFigures, missingFigures, coverage, missing }] : [];
    });
    return { entries, words: wordCount, information, unknownShare };
  }

  /**
   * Not an English word ("crrc", "belarus"), or a word the index does not know that English
   * writes with a capital ("india", "japan"; not "turkey").
   */
  private isName(word: string): boolean {
    if (/^\d/.test(word) || CONTRACTED.test(word)) return false;
    const { lexicon, stem } = this.profile;
    return !lexicon.isWord(word) || (!this.idf.has(stem(word)) && lexicon.isCapitalised(word));
  }

  /**
   * The names (countries, people, bodies), years and figures of a question, stemmed: an entry that
   * never mentions one of them is about something else ("trade in 2021" is not "trade in 2023",
   * "sanctions against Belarus" not "sanctions against Russia").
   */
  private requiredNames(words: readonly string[], names: ReadonlySet<string>): Set<string> {
    const required = new Set(words.filter((w) => /^\d/.test(w) || this.properNouns.has(w)).map(this.profile.stem));
    for (const n of names) required.add(n);
    for (const n of this.neutral) required.delete(n);
    return required;
  }

  private collectTokens(paragraphText: ReadonlyMap<string, string>): { entryIndex: number; tokens: string[] }[] {
    const df = new Map<string, number>();
    const phraseTokens: { entryIndex: number; tokens: string[] }[] = [];
    this.entries.forEach((e, entryIndex) => {
      const seen = new Set<string>();
      for (const q of [e.question, ...e.alternates]) {
        this.learn(q);
        const tokens = this.features(this.tokenize(q));
        phraseTokens.push({ entryIndex, tokens });
        tokens.forEach((t) => seen.add(t));
      }
      const answerText = [e.answer, ...this.quotesOf(e)].join(' ');
      this.learn(answerText);
      this.features(this.tokenize(answerText)).forEach((t) => seen.add(t));
      this.entryBags.push(seen);
      for (const t of seen) {
        const list = this.bagPostings.get(t) ?? [];
        list.push(entryIndex);
        this.bagPostings.set(t, list);
      }
      const cited = e.citations.map((c) => paragraphText.get(c.paragraphId) ?? '').join(' ');
      this.learn(cited);
      const paragraphOnly = new Set(this.tokenize(cited).map(this.profile.stem).filter((t) => !seen.has(t)));
      for (const t of paragraphOnly) {
        const list = this.paragraphPostings.get(t) ?? [];
        list.push(entryIndex);
        this.paragraphPostings.set(t, list);
      }
      seen.forEach((t) => df.set(t, (df.get(t) ?? 0) + 1));
      paragraphOnly.forEach((t) => df.set(t, (df.get(t) ?? 0) + 1));
    });
    const n = this.entries.length;
    for (const [t, d] of df) {
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      this.idf.set(t, t.includes('>') ? idf * this.options.pairWeight : idf);
    }
    return phraseTokens;
  }

  private buildPhrases(phraseTokens: { entryIndex: number; tokens: string[] }[]): void {
    for (const { entryIndex, tokens } of phraseTokens) {
      const phrase = this.phrases.length;
      const weight = tokens.reduce((sum, t) => sum + (this.idf.get(t) ?? 0), 0);
      this.phrases.push({ entryIndex, weight });
      for (const t of tokens) {
        const list = this.postings.get(t) ?? [];
        list.push(phrase);
        this.postings.set(t, list);
      }
    }
  }

  /**
   * Tokens plus ordered pairs of neighbouring tokens ("russia>export", "export>china"): pairs keep
   * the direction that a bag of words loses ("what does China export to Russia?").
   */
  private features(words: readonly string[]): string[] {
    const tokens = words.map(this.profile.stem);
    const pairs: string[] = [];
    for (let i = 1; i < tokens.length; i++) pairs.push(`${tokens[i - 1]}>${tokens[i]}`);
    return [...new Set([...tokens, ...pairs])];
  }

  /** A known token or pair; an unknown token counts against the match, an unknown pair not at all. */
  private resolve(feature: string, isName: boolean): QueryTerm[] {
    const idf = this.idf.get(feature);
    if (idf !== undefined) return [{ term: feature, idf }];
    if (feature.includes('>')) return [];
    const sibling = this.sameRoot(feature);
    const siblingIdf = sibling === undefined ? undefined : this.idf.get(sibling);
    if (sibling !== undefined && siblingIdf !== undefined) return [{ term: sibling, idf: siblingIdf }];
    return [{ term: undefined, idf: isName ? this.unknownIdf * this.options.unknownNameFactor : this.unknownIdf }];
  }

  /**
   * The index word with the same root as an unknown one, where the Porter stem keeps them apart
   * ("asymmetric" / "asymmetry", "strategic" / "strategy", "diplomatic" / "diplomacy"): a shared
   * start of at least `MIN_ROOT` letters that leaves at most two letters of the shorter word over.
   */
  private sameRoot(stem: string): string | undefined {
    return stem.length < MIN_ROOT || !/^[a-z]+$/.test(stem) ? undefined : this.roots(stem);
  }

  /** `sameRoot` for a stem of letters, scanning the whole index. */
  private findRoot(stem: string): string | undefined {
    let best: string | undefined;
    let bestLength = 0;
    for (const term of this.idf.keys()) {
      if (term.includes('>') || term.charAt(0) !== stem.charAt(0)) continue;
      const shared = commonPrefix(stem, term);
      if (shared >= MIN_ROOT && shared >= Math.min(stem.length, term.length) - 2 && shared > bestLength) {
        best = term;
        bestLength = shared;
      }
    }
    return best;
  }

  private scorePhrases(terms: readonly QueryTerm[], total: number, best: Float64Array): void {
    // One reusable accumulator indexed by phrase (a Map here cost most of the query time: common
    // words such as "china" appear in most phrasings).
    const matched = this.accumulator;
    const touched: number[] = [];
    for (const t of terms) {
      if (t.term === undefined) continue;
      for (const p of this.postings.get(t.term) ?? []) {
        if (matched[p] === 0) touched.push(p);
        matched[p] = (matched[p] ?? 0) + t.idf;
      }
    }
    const b2 = this.options.recallBeta ** 2;
    for (const index of touched) {
      const m = matched[index] ?? 0;
      matched[index] = 0;
      const phrase = this.phrases[index];
      if (!phrase || phrase.weight === 0) continue;
      const recall = m / total;
      const precision = Math.min(1, m / phrase.weight);
      const f = ((1 + b2) * precision * recall) / (b2 * precision + recall);
      if (f > (best[phrase.entryIndex] ?? 0)) best[phrase.entryIndex] = f;
    }
  }

  private scoreAnswers(terms: readonly QueryTerm[], total: number, best: Float64Array): void {
    const bagMatched = this.bagScores.fill(0);
    for (const t of terms) {
      if (t.term === undefined) continue;
      for (const i of this.bagPostings.get(t.term) ?? []) bagMatched[i] = (bagMatched[i] ?? 0) + t.idf;
    }
    const paragraphMatched = this.paragraphScores.fill(0);
    for (const t of terms) {
      if (t.term === undefined) continue;
      for (const i of this.paragraphPostings.get(t.term) ?? []) paragraphMatched[i] = (paragraphMatched[i] ?? 0) + t.idf;
    }
    const { answerFieldWeight, paragraphFieldWeight, blend } = this.options;
    for (let i = 0; i < best.length; i++) {
      const bag = (((bagMatched[i] ?? 0) * answerFieldWeight + (paragraphMatched[i] ?? 0) * paragraphFieldWeight) / total);
      const phrase = best[i] ?? 0;
      // The best phrasing decides; the whole-entry match breaks ties and lifts paraphrases.
      best[i] = Math.max(phrase, bag) * (1 - blend) + Math.min(phrase, bag) * blend;
    }
  }
}
