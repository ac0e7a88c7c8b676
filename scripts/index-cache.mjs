// `npm run build`'s index step, after the compile and the knowledge cache: each language's matcher
// index built from the knowledge by the compiled code (dist/) and written as JSON to
// build/index-cache/<key>.json, which start-up restores instead of building it
// (src/core/match/indexCache.ts: the key covers the entries, the matcher's data and options, the
// code and the word lists, so a stale index is never used, only missed). The folder is emptied
// first. The validated knowledge set is written there too (knowledge-<key>.json, read at start-up
// instead of validating the files again: src/core/knowledge/validatedCache.ts). --check writes
// nothing: it exits 1 unless every language's index and the knowledge set are in the folder and
// equal a fresh build (the test that checks the artefacts against their sources).
// Usage: node scripts/index-cache.mjs [--check] [KNOWLEDGE_DIR [OUT]].
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';

const check = process.argv.includes('--check');
const [source = 'knowledge', out = join('build', 'index-cache')] = process.argv.slice(2).filter((a) => a !== '--check');
const dist = (module) => import(new URL(`../dist/core/${module}`, import.meta.url).href);
const { loadKnowledge } = await dist('knowledge/load.js');
const { matcherInputs } = await dist('answer/engine.js');
const { LANGUAGES } = await dist('lang/languages.js');
const { indexKey, writeCachedIndex } = await dist('match/indexCache.js');
const { knowledgeKey, writeValidatedKnowledge } = await dist('knowledge/validatedCache.js');
const { DEFAULT_MATCHER_OPTIONS, Matcher } = await dist('match/matcher.js');

const started = performance.now();
let knowledge;
try {
  knowledge = loadKnowledge(source);
} catch {
  // A broken knowledge set is reported, file by file, by the bot and `knowledge validate`.
  process.stderr.write(`eu-china-bot: the knowledge in ${source}/ does not load; no index built ahead of time\n`);
  process.exit(check ? 1 : 0);
}
if (!check) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
}
const keys = {};
const stale = [];
if (check) {
  const file = join(out, `knowledge-${knowledgeKey(source)}.json`);
  if (!existsSync(file)) stale.push(`knowledge: ${file} is missing`);
  else if (readFileSync(file, 'utf8') !== JSON.stringify(knowledge)) stale.push(`knowledge: ${file} differs from a fresh load`);
} else writeValidatedKnowledge(source, {}, out);
for (const language of LANGUAGES) {
  const inputs = matcherInputs(knowledge, language);
  if (!inputs) continue;
  if (!check) {
    keys[language] = writeCachedIndex(inputs.indexed, inputs.data, DEFAULT_MATCHER_OPTIONS, out);
    continue;
  }
  const key = indexKey(inputs.indexed, inputs.data, DEFAULT_MATCHER_OPTIONS);
  const file = join(out, `${key}.json`);
  const fresh = JSON.stringify(new Matcher(inputs.indexed, inputs.data, DEFAULT_MATCHER_OPTIONS).index());
  if (!existsSync(file)) stale.push(`${language}: ${file} is missing`);
  else if (readFileSync(file, 'utf8') !== fresh) stale.push(`${language}: ${file} differs from a fresh build`);
  keys[language] = key;
}
if (check) {
  for (const line of stale) process.stderr.write(`eu-china-bot: index cache ${line} (npm run build)\n`);
  process.stdout.write(`${JSON.stringify({ checked: Object.keys(keys), stale: stale.length })}\n`);
  process.exit(stale.length === 0 ? 0 : 1);
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ source, languages: keys }));
process.stderr.write(`eu-china-bot: ${Object.keys(keys).length} matcher indexes built into ${out}/ in ${Math.round(performance.now() - started)} ms\n`);
