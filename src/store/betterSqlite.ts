/**
 * The better-sqlite3 driver (Node.js 20, which has no node:sqlite), telling a missing native
 * binding apart from a bad DATA_DIR. better-sqlite3 is an optional dependency, loaded only here
 * and only when needed: npm leaves it out when its addon cannot be built (which a Node.js 24 host
 * does not need), and when npm skipped its install script (npm 12 runs only the install scripts
 * package.json's `allowScripts` allows) or built it for another Node.js, the first
 * `new Database()` throws "Could not locate the bindings file" or ERR_DLOPEN_FAILED, which
 * start-up used to report as an unwritable DATA_DIR. Both are reported with the real fix instead.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { NativeBindingError } from '../core/errors.js';
import type { DriverConnection, OpenSqliteOptions } from './sqliteTypes.js';

const require = createRequire(import.meta.url);
const INSTEAD = 'or run the bot on Node.js 24, whose built-in node:sqlite needs no addon';

/** The better-sqlite3 constructor; `specifier` is for the test of a package that is not installed. */
export function loadBetterSqlite3(specifier = 'better-sqlite3'): typeof BetterSqlite3 {
  try {
    return require(specifier) as typeof BetterSqlite3;
  } catch (cause) {
    if (!isCode(cause, 'MODULE_NOT_FOUND') || !(cause instanceof Error) || !cause.message.includes(`'${specifier}'`)) throw cause;
    throw new NativeBindingError(
      `better-sqlite3, the SQLite driver on Node.js ${process.version} (which has no built-in node:sqlite), is not installed: npm leaves this optional dependency out when its native binding cannot be built; run \`npm install\` and read why better-sqlite3 failed to build (without a prebuilt binary it needs a C++ compiler, make and python3), ${INSTEAD}`,
      { cause },
    );
  }
}

/** Opens `file` with better-sqlite3; `options.nativeBinding` is a path to the addon (default: the one it finds). */
export function openBetterSqlite3(file: string, options: OpenSqliteOptions): DriverConnection {
  const Database = loadBetterSqlite3();
  let db: BetterSqlite3.Database;
  try {
    db = new Database(file, { readonly: options.readonly === true, ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }) });
  } catch (cause) {
    if (!isMissingBinding(cause)) throw cause;
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new NativeBindingError(
      `better-sqlite3's native binding is missing or was built for another Node.js (${process.version}): run \`npm rebuild better-sqlite3\` (npm 12 builds it only when package.json's allowScripts allows better-sqlite3), ${INSTEAD} [${reason}]`,
      { cause },
    );
  }
  return {
    driver: 'better-sqlite3',
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => void db.exec(sql),
    pragma: (text) => db.pragma(text, { simple: true }),
    inTransaction: () => db.inTransaction,
    close: () => void db.close(),
  };
}

const isCode = (error: unknown, code: string): boolean => error instanceof Error && 'code' in error && error.code === code;

/** True for the errors Node and the `bindings` package throw when the compiled addon cannot be loaded. */
function isMissingBinding(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isCode(error, 'ERR_DLOPEN_FAILED')) return true;
  if (error.message.includes('Could not locate the bindings file')) return true;
  return isCode(error, 'MODULE_NOT_FOUND') && /\.node\b/.test(error.message);
}
