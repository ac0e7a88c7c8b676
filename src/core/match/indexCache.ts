/**
 * The matcher's index built ahead of time. Building the three languages' indexes (tokenising,
 * stemming and weighting every phrasing, answer, quote and cited paragraph) took most of the
 * bot's own start-up (about 0.3 s for English alone), so `npm run build` (scripts/index-cache.mjs)
 * writes each index as JSON under build/index-cache/, named by a SHA-256 of everything the index
 * is computed from: the entries, the matcher's data and options, the running code of core/match,
 * core/text and core/lang, the word lists' manifest and the installed packages' lock file. An edit
 * to any of them changes the name, so a stale index is never used, only missed (and then built at
 * start-up as before); a damaged file is ignored alike.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../types.js';
import type { MatcherIndex } from './indexData.js';
import { Matcher, type MatcherData, type MatcherOptions } from './matcher.js';

/** build/index-cache/ at the root of the checkout (src/core/match/ and dist/core/match/ sit at the same depth). */
export const INDEX_CACHE_DIR = fileURLToPath(new URL('../../../build/index-cache/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The code an index depends on: the folders next to this module's (compiled or source alike). */
const CODE_DIRS = ['match', 'text', 'lang'].map((d) => fileURLToPath(new URL(`../${d}/`, import.meta.url)));
const INPUT_FILES = [join(ROOT, 'build', 'wordlists', 'manifest.json'), join(ROOT, 'node_modules', '.package-lock.json'), join(ROOT, 'package-lock.json')];

let fingerprint: string | undefined;

/** SHA-256 over the code and data files every index depends on, computed once per process. */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  const add = (path: string): void => {
    try {
      hash.update(path.slice(ROOT.length)).update('\0').update(readFileSync(path)).update('\0');
    } catch {
      hash.update(`${path.slice(ROOT.length)} missing\0`);
    }
  };
  for (const dir of CODE_DIRS) for (const name of readdirSync(dir).filter((n) => !n.endsWith('.map')).sort()) add(join(dir, name));
  INPUT_FILES.forEach(add);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The cache name of the index of `entries` built with `data` and `options`. */
export function indexKey(entries: readonly Entry[], data: MatcherData, options: MatcherOptions): string {
  const { profile, ...rest } = data;
  const inputs = JSON.stringify({ language: profile?.language ?? 'en', data: rest, options, entries });
  return createHash('sha256').update(codeFingerprint()).update(inputs).digest('hex');
}

const INDEX_FIELDS = ['phrases', 'postings', 'bagPostings', 'paragraphPostings', 'idf', 'known', 'entryBags', 'properNouns'] as const;

/** The index cached under `key` in `dir`, or undefined when there is none or it is damaged. */
export function readCachedIndex(dir: string, key: string): MatcherIndex | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
  } catch {
    return undefined; // not built, or not for these inputs: build it
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return INDEX_FIELDS.every((f) => Array.isArray(record[f])) ? (parsed as MatcherIndex) : undefined;
}

/** The matcher, restored from the cache in `dir` when it holds the index of exactly these inputs, else built. */
export function cachedMatcher(entries: readonly Entry[], data: MatcherData, options: MatcherOptions, dir: string = INDEX_CACHE_DIR): Matcher {
  return new Matcher(entries, data, options, readCachedIndex(dir, indexKey(entries, data, options)));
}

/** Builds the index of these inputs and writes it to `dir`; returns its cache name. */
export function writeCachedIndex(entries: readonly Entry[], data: MatcherData, options: MatcherOptions, dir: string = INDEX_CACHE_DIR): string {
  const key = indexKey(entries, data, options);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${key}.json`), JSON.stringify(new Matcher(entries, data, options).index()));
  return key;
}
