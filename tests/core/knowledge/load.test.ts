import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { coverageReport, exportKnowledge } from '../../../src/core/knowledge/report.js';
import { copyKnowledge, knowledgeIssues } from '../../helpers/knowledge.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function broken(file: string, edit: (s: string) => string): string {
  const dir = copyKnowledge();
  dirs.push(dir);
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

const issuesOf = knowledgeIssues;

describe('the shipped knowledge set', () => {
  const k = loadKnowledge('knowledge');

  it('loads with at least 90 entries, each with 4 alternates and a citation', () => {
    expect(k.entries.length).toBeGreaterThanOrEqual(90);
    for (const e of k.entries) {
      expect(e.alternates.length).toBeGreaterThanOrEqual(4);
      expect(e.citations.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('cites every paragraph, both footnotes, the author note and the publication details', () => {
    const report = coverageReport(k);
    expect(report.uncovered).toEqual([]);
    const sections = new Set(k.paragraphs.map((p) => p.sectionId));
    for (const s of ['summary', 'footnote-1', 'footnote-2', 'author', 'publication', 'foundation']) expect(sections).toContain(s);
  });

  it('keeps the paper metadata as printed', () => {
    expect(k.source).toMatchObject({ number: 742, date: '2024-03-26', issn: '2402-614X', author: 'Pierre Andrieu', url: 'https://www.robert-schuman.eu/en' });
  });

  it('repairs the extraction artefacts', () => {
    const all = k.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/\]\(#\)|\\\$|\*|\[\d\]/);
    expect(all).not.toMatch(/Sino-Russian relations in a geopolitical Europe\.\s+of the Chinese/);
    expect(k.paragraphs.find((p) => p.id === 'invasion-4')?.text).toContain('has soared since Russia');
  });

  it('exports the documented shape', () => {
    const doc = exportKnowledge(k) as { entries: { citations: { paragraph: string; section: string; quote: string; url: string }[] }[] };
    expect(doc.entries[0]?.citations[0]).toEqual(expect.objectContaining({ paragraph: expect.any(String), section: expect.any(String), url: k.source.url }));
  });

  it('uses the configured paper address instead of the default', () => {
    expect(loadKnowledge('knowledge', { paperUrl: 'https://example.org/p742' }).source.url).toBe('https://example.org/p742');
  });
});

describe('a broken knowledge set', () => {
  it('reports a quote that is not verbatim with its file and entry', () => {
    const dir = broken('qa/about.yaml', (s) => s.replace('quote: Pierre Andrieu, Former Ambassador', 'quote: Pierre Andrieu, Retired Ambassador'));
    expect(issuesOf(dir)).toMatch(/qa\/about\.yaml \[paper-author\]: citations\[0\]: quote is not verbatim in paragraph "author-1"/);
  });

  it('reports a duplicate id, a missing related id and an unknown topic together', () => {
    const dir = broken('qa/about.yaml', (s) =>
      s.replace('id: author-background', 'id: paper-author').replace('topic: about', 'topic: astrology').replace('[author-background', '[no-such-entry'),
    );
    const message = issuesOf(dir);
    expect(message).toMatch(/\[paper-author\]: id "paper-author" is used by more than one entry/);
    expect(message).toMatch(/topic "astrology" is not in topics\.yaml/);
    expect(message).toMatch(/related id "no-such-entry" does not exist/);
  });

  it('reports a "because" or "more" link to no entry, or to the entry itself, with file and entry', () => {
    const dir = broken('qa/about.yaml', (s) =>
      s.replace('    more: author-background\n', '    because: no-such-reason\n    more: paper-author\n'),
    );
    const message = issuesOf(dir);
    expect(message).toMatch(/qa\/about\.yaml \[paper-author\]: because id "no-such-reason" does not exist/);
    expect(message).toMatch(/qa\/about\.yaml \[paper-author\]: more names the entry itself/);
  });

  it('reports a question asked by two entries', () => {
    const dir = broken('qa/about.yaml', (s) => s.replace('question: Who wrote the paper?', 'question: What is the author\'s background?'));
    expect(issuesOf(dir)).toMatch(/is also asked by entry/);
  });

  it('reports invalid YAML and schema errors with the entry', () => {
    expect(issuesOf(broken('topics.yaml', () => 'topics: [unclosed'))).toMatch(/topics\.yaml: is not valid YAML/);
    const dir = broken('qa/about.yaml', (s) => s.replace(/alternates:\n(\s+- .*\n)+/, 'alternates: [only one]\n'));
    expect(issuesOf(dir)).toMatch(/\[paper-author\]: alternates: needs at least 4 alternates/);
  });
});
