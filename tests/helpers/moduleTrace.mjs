// Preload for a bot process whose loaded modules a test wants to know (`node --import
// ./tests/helpers/moduleTrace.mjs dist/main.js`): every module the ESM loader resolves, and at
// exit every CommonJS module in require.cache (what those packages require in turn), is
// appended to the file named by MODULE_TRACE_FILE, one URL or path a line.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.MODULE_TRACE_FILE;
if (out) {
  register('./moduleTraceHooks.mjs', import.meta.url);
  const require = createRequire(import.meta.url);
  process.on('exit', () => appendFileSync(out, `${Object.keys(require.cache).join('\n')}\n`));
}
