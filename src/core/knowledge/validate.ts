/**
 * Cross-checks a schema-valid knowledge set: ids unique, references resolve, every quote is
 * verbatim in the paragraph it cites, and no question is asked by two entries (which would make
 * the matcher's choice arbitrary). Returns issues rather than throwing so all are reported.
 */
import type { KnowledgeIssue } from '../errors.js';
import type { Knowledge } from '../types.js';

export interface CrossCheckFiles {
  readonly paper: string;
  readonly footnotes: ReadonlyMap<string, readonly string[]>;
}

/** Every cross-reference problem in `k`, each located by file and entry. */
export function crossCheck(k: Knowledge, files: CrossCheckFiles): KnowledgeIssue[] {
  return [...checkPaper(k, files), ...checkEntries(k)];
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function checkPaper(k: Knowledge, files: CrossCheckFiles): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const file = files.paper;
  const sectionIds = new Set(k.sections.map((s) => s.id));
  const paragraphIds = new Set(k.paragraphs.map((p) => p.id));
  for (const id of duplicates(k.sections.map((s) => s.id))) issues.push({ file, message: `section id "${id}" is used twice` });
  for (const id of duplicates(k.paragraphs.map((p) => p.id))) issues.push({ file, message: `paragraph id "${id}" is used twice` });
  for (const p of k.paragraphs) {
    if (!sectionIds.has(p.sectionId)) issues.push({ file, message: `paragraph "${p.id}" names unknown section "${p.sectionId}"` });
    for (const fn of files.footnotes.get(p.id) ?? []) {
      if (!paragraphIds.has(fn)) issues.push({ file, message: `paragraph "${p.id}" refers to unknown footnote "${fn}"` });
    }
  }
  return issues;
}

/** Lower-case words only: "Who wrote it?" and "who wrote it" are the same question. */
export function questionKey(q: string): string {
  return q.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function checkEntries(k: Knowledge): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const entryIds = new Set(k.entries.map((e) => e.id));
  const topicIds = new Set(k.topics.map((t) => t.id));
  const paragraphs = new Map(k.paragraphs.map((p) => [p.id, p.text]));
  const dupIds = new Set(duplicates(k.entries.map((e) => e.id)));
  const askedBy = new Map<string, string>();
  for (const e of k.entries) {
    const at = (message: string): void => void issues.push({ file: e.file, entry: e.id, message });
    if (dupIds.has(e.id)) at(`id "${e.id}" is used by more than one entry`);
    if (!topicIds.has(e.topic)) at(`topic "${e.topic}" is not in topics.yaml (known: ${[...topicIds].join(', ')})`);
    for (const r of e.related) {
      if (r === e.id) at('related lists the entry itself');
      else if (!entryIds.has(r)) at(`related id "${r}" does not exist`);
    }
    for (const [field, r] of [['because', e.because], ['more', e.more]] as const) {
      if (r === e.id) at(`${field} names the entry itself`);
      else if (r !== undefined && !entryIds.has(r)) at(`${field} id "${r}" does not exist`);
    }
    e.citations.forEach((c, i) => {
      const text = paragraphs.get(c.paragraphId);
      if (text === undefined) at(`citations[${i}]: paragraph "${c.paragraphId}" does not exist in paper.yaml`);
      else if (!text.includes(c.quote)) at(`citations[${i}]: quote is not verbatim in paragraph "${c.paragraphId}": "${c.quote}"`);
    });
    const ownKeys = new Set<string>();
    for (const q of [e.question, ...e.alternates]) {
      const key = questionKey(q);
      if (ownKeys.has(key)) at(`question "${q}" is repeated within the entry`);
      ownKeys.add(key);
      const other = askedBy.get(key);
      if (other !== undefined && other !== e.id) at(`question "${q}" is also asked by entry "${other}"`);
      else askedBy.set(key, e.id);
    }
  }
  return issues;
}
