import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('the core', () => {
  it('imports no platform SDK', () => {
    const offenders = files('src/core').filter((f) =>
      /from\s+['"](?:@slack\/|botbuilder|botframework-)/.test(readFileSync(f, 'utf8')),
    );
    expect(files('src/core').length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
