// Two projects, run side by side on `maxWorkers` processes (vitest's default on a 2-core machine
// is one: it keeps a core for itself):
// - `unit`: in-process tests (the core, renderers, stores, adapters through their SDKs without a
//   listening fake of the internet). They share one module cache per worker (isolate: false), so
//   botbuilder, Bolt, the knowledge and the word lists are imported once per worker, not once per
//   file; such a file must leave no global state behind (restore what it changes in afterEach).
// - `own-process`: each file in a fresh process as before (isolate: true), for the files that
//   start real processes or servers the test talks to, patch Node's http (nock, loopbackOnly) or
//   add process listeners: *.e2e.test.ts and every file whose source names one of OWN_PROCESS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const OWN_PROCESS = /child_process|\bspawn|\bnock\b|loopbackOnly|botProcess|replicasHarness|runDist|process\.on\(/;

const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));

const ownProcess = testFiles('tests').filter((f) => f.endsWith('.e2e.test.ts') || OWN_PROCESS.test(readFileSync(f, 'utf8')));

const shared = { testTimeout: 20000 };

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['tests/helpers/tmpRoot.ts', 'tests/helpers/buildSetup.ts'],
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/**/*.test.ts'], exclude: ownProcess, isolate: false } },
      { test: { ...shared, name: 'own-process', include: ownProcess, isolate: true } },
    ],
  },
});
