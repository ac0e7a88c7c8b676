// Vitest global setup: builds what the tests run, when missing or older than its inputs
// (scripts/build.mjs --if-stale): build/wordlists/, which the matcher reads, and dist/, which the
// real-process tests start with `node dist/...` as `npm start` does (no tsx loader in each child).
// After npm ci (whose prepare builds both) it does nothing; after editing src/ it recompiles once,
// so a test never runs yesterday's dist/.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build dist/ and the word lists (npm run build); see the errors above');
}
