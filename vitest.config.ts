import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20000,
    pool: 'forks',
    globalSetup: ['tests/helpers/tmpRoot.ts', 'tests/helpers/buildSetup.ts'],
  },
});
