// `npm run build` (npm ci's prepare; `npm start`'s prestart with --if-stale): compiles src/ to
// dist/ with tsconfig.build.json and bundles its entry point (scripts/bundle.mjs), then writes the matcher's word lists to build/wordlists/
// (scripts/wordlists.ts, through tsx). Plain JavaScript so it runs before anything is compiled.
// --if-stale skips each step whose output is newer than every one of its inputs, so `npm start`
// after `npm ci` (whose prepare already built) starts at once, and a start after editing src/
// never runs yesterday's code. dist/ is emptied first, so a source file deleted from src/ leaves no
// stale module behind. --words does the word lists only (`npm run wordlists`, the tests' setup).
// Then the knowledge YAML is parsed into build/knowledge-cache/ (scripts/knowledge-cache.mjs), and
// last each language's matcher index is built into build/index-cache/ (scripts/index-cache.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const OUT = 'dist';
const ENTRY = join(OUT, 'bundle', 'main.js');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/bundle.mjs'];
// The manifest is written after the lists. Their inputs: the code that builds and folds them
// (COMMON_WORD_COUNT is in dictionary.ts) and the installed packages (npm rewrites the hidden
// lock file node_modules/.package-lock.json on every install; package-lock.json on a checkout).
const WORDS_MANIFEST = 'build/wordlists/manifest.json';
const WORDS_INPUTS = ['scripts/wordlists.ts', 'src/core/text/fold.ts', 'src/core/text/dictionary.ts', 'src/core/text/wordlists.ts', 'package-lock.json', 'node_modules/.package-lock.json'];

/** Newest modification time (ms) of a file, or of any file under a folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** True when `output` is missing or older than one of `inputs` (inputs that do not exist are skipped). */
function isStale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => existsSync(input) && newest(input) > built);
}

/** Runs node with `args`; on failure says which step failed and exits with its status. */
function run(args, step) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status === 0) return;
  process.stderr.write(`eu-china-bot: ${step} failed (npm run build); see the errors above\n`);
  process.exit(result.status ?? 1);
}

const ifStale = process.argv.includes('--if-stale');
if (!process.argv.includes('--words') && (!ifStale || isStale(ENTRY, INPUTS))) {
  rmSync(OUT, { recursive: true, force: true });
  run([createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], 'the build');
  run(['scripts/bundle.mjs'], 'bundling the entry point');
}
if (!ifStale || isStale(WORDS_MANIFEST, WORDS_INPUTS)) run(['--import', 'tsx', 'scripts/wordlists.ts'], 'building the word lists');
// The knowledge YAML parsed ahead of time (content-addressed, so a stale cache is never used, only missed).
const KNOWLEDGE_MANIFEST = 'build/knowledge-cache/manifest.json';
if (!process.argv.includes('--words') && (!ifStale || isStale(KNOWLEDGE_MANIFEST, ['knowledge', 'scripts/knowledge-cache.mjs']))) {
  run(['scripts/knowledge-cache.mjs'], 'parsing the knowledge ahead of time');
}
// Then each language's matcher index, built by the compiled code (content-addressed alike: scripts/index-cache.mjs).
const INDEX_MANIFEST = 'build/index-cache/manifest.json';
const INDEX_INPUTS = [OUT, 'knowledge', WORDS_MANIFEST, 'scripts/index-cache.mjs', 'package-lock.json', 'node_modules/.package-lock.json'];
if (!process.argv.includes('--words') && (!ifStale || isStale(INDEX_MANIFEST, INDEX_INPUTS))) run(['scripts/index-cache.mjs'], 'building the matcher indexes ahead of time');
