// `npm run build` (and `npm start`'s prestart with --if-stale): compiles src/ to dist/ with
// tsconfig.build.json. Plain JavaScript so it runs before anything is compiled and without tsx.
// --if-stale skips the compile when dist/main.js is newer than every file under src/ and both
// tsconfigs, so `npm start` after `npm ci` (whose prepare already built) starts at once, and a
// start after editing src/ never runs yesterday's code. dist/ is emptied first, so a source file
// deleted from src/ leaves no stale module behind.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const OUT = 'dist';
const ENTRY = join(OUT, 'main.js');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Newest modification time (ms) of a file, or of any file under a folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function isStale() {
  if (!existsSync(ENTRY)) return true;
  const built = statSync(ENTRY).mtimeMs;
  return INPUTS.some((input) => newest(input) > built);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
rmSync(OUT, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.stderr.write('eu-china-bot: the build failed (npm run build); see the errors above\n');
process.exit(result.status ?? 1);
