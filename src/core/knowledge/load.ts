/**
 * Reads knowledge/ (paper.yaml, topics.yaml, aliases.yaml, vocabulary.yaml, qa/*.yaml) into one validated
 * `Knowledge`. It collects every problem before failing, each with its file and entry id, so a
 * curator fixes a broken set in one pass and the bot refuses to start with the same report.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { KnowledgeError, type KnowledgeIssue } from '../errors.js';
import type { Entry, Knowledge } from '../types.js';
import { aliasesSchema, entrySchema, paperSchema, qaFileSchema, topicsSchema, vocabularySchema } from './schema.js';
import { readOverlays, type Reader } from './translations.js';
import { crossCheck } from './validate.js';
import { parseKnowledgeYaml } from './yamlCache.js';

export interface LoadOptions {
  /**
   * The paper's own page (PAPER_URL): overrides the address the paper gives (the publisher's home
   * page) and lets citations link to their quote with a text fragment.
   */
  readonly paperUrl?: string;
}

/** Loads and validates the knowledge set in `dir`; throws `KnowledgeError` listing every issue. */
export function loadKnowledge(dir: string, options: LoadOptions = {}): Knowledge {
  const issues: KnowledgeIssue[] = [];
  const rel = (f: string): string => relative(process.cwd(), join(dir, f)) || f;
  const paper = readChecked(join(dir, 'paper.yaml'), rel('paper.yaml'), paperSchema, issues);
  const topics = readChecked(join(dir, 'topics.yaml'), rel('topics.yaml'), topicsSchema, issues);
  const aliases = readChecked(join(dir, 'aliases.yaml'), rel('aliases.yaml'), aliasesSchema, issues);
  const vocabulary = existsSync(join(dir, 'vocabulary.yaml'))
    ? readChecked(join(dir, 'vocabulary.yaml'), rel('vocabulary.yaml'), vocabularySchema, issues)
    : { shorthand: [], paraphrases: [], stopwords: [] };
  const english = readEntries(join(dir, 'qa'), rel('qa'), issues);
  if (!paper || !topics || !aliases || !vocabulary) throw new KnowledgeError(issues);
  const reader: Reader = { checked: (path, file, schema) => readChecked(path, file, schema, issues), rel: (p) => relative(process.cwd(), p) || p };
  const overlay = readOverlays(dir, english, topics.topics, reader, issues);
  const entries = overlay.entries;

  const knowledge: Knowledge = {
    source: options.paperUrl ? { ...paper.source, url: options.paperUrl, paperPage: true } : paper.source,
    sections: paper.sections,
    paragraphs: paper.paragraphs.map((p) => ({ id: p.id, sectionId: p.section, text: collapse(p.text) })),
    topics: overlay.topics,
    entries,
    aliases: [...aliases.aliases, ...vocabulary.shorthand, ...vocabulary.paraphrases],
    stopwords: [...aliases.stopwords, ...vocabulary.stopwords],
    languages: overlay.languages,
  };
  issues.push(...crossCheck(knowledge, { paper: rel('paper.yaml'), footnotes: footnoteRefs(paper) }));
  if (issues.length > 0) throw new KnowledgeError(issues);
  return knowledge;
}

/** Whitespace collapsed to single spaces, as YAML folding and quote checks expect. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function footnoteRefs(paper: z.infer<typeof paperSchema>): Map<string, readonly string[]> {
  return new Map(paper.paragraphs.map((p) => [p.id, p.footnotes ?? []]));
}

function readYaml(path: string, file: string, issues: KnowledgeIssue[]): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    issues.push({ file, message: `cannot be read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})` });
    return undefined;
  }
  try {
    return parseKnowledgeYaml(raw);
  } catch (cause) {
    issues.push({ file, message: `is not valid YAML: ${(cause as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function readChecked<S extends z.ZodType>(
  path: string,
  file: string,
  schema: S,
  issues: KnowledgeIssue[],
): z.infer<S> | undefined {
  const data = readYaml(path, file, issues);
  if (data === undefined) return undefined;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({ file, message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  return undefined;
}

function readEntries(dir: string, relDir: string, issues: KnowledgeIssue[]): Entry[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    issues.push({ file: relDir, message: 'the Q&A folder is missing; create it with at least one .yaml file' });
    return [];
  }
  if (files.length === 0) issues.push({ file: relDir, message: 'holds no .yaml Q&A files' });
  return files.flatMap((f) => readEntryFile(join(dir, f), join(relDir, f), issues));
}

function readEntryFile(path: string, file: string, issues: KnowledgeIssue[]): Entry[] {
  const wrapper = readChecked(path, file, qaFileSchema, issues);
  if (!wrapper) return [];
  const entries: Entry[] = [];
  wrapper.entries.forEach((raw, index) => {
    const result = entrySchema.safeParse(raw);
    if (result.success) {
      const e = result.data;
      entries.push({
        ...e,
        answer: collapse(e.answer),
        citations: e.citations.map((c) => ({ paragraphId: c.paragraph, quote: collapse(c.quote) })),
        file,
      });
      return;
    }
    const entry = entryLabel(raw, index);
    for (const issue of result.error.issues) {
      issues.push({ file, entry, message: `${issue.path.join('.') || '(entry)'}: ${issue.message}` });
    }
  });
  return entries;
}

function entryLabel(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return `entry #${index + 1}`;
}
