// Module loader hooks of moduleTrace.mjs: writes each resolved URL to MODULE_TRACE_FILE.
import { appendFileSync } from 'node:fs';

const out = process.env.MODULE_TRACE_FILE;

/** Resolves as usual, noting the result. */
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (out) appendFileSync(out, `${result.url}\n`);
  return result;
}
