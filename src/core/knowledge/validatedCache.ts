/**
 * The knowledge set as `loadKnowledge` returns it, validated ahead of time. Validating the ~30
 * files with zod and cross-checking every quote against the paper took ~80-130 ms of each start
 * (a tenth of the 1 s budget), so `npm run build` (scripts/index-cache.mjs) writes the loaded set as
 * JSON to build/index-cache/knowledge-<key>.json. The key is a SHA-256 of everything the result is
 * computed from: every file under the knowledge folder (path and bytes), the folder's absolute path
 * and the working directory (issues and entries name files relative to it), the load options, and
 * the running code of core/knowledge, core/text and core/lang. Any edit changes the key, so an
 * edited or broken set is never served an old result: it misses, and is loaded and validated in
 * full, refusing to start with the same report as before. `knowledge validate` always validates.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../types.js';
import { loadKnowledge, type LoadOptions } from './load.js';

/** build/index-cache/ at the root of the checkout (src/core/knowledge/ and dist/core/knowledge/ sit at the same depth). */
export const VALIDATED_CACHE_DIR = fileURLToPath(new URL('../../../build/index-cache/', import.meta.url));
/** The code the loaded set depends on: the folders next to this module's (compiled or source alike). */
const CODE_DIRS = ['knowledge', 'text', 'lang'].map((d) => fileURLToPath(new URL(`../${d}/`, import.meta.url)));

/** Every file under `dir`, sorted, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** The cache name of the set loaded from `dir` with `options`; undefined when `dir` cannot be read. */
export function knowledgeKey(dir: string, options: LoadOptions = {}): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const code of CODE_DIRS) for (const file of filesUnder(code).filter((f) => !f.endsWith('.map'))) hash.update(file.slice(code.length)).update('\0').update(readFileSync(file)).update('\0');
    hash.update(JSON.stringify({ cwd: process.cwd(), dir: resolve(dir), options }));
    const root = resolve(dir);
    for (const file of filesUnder(root)) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  } catch {
    return undefined; // a missing folder or file: loadKnowledge says which
  }
  return hash.digest('hex');
}

const cacheFile = (cacheDir: string, key: string): string => join(cacheDir, `knowledge-${key}.json`);

/** What `loadKnowledge(dir, options)` returns, from the cache when it holds the set of exactly these inputs. */
export function loadKnowledgeCached(dir: string, options: LoadOptions = {}, cacheDir: string = VALIDATED_CACHE_DIR): Knowledge {
  const key = knowledgeKey(dir, options);
  if (key !== undefined) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile(cacheDir, key), 'utf8')) as unknown;
      if (typeof cached === 'object' && cached !== null && Array.isArray((cached as { entries?: unknown }).entries)) return cached as Knowledge;
    } catch {
      // not built for these inputs, or damaged: load and validate
    }
  }
  return loadKnowledge(dir, options);
}

/** Loads and validates the set in `dir` (throwing as `loadKnowledge` does) and writes it to `cacheDir`; returns its file. */
export function writeValidatedKnowledge(dir: string, options: LoadOptions = {}, cacheDir: string = VALIDATED_CACHE_DIR): string {
  const knowledge = loadKnowledge(dir, options);
  const key = knowledgeKey(dir, options);
  if (key === undefined) throw new Error(`${dir} cannot be read`);
  mkdirSync(cacheDir, { recursive: true });
  const file = cacheFile(cacheDir, key);
  writeFileSync(file, JSON.stringify(knowledge));
  return file;
}
