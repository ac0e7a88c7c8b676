// Vitest global setup: every temporary file of a test run lives under one root that is removed
// when the run ends, so test runs leave nothing behind in the system temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TMP_ROOT_VARIABLE = 'EU_CHINA_TEST_TMP';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'eu-china-tests-'));
  process.env[TMP_ROOT_VARIABLE] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
