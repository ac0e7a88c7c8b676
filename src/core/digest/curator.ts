/**
 * The curator's report: what people asked that the bot could not answer, grouped so that ten
 * phrasings of one missing question count as one gap, plus the entries people found unhelpful
 * and the most asked ones. Grouping compares questions with the matcher's own normalisation
 * (aliases, stop words, stems), so "who is the writer" and "who's the writer?" meet, and uses
 * token Jaccard similarity, which needs no tuning per corpus.
 */
import type { FeedbackRecord, LoggedQuestion } from '../store.js';
import { createTokenizer, fold, stemWord } from '../text/normalize.js';
import type { Knowledge } from '../types.js';

export interface EntryInfo {
  readonly id: string;
  readonly question: string;
  /** The knowledge file that holds it. */
  readonly file: string;
}

export interface UnansweredGroup {
  /** The most frequent phrasing. */
  readonly example: string;
  readonly count: number;
  /** Distinct phrasings, most frequent first (at most 5). */
  readonly variants: readonly string[];
  readonly declined: number;
  readonly suggested: number;
  /** The entry offered as "did you mean" for most of the group, if any. */
  readonly suggestedEntry?: EntryInfo;
  readonly hint: string;
}

export interface EntryFeedback extends EntryInfo {
  readonly notHelpful: number;
  readonly helpful: number;
  /** What people wrote with their "not helpful" (Teams' feedback form), newest first, at most MAX_COMMENTS. */
  readonly comments: readonly string[];
  readonly hint: string;
}

const MAX_COMMENTS = 3;

export interface EntryCount extends EntryInfo {
  readonly count: number;
}

export interface CuratorReport {
  /** ISO instants of the range covered, [since, until). */
  readonly since: string;
  readonly until: string;
  readonly totals: { readonly questions: number; readonly answered: number; readonly suggested: number; readonly declined: number; readonly smalltalk: number };
  readonly unanswered: readonly UnansweredGroup[];
  readonly notHelpful: readonly EntryFeedback[];
  readonly mostAsked: readonly EntryCount[];
}

export interface CuratorOptions {
  /** Two questions are grouped when their token sets' Jaccard similarity reaches this. */
  readonly similarity: number;
  /** At most this many rows per list. */
  readonly limit: number;
}

export const DEFAULT_CURATOR_OPTIONS: CuratorOptions = { similarity: 0.6, limit: 20 };

export interface CuratorInput {
  readonly knowledge: Knowledge;
  readonly questions: readonly LoggedQuestion[];
  readonly feedback: readonly FeedbackRecord[];
  readonly since: Date;
  readonly until: Date;
}

/** Builds the report from the logs of one period. */
export function buildCuratorReport(input: CuratorInput, options: Partial<CuratorOptions> = {}): CuratorReport {
  const opts = { ...DEFAULT_CURATOR_OPTIONS, ...options };
  const entries = new Map(input.knowledge.entries.map((e) => [e.id, { id: e.id, question: e.question, file: e.file }]));
  const count = (d: LoggedQuestion['decision']): number => input.questions.filter((q) => q.decision === d).length;
  const missed = input.questions.filter((q) => q.decision === 'decline' || q.decision === 'suggest');
  return {
    since: input.since.toISOString(),
    until: input.until.toISOString(),
    totals: { questions: input.questions.length, answered: count('answer'), suggested: count('suggest'), declined: count('decline'), smalltalk: count('smalltalk') },
    unanswered: groupUnanswered(missed, input.knowledge, entries, opts.similarity).slice(0, opts.limit),
    notHelpful: feedbackByEntry(input.feedback, entries).slice(0, opts.limit),
    mostAsked: mostAsked(input.questions, entries).slice(0, opts.limit),
  };
}

/** |a ∩ b| / |a ∪ b|; two empty sets are not similar (they only group by identical text). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Cluster {
  readonly tokens: ReadonlySet<string>;
  /** Each phrasing's count and when it was last asked (ties go to the most recent wording). */
  readonly phrasings: Map<string, { count: number; last: number }>;
  readonly suggestions: Map<string, number>;
  count: number;
  declined: number;
}

function groupUnanswered(missed: readonly LoggedQuestion[], k: Knowledge, entries: ReadonlyMap<string, EntryInfo>, similarity: number): UnansweredGroup[] {
  const tokenize = createTokenizer(k);
  const byText = new Map<string, LoggedQuestion[]>();
  for (const q of missed) {
    const key = fold(q.question);
    byText.set(key, [...(byText.get(key) ?? []), q]);
  }
  const clusters: Cluster[] = [];
  const ordered = [...byText].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [key, qs] of ordered) {
    const tokens = new Set(tokenize(key).map(stemWord));
    let c = clusters.find((x) => jaccard(x.tokens, tokens) >= similarity);
    if (!c) clusters.push((c = { tokens, phrasings: new Map(), suggestions: new Map(), count: 0, declined: 0 }));
    for (const q of qs) addTo(c, q);
  }
  return clusters.sort((a, b) => b.count - a.count).map((c) => toGroup(c, entries));
}

function addTo(c: Cluster, q: LoggedQuestion): void {
  c.count++;
  const p = c.phrasings.get(q.question) ?? { count: 0, last: 0 };
  c.phrasings.set(q.question, { count: p.count + 1, last: Math.max(p.last, q.at.getTime()) });
  if (q.decision === 'decline') c.declined++;
  else if (q.entryId) c.suggestions.set(q.entryId, (c.suggestions.get(q.entryId) ?? 0) + 1);
}

const byCount = <K>(m: ReadonlyMap<K, number>): [K, number][] => [...m].sort((a, b) => b[1] - a[1]);

function toGroup(c: Cluster, entries: ReadonlyMap<string, EntryInfo>): UnansweredGroup {
  const variants = [...c.phrasings].sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last).map(([text]) => text);
  const example = variants[0] ?? '';
  const [top] = byCount(c.suggestions);
  const suggestedEntry = top && top[1] * 2 >= c.count ? entries.get(top[0]) : undefined;
  const hint = suggestedEntry
    ? `If ${suggestedEntry.id} answers it, add "${example}" to its alternates in ${suggestedEntry.file}; otherwise add a new entry.`
    : 'If the paper covers it, add an entry to knowledge/qa/ (or an alias to knowledge/aliases.yaml for a word the paper does not use); otherwise it is out of scope.';
  return { example, count: c.count, variants: variants.slice(0, 5), declined: c.declined, suggested: c.count - c.declined, ...(suggestedEntry ? { suggestedEntry } : {}), hint };
}

function feedbackByEntry(feedback: readonly FeedbackRecord[], entries: ReadonlyMap<string, EntryInfo>): EntryFeedback[] {
  const votes = new Map<string, { helpful: number; notHelpful: number; comments: string[] }>();
  for (const f of feedback) {
    const v = votes.get(f.entryId) ?? { helpful: 0, notHelpful: 0, comments: [] };
    if (f.helpful) v.helpful++;
    else v.notHelpful++;
    if (!f.helpful && f.comment) v.comments.unshift(f.comment);
    votes.set(f.entryId, v);
  }
  return [...votes]
    .filter(([, v]) => v.notHelpful > 0)
    .sort((a, b) => b[1].notHelpful - a[1].notHelpful || a[1].helpful - b[1].helpful || a[0].localeCompare(b[0]))
    .map(([id, v]) => {
      const info = entries.get(id) ?? { id, question: '(no longer in the knowledge set)', file: '-' };
      return { ...info, ...v, comments: v.comments.slice(0, MAX_COMMENTS), hint: `Reread ${id} in ${info.file}: rephrase its answer or cite a better paragraph; if people meant another question, add their wording to the right entry's alternates.` };
    });
}

function mostAsked(questions: readonly LoggedQuestion[], entries: ReadonlyMap<string, EntryInfo>): EntryCount[] {
  const counts = new Map<string, number>();
  for (const q of questions) if (q.decision === 'answer' && q.entryId) counts.set(q.entryId, (counts.get(q.entryId) ?? 0) + 1);
  return byCount(counts).map(([id, count]) => ({ ...(entries.get(id) ?? { id, question: '(no longer in the knowledge set)', file: '-' }), count }));
}
