/**
 * The knowledge YAML, parsed ahead of time. Parsing the 17 files with the `yaml` package took
 * most of start-up (about 0.35 s of a 1 s budget on an idle machine, seconds under load), so
 * `npm run build` (scripts/knowledge-cache.mjs) writes each file's parse as JSON under
 * build/knowledge-cache/, named by the SHA-256 of the YAML text. A file is read from the cache
 * only when its text hashes to a cached name, so an edited file (or another KNOWLEDGE_DIR) can
 * never be served a stale parse: it is simply parsed again. Validation runs on either alike.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** build/knowledge-cache/ at the root of the checkout (src/core/knowledge/ and dist/core/knowledge/ sit at the same depth). */
export const KNOWLEDGE_CACHE_DIR = fileURLToPath(new URL('../../../build/knowledge-cache/', import.meta.url));

/** The cache file that holds the parse of `text`. */
export const cachedParseFile = (dir: string, text: string): string => join(dir, `${createHash('sha256').update(text).digest('hex')}.json`);

/** `yaml.parse(text)`, from the cache in `dir` when it holds this exact text's parse; throws as `yaml.parse` does. */
export function parseKnowledgeYaml(text: string, dir: string = KNOWLEDGE_CACHE_DIR): unknown {
  let cached: string | undefined;
  try {
    cached = readFileSync(cachedParseFile(dir, text), 'utf8');
  } catch {
    cached = undefined; // not built, or not this text: parse it
  }
  if (cached !== undefined) {
    try {
      return JSON.parse(cached) as unknown;
    } catch {
      // a damaged cache file: the YAML is the source
    }
  }
  return parseYaml(text);
}
