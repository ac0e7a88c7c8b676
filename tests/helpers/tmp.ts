// Temporary directories for tests, under the run's root (see tmpRoot.ts).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TMP_ROOT_VARIABLE } from './tmpRoot.js';

/** A fresh, empty directory; removed with the rest of the run's temporary files. */
export function testTempDir(prefix: string): string {
  const root = process.env[TMP_ROOT_VARIABLE] ?? join(tmpdir(), 'eu-china-tests');
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}
