/**
 * Read-only views of a loaded knowledge set for curators and tools: paragraph coverage and the
 * normalised JSON export. Kept apart from loading so the bot never pays for them.
 */
import type { Knowledge } from '../types.js';

export interface ParagraphCoverage {
  readonly id: string;
  readonly section: string;
  readonly entries: readonly string[];
}

export interface CoverageReport {
  readonly paragraphs: readonly ParagraphCoverage[];
  readonly uncovered: readonly string[];
}

/** Each paragraph with the ids of the entries citing it, in paper order. */
export function coverageReport(k: Knowledge): CoverageReport {
  const sections = new Map(k.sections.map((s) => [s.id, s.title]));
  const citing = new Map<string, string[]>();
  for (const e of k.entries) {
    for (const c of e.citations) {
      const list = citing.get(c.paragraphId) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      citing.set(c.paragraphId, list);
    }
  }
  const paragraphs = k.paragraphs.map((p) => ({
    id: p.id,
    section: sections.get(p.sectionId) ?? p.sectionId,
    entries: citing.get(p.id) ?? [],
  }));
  return { paragraphs, uncovered: paragraphs.filter((p) => p.entries.length === 0).map((p) => p.id) };
}

/** Per language: entries with a question and answer in it, their phrasings, and topics titled in it. */
export interface LanguageCoverage {
  readonly language: string;
  readonly entries: number;
  readonly phrasings: number;
  readonly topics: number;
}

export function languageCoverage(k: Knowledge): LanguageCoverage[] {
  const english = { language: 'en', entries: k.entries.length, phrasings: k.entries.reduce((n, e) => n + 1 + e.alternates.length, 0), topics: k.topics.length };
  return [
    english,
    ...(['fr', 'de'] as const).map((l) => {
      const texts = k.entries.flatMap((e) => e.translations?.[l] ?? []);
      return { language: l, entries: texts.length, phrasings: texts.reduce((n, t) => n + 1 + t.alternates.length, 0), topics: k.topics.filter((t) => t.titles?.[l]).length };
    }),
  ];
}

/** One line per language: "fr: 119/119 entries, 950 phrasings, 10/10 topic titles". */
export function formatLanguageCoverage(k: Knowledge): string {
  return languageCoverage(k)
    .map((c) => `${c.language}: ${c.entries}/${k.entries.length} entries, ${c.phrasings} phrasings, ${c.topics}/${k.topics.length} topic titles`)
    .join('\n');
}

/** Plain-text coverage table with a summary line. */
export function formatCoverage(report: CoverageReport): string {
  const lines = report.paragraphs.map((p) => {
    const flag = p.entries.length === 0 ? '  UNCOVERED' : '';
    return `${p.id.padEnd(14)} ${String(p.entries.length).padStart(2)} ${p.entries.join(', ')}${flag}`;
  });
  const covered = report.paragraphs.length - report.uncovered.length;
  lines.push('', `${covered}/${report.paragraphs.length} paragraphs cited by at least one entry.`);
  if (report.uncovered.length > 0) lines.push(`Uncovered: ${report.uncovered.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The whole normalised set as the documented export document. */
export function exportKnowledge(k: Knowledge): unknown {
  const sections = new Map(k.sections.map((s) => [s.id, s.title]));
  const sectionOf = new Map(k.paragraphs.map((p) => [p.id, p.sectionId]));
  const title = (paragraphId: string): string => sections.get(sectionOf.get(paragraphId) ?? '') ?? '';
  return {
    source: k.source,
    sections: k.sections,
    topics: k.topics,
    paragraphs: k.paragraphs.map((p) => ({ id: p.id, section: sections.get(p.sectionId) ?? p.sectionId, sectionId: p.sectionId, text: p.text })),
    entries: k.entries.map((e) => ({
      id: e.id,
      question: e.question,
      alternates: e.alternates,
      answer: e.answer,
      citations: e.citations.map((c) => ({ paragraph: c.paragraphId, section: title(c.paragraphId), quote: c.quote, url: k.source.url })),
      topic: e.topic,
      related: e.related,
    })),
  };
}
