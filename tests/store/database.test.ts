/**
 * A missing or foreign better-sqlite3 binding (npm 12 skipping its install script, or a build for
 * another Node.js) is reported at start-up as what it is, with the fix, not as a bad DATA_DIR.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NativeBindingError } from '../../src/core/errors.js';
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

describe('opening the store without a usable native binding', () => {
  it('names the missing binding and the rebuild command when the addon file is absent', () => {
    const error = startupError(() => openStore(tempDir(), SYSTEM_CLOCK, join(tempDir(), 'better_sqlite3.node')));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain("better-sqlite3's native binding is missing");
    expect(error.message).toContain('npm rebuild better-sqlite3');
    expect(error.message).not.toContain('DATA_DIR');
  });

  it('names the binding when the addon file is not a loadable library', () => {
    const addon = join(tempDir(), 'better_sqlite3.node');
    writeFileSync(addon, 'not a shared library');
    const error = startupError(() => openStore(tempDir(), SYSTEM_CLOCK, addon));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain('npm rebuild better-sqlite3');
  });

  it('still blames DATA_DIR when the folder cannot hold the database', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const error = startupError(() => openStore(file, SYSTEM_CLOCK));
    expect(error).not.toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain(`DATA_DIR=${file}`);
  });
});
