/**
 * A missing or foreign better-sqlite3 binding (npm 12 skipping its install script, or a build for
 * another Node.js), or better-sqlite3 left out (an optional dependency npm could not build), is
 * reported at start-up as what it is, with the fix, not as a bad DATA_DIR. `openStore`'s third
 * argument forces better-sqlite3 with that addon file, on any Node.js.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NativeBindingError } from '../../src/core/errors.js';
import { loadBetterSqlite3 } from '../../src/store/betterSqlite.js';
import { openStore, SYSTEM_CLOCK } from '../../src/wiring.js';
import { tempDir } from '../core/digest/fakes.js';

const startupError = (open: () => unknown): Error => {
  try {
    open();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected opening the store to fail');
};

// better-sqlite3 is optional: on Node.js 24 npm may have left it out (then the binding tests do not apply).
const betterSqlite3Installed = ((): boolean => {
  try {
    createRequire(import.meta.url).resolve('better-sqlite3');
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(betterSqlite3Installed)('opening the store without a usable native binding', () => {
  it('names the missing binding and the rebuild command when the addon file is absent', () => {
    const error = startupError(() => openStore(tempDir(), SYSTEM_CLOCK, join(tempDir(), 'better_sqlite3.node')));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain("better-sqlite3's native binding is missing");
    expect(error.message).toContain('npm rebuild better-sqlite3');
    expect(error.message).toContain('Node.js 24');
    expect(error.message).not.toContain('DATA_DIR');
  });

  it('names the binding when the addon file is not a loadable library', () => {
    const addon = join(tempDir(), 'better_sqlite3.node');
    writeFileSync(addon, 'not a shared library');
    const error = startupError(() => openStore(tempDir(), SYSTEM_CLOCK, addon));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain('npm rebuild better-sqlite3');
  });
});

describe('opening the store', () => {
  it('names better-sqlite3 as an optional dependency npm left out when the package is not installed', () => {
    const error = startupError(() => loadBetterSqlite3('better-sqlite3-not-installed'));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain(`the SQLite driver on Node.js ${process.version}`);
    expect(error.message).toContain('is not installed');
    expect(error.message).toContain('npm install');
    expect(error.message).toContain('Node.js 24');
  });

  it('still blames DATA_DIR when the folder cannot hold the database', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const error = startupError(() => openStore(file, SYSTEM_CLOCK));
    expect(error).not.toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain(`DATA_DIR=${file}`);
  });
});
