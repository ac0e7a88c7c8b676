import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { languageCoverage } from '../../../src/core/knowledge/report.js';
import { copyKnowledge, knowledgeIssues } from '../../helpers/knowledge.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

interface OverlayEntry { id: string; answer: string; notGiven?: { asks: string[]; note: string }[] }

/** A copy of knowledge/ with one overlay file edited as YAML data. */
function edited(file: string, edit: (entries: OverlayEntry[]) => OverlayEntry[]): string {
  const dir = copyKnowledge();
  dirs.push(dir);
  const path = join(dir, file);
  const data = parse(readFileSync(path, 'utf8')) as { entries: OverlayEntry[] };
  writeFileSync(path, stringify({ entries: edit(data.entries) }));
  return dir;
}

const issuesOf = knowledgeIssues;

describe('the French and German overlays', () => {
  const k = loadKnowledge('knowledge');

  it('translate every entry and topic into French and German, with at least 5 phrasings each', () => {
    for (const e of k.entries) {
      for (const l of ['fr', 'de'] as const) {
        const t = e.translations?.[l];
        expect(t, `${e.id} ${l}`).toBeDefined();
        expect(t?.alternates.length ?? 0, `${e.id} ${l}`).toBeGreaterThanOrEqual(5);
      }
    }
    expect(languageCoverage(k).map((c) => [c.language, c.entries, c.topics])).toEqual([
      ['en', k.entries.length, k.topics.length],
      ['fr', k.entries.length, k.topics.length],
      ['de', k.entries.length, k.topics.length],
    ]);
  });

  it('report an entry with no translation by file, entry and language', () => {
    const dir = edited('lang/de/qa/about.yaml', (entries) => entries.filter((e) => e.id !== 'paper-author'));
    expect(issuesOf(dir)).toMatch(/lang\/de\/qa\/about\.yaml.*paper-author.*has no German \(de\) translation/);
  });

  it('reject a translated answer that drops or changes a figure of the English answer', () => {
    const english = loadKnowledge('knowledge').entries.find((e) => /\d/.test(e.answer) && e.file.endsWith('russia-china.yaml'));
    if (!english) throw new Error('no English answer with a figure');
    const dir = edited('lang/fr/qa/russia-china.yaml', (entries) => entries.map((e) => (e.id === english.id ? { ...e, answer: e.answer.replace(/\d+/, '999999') } : e)));
    expect(issuesOf(dir)).toMatch(new RegExp(`${english.id}.*French \\(fr\\) answer lacks the figure`));
  });

  it('reject an id that is not an English entry, and a note that does not say "Le document ne"', () => {
    const withGap = loadKnowledge('knowledge').entries.find((e) => (e.notGiven ?? []).length > 0 && e.file.endsWith('eu.yaml'));
    if (!withGap) throw new Error('no entry with notGiven');
    const dir = edited('lang/fr/qa/eu.yaml', (entries) => [
      ...entries.map((e) => (e.id === withGap.id ? { ...e, notGiven: (e.notGiven ?? []).map((n) => ({ ...n, note: 'Rien.' })) } : e)),
      { ...(entries[0] as OverlayEntry), id: 'no-such-entry' },
    ]);
    const issues = issuesOf(dir);
    expect(issues).toMatch(/no-such-entry.*is not an English entry id/);
    expect(issues).toMatch(new RegExp(`${withGap.id}.*notGiven\\[0\\]\\.note must start with "Le document ne"`));
  });
});
