/**
 * Opens the better-sqlite3 connection, telling a missing native binding apart from a bad DATA_DIR.
 * The binding is a compiled addon: when npm skipped its install script (npm 12 runs only the
 * install scripts `allowScripts` in package.json allows) or it was built for another Node.js, the
 * first `new Database()` throws "Could not locate the bindings file" or ERR_DLOPEN_FAILED, which
 * start-up used to report as an unwritable DATA_DIR. This names the real fix instead.
 */
import Database from 'better-sqlite3';
import { NativeBindingError } from '../core/errors.js';

/** Opens `file`; `nativeBinding` is a path to the addon (default: the one better-sqlite3 finds). */
export function openDatabase(file: string, nativeBinding?: string): Database.Database {
  try {
    return new Database(file, nativeBinding === undefined ? {} : { nativeBinding });
  } catch (cause) {
    if (!isMissingBinding(cause)) throw cause;
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new NativeBindingError(
      `better-sqlite3's native binding is missing or was built for another Node.js (${process.version}): run \`npm rebuild better-sqlite3\` (npm 12 builds it only when package.json's allowScripts allows better-sqlite3) [${reason}]`,
      { cause },
    );
  }
}

/** True for the errors Node and the `bindings` package throw when the compiled addon cannot be loaded. */
function isMissingBinding(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  if (code === 'ERR_DLOPEN_FAILED') return true;
  if (error.message.includes('Could not locate the bindings file')) return true;
  return code === 'MODULE_NOT_FOUND' && /\.node\b/.test(error.message);
}
