/**
 * The knowledge parsed ahead of time (scripts/knowledge-cache.mjs, run by `npm run build`) is
 * checked against its sources: built fresh into a temp folder, every cached parse equals the
 * `yaml` package's parse of the file it names, the knowledge loaded from it equals the knowledge
 * loaded from the YAML alone, and an edited text is never served an old parse.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cachedParseFile, parseKnowledgeYaml } from '../../../src/core/knowledge/yamlCache.js';
import { tempDir } from '../digest/fakes.js';

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });

describe('the knowledge cache', () => {
  const cache = tempDir();
  execFileSync(process.execPath, ['scripts/knowledge-cache.mjs', 'knowledge', cache], { stdio: 'pipe' });
  const files = yamlFiles('knowledge');

  it('holds, for every knowledge YAML file, exactly what parsing that file gives', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const cached: unknown = JSON.parse(readFileSync(cachedParseFile(cache, text), 'utf8'));
      expect({ file, cached }).toEqual({ file, cached: parse(text) });
    }
    expect(readdirSync(cache).filter((f) => f !== 'manifest.json')).toHaveLength(new Set(files.map((f) => readFileSync(f, 'utf8'))).size);
  });

  it('serves a text its own parse, and an edited text a fresh one', () => {
    const text = readFileSync(join('knowledge', 'topics.yaml'), 'utf8');
    expect(parseKnowledgeYaml(text, cache)).toEqual(parse(text));
    const edited = `${text}\nextra_key_only_in_the_edit: 1\n`;
    expect(parseKnowledgeYaml(edited, cache)).toMatchObject({ extra_key_only_in_the_edit: 1 });
    expect(parseKnowledgeYaml(text, tempDir())).toEqual(parse(text)); // no cache at all
  });
});
