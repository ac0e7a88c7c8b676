/**
 * The knowledge set validated ahead of time (src/core/knowledge/validatedCache.ts, written by
 * scripts/index-cache.mjs in `npm run build`; build/index-cache/ is checked against its sources in
 * tests/core/match/indexCache.test.ts): served only for exactly the files it was built from, so an
 * edited file misses it and a broken one is still reported, file and entry, and refused.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/core/errors.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { knowledgeKey, loadKnowledgeCached, writeValidatedKnowledge } from '../../../src/core/knowledge/validatedCache.js';
import { testTempDir } from '../../helpers/tmp.js';

/** A copy of knowledge/ and an empty cache folder, with the set validated into it. */
function built(): { dir: string; cache: string; file: string } {
  const dir = join(testTempDir('knowledge-'), 'knowledge');
  cpSync('knowledge', dir, { recursive: true });
  const cache = testTempDir('validated-');
  return { dir, cache, file: writeValidatedKnowledge(dir, {}, cache) };
}

describe('the knowledge validated ahead of time', () => {
  it('is exactly what loading and validating the files gives', () => {
    const { dir, cache, file } = built();
    expect(readdirSync(cache)).toEqual([file.slice(cache.length + 1)]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(loadKnowledge(dir));
    expect(loadKnowledgeCached(dir, {}, cache)).toEqual(loadKnowledge(dir));
  });

  it('is served for the same files, and missed after any edit: a broken entry is still reported and refused', () => {
    const { dir, cache, file } = built();
    // A planted title proves the cached file is what is served...
    const planted = JSON.parse(readFileSync(file, 'utf8')) as { source: { title: string } };
    planted.source.title = 'planted in the cache';
    writeFileSync(file, JSON.stringify(planted));
    expect(loadKnowledgeCached(dir, {}, cache).source.title).toBe('planted in the cache');
    // ...and an edit to a file, even a comment, is never served it.
    const qa = join(dir, 'qa', 'about.yaml');
    writeFileSync(qa, `${readFileSync(qa, 'utf8')}\n# a curator's comment\n`);
    expect(loadKnowledgeCached(dir, {}, cache).source.title).not.toBe('planted in the cache');
    writeFileSync(qa, readFileSync(qa, 'utf8').replace(/\n {4}answer: /, '\n    answer_typo: '));
    let thrown: unknown;
    try {
      loadKnowledgeCached(dir, {}, cache);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KnowledgeError);
    expect((thrown as KnowledgeError).issues[0]).toMatchObject({ file: expect.stringContaining(join('qa', 'about.yaml')), entry: expect.any(String) });
  });

  it('is keyed by the load options too, and a damaged file is ignored', () => {
    const { dir, cache, file } = built();
    expect(knowledgeKey(dir, { paperUrl: 'https://example.org/paper' })).not.toBe(knowledgeKey(dir));
    expect(loadKnowledgeCached(dir, { paperUrl: 'https://example.org/paper' }, cache).source.url).toBe('https://example.org/paper');
    writeFileSync(file, '{"entries": [');
    expect(loadKnowledgeCached(dir, {}, cache)).toEqual(loadKnowledge(dir));
    expect(knowledgeKey(join(dir, 'missing'))).toBeUndefined();
  });
});
