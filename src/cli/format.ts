/**
 * Terminal and JSON renderings of a core `Answer` for the CLI and the local chat. The JSON shape
 * is a public contract (`ask --json` / `--jsonl`): `answer` is present exactly when `matched`,
 * and `matched` is true exactly for the `answer` decision.
 */
import type { Explanation, TopicSummary } from '../core/bot.js';
import { sourceLines, type Help, type HelpItem } from '../core/conversation/commands.js';
import { fill, LABELS, questionCount } from '../core/lang/labels.js';
import type { Language } from '../core/lang/languages.js';
import type { Answer, Source } from '../core/types.js';
import { CLI_STRINGS } from './strings.js';

export interface AnswerJson {
  readonly question: string;
  readonly matched: boolean;
  readonly decision: Answer['decision'];
  readonly confidence: number;
  /** The language the reply is written in (`en`, `fr`, `de`); quotes are always the English original. */
  readonly language: string;
  readonly answer?: {
    readonly id: string;
    readonly question: string;
    readonly text: string;
    /** `paragraph` is the stable id in knowledge/paper.yaml; `location` is what a reader looks for. */
    readonly citations: readonly { section: string; paragraph: string; location: string; quote: string; url: string }[];
  };
  readonly suggestions: readonly { id: string; question: string }[];
}

/** The documented JSON object for one answered question. */
export function toJson(a: Answer): AnswerJson {
  const base = { question: a.question, matched: a.decision === 'answer' && a.entry !== undefined, decision: a.decision, confidence: a.confidence, language: a.language ?? 'en' };
  const suggestions = a.suggestions.map((s) => ({ id: s.id, question: s.question }));
  if (!base.matched || !a.entry) return { ...base, suggestions };
  const citations = a.citations.map((c) => ({ section: c.section, paragraph: c.paragraphId, location: c.location, quote: c.quote, url: c.url }));
  return { ...base, answer: { id: a.entry.id, question: a.entry.question, text: a.text, citations }, suggestions };
}

/** The answer as a person reads it in a terminal, our words in the answer's language. */
export function toTerminal(a: Answer): string {
  const s = CLI_STRINGS[a.language ?? 'en'];
  const lines = [a.text];
  if (a.decision === 'answer') {
    lines.push('', s.sources);
    lines.push(...citationLines(a.citations, a.language));
    if (a.related.length > 0) lines.push('', fill(s.related, { questions: a.related.map((r) => r.question).join(' | ') }));
  } else if (a.decision === 'suggest') {
    a.suggestions.forEach((s, i) => lines.push(`  ${i + 1}. ${s.question}`));
  }
  return lines.join('\n');
}

/** Numbered citations, then one paper link; each its own link when they point at their quotes. */
export function citationLines(citations: Answer['citations'], language: Language = 'en'): string[] {
  const deep = new Set(citations.map((c) => c.url)).size > 1;
  const lines = citations.flatMap((c, i) => [`  [${i + 1}] ${c.location}: "${c.quote}"`, ...(deep ? [`      ${c.url}`] : [])]);
  const url = citations[0]?.url;
  if (url && !deep) lines.push(`  ${fill(CLI_STRINGS[language].readPaper, { url })}`);
  return lines;
}

/** The topics list with example questions. */
export function topicsText(topics: readonly TopicSummary[], language: Language = 'en'): string {
  const lines = [CLI_STRINGS[language].topicsHeading];
  for (const t of topics) {
    lines.push(`• ${t.title} (${questionCount(LABELS[language], t.entryCount)})`);
    for (const e of t.examples) lines.push(`    – ${e.question}`);
  }
  return lines.join('\n');
}

/** The help as terminal text. */
export function helpTerminal(help: Help): string {
  const s = CLI_STRINGS[help.language];
  const item = (i: HelpItem): string => `  ${fill(s.item, { words: i.words, does: i.does })}`;
  return [`${help.about} ${help.ask}`, '', s.commands, ...help.commands.map(item), ...help.digest.map(item), `  ${s.quit}`].join('\n');
}

/** What the paper is, its author and date, and the link. */
export function sourceText(s: Source, language: Language = 'en'): string {
  return sourceLines(s, language).join('\n');
}

/** `ask --explain`: what decided, then the top candidates with their features and vetoes. */
export function explainText(e: Explanation, top = 5): string {
  const lines = [`Decision: ${e.answer.decision} (${e.reason})`, '', toTerminal(e.answer), '', 'Candidates (best first):'];
  e.candidates.slice(0, top).forEach((c, i) => {
    const f = Object.entries(c.features).map(([k, v]) => `${k}=${Math.round(v * 1000) / 1000}`).join(' ');
    const vetoes = Object.entries(c.vetoes).filter(([, on]) => on).map(([k]) => k);
    lines.push(`  ${i + 1}. ${c.ranked.entry.id}  p=${c.probability}  ${f}${vetoes.length > 0 ? `  vetoed: ${vetoes.join(', ')}` : ''}`);
  });
  if (e.candidates.length === 0) lines.push('  (none)');
  return lines.join('\n');
}
