/**
 * The matcher index built ahead of time (src/core/match/indexCache.ts, written by
 * scripts/index-cache.mjs in `npm run build`) is checked against its sources: the artefacts in
 * build/index-cache/ are the indexes the compiled code builds from knowledge/ now; a matcher
 * restored from a cached index holds and finds exactly what a freshly built one does, for real
 * questions in every language; an edited entry or other options miss the cache (never a stale
 * index), and a damaged file is ignored.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matcherInputs } from '../../../src/core/answer/engine.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { LANGUAGES } from '../../../src/core/lang/languages.js';
import { cachedMatcher, indexKey, readCachedIndex, writeCachedIndex } from '../../../src/core/match/indexCache.js';
import { DEFAULT_MATCHER_OPTIONS, Matcher } from '../../../src/core/match/matcher.js';
import { loadSet, setDir } from '../../eval/evaluate.js';
import { testTempDir } from '../../helpers/tmp.js';

const knowledge = loadKnowledge('knowledge');
const inputsOf = (language: (typeof LANGUAGES)[number]): NonNullable<ReturnType<typeof matcherInputs>> => {
  const inputs = matcherInputs(knowledge, language);
  if (!inputs) throw new Error(`no ${language} entries`);
  return inputs;
};
const ranked = (m: Matcher, q: string): unknown => m.search(q, 5);

describe('the matcher index built ahead of time', () => {
  it('in build/index-cache/ is, for every language, what the compiled code builds from knowledge/ now', () => {
    const out = execFileSync(process.execPath, ['scripts/index-cache.mjs', '--check'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ checked: [...LANGUAGES], stale: 0 });
  });

  it.each(LANGUAGES)('restores the %s index exactly: the same data, the same results for real questions', (language) => {
    const { indexed, data } = inputsOf(language);
    const dir = testTempDir('index-cache-');
    const key = writeCachedIndex(indexed, data, DEFAULT_MATCHER_OPTIONS, dir);
    const cached = readCachedIndex(dir, key);
    expect(cached).toBeDefined();
    const fresh = new Matcher(indexed, data, DEFAULT_MATCHER_OPTIONS);
    // Restored, not built: the prebuilt index is all it has.
    const restored = new Matcher(indexed, data, DEFAULT_MATCHER_OPTIONS, cached);
    expect(restored.index()).toEqual(fresh.index());
    const questions = loadSet(setDir(language, 'dev')).map((c) => c.q);
    expect(questions.length).toBeGreaterThan(50);
    for (const q of questions) expect({ q, found: ranked(restored, q) }).toEqual({ q, found: ranked(fresh, q) });
  });

  it('misses the cache when an entry, the options or the language change, and ignores a damaged file', () => {
    const { indexed, data } = inputsOf('en');
    const dir = testTempDir('index-cache-');
    const key = writeCachedIndex(indexed, data, DEFAULT_MATCHER_OPTIONS, dir);
    const [first, ...rest] = indexed;
    if (!first) throw new Error('no entries');
    const edited = [{ ...first, alternates: [...first.alternates, 'zanzibar semiconductors'] }, ...rest];
    expect(indexKey(edited, data, DEFAULT_MATCHER_OPTIONS)).not.toBe(key);
    expect(indexKey(indexed, data, { ...DEFAULT_MATCHER_OPTIONS, pairWeight: 0.2 })).not.toBe(key);
    expect(indexKey(indexed, { ...data, profile: inputsOf('fr').data.profile }, DEFAULT_MATCHER_OPTIONS)).not.toBe(key);
    // cachedMatcher serves what the file under the key holds (here, planted: the edited set's index)...
    writeFileSync(join(dir, `${key}.json`), JSON.stringify(new Matcher(edited, data, DEFAULT_MATCHER_OPTIONS).index()));
    expect(cachedMatcher(indexed, data, DEFAULT_MATCHER_OPTIONS, dir).search('zanzibar semiconductors').entries[0]?.entry.id).toBe(first.id);
    expect(new Matcher(indexed, data, DEFAULT_MATCHER_OPTIONS).search('zanzibar semiconductors').entries[0]?.entry.id).not.toBe(first.id);
    writeCachedIndex(indexed, data, DEFAULT_MATCHER_OPTIONS, dir);
    // ...and the edited set is built, not served the old index: its new phrasing is found.
    expect(cachedMatcher(edited, data, DEFAULT_MATCHER_OPTIONS, dir).search('zanzibar semiconductors').entries[0]?.entry.id).toBe(first.id);
    writeFileSync(join(dir, `${key}.json`), readFileSync(join(dir, `${key}.json`), 'utf8').slice(0, 1000));
    expect(readCachedIndex(dir, key)).toBeUndefined();
    writeFileSync(join(dir, `${key}.json`), JSON.stringify({ phrases: [] }));
    expect(readCachedIndex(dir, key)).toBeUndefined();
    expect(cachedMatcher(indexed, data, DEFAULT_MATCHER_OPTIONS, dir).index()).toEqual(new Matcher(indexed, data, DEFAULT_MATCHER_OPTIONS).index());
  });
});
