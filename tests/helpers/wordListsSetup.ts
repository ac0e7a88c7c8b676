// Vitest global setup: the matcher reads its word lists from build/wordlists/, which npm ci's
// prepare writes. Rebuilt here when missing or older than their inputs, so `npx vitest` after
// editing the folding, or on a checkout installed with --ignore-scripts, tests today's lists.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--words', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build the word lists (npm run wordlists); see the errors above');
}
