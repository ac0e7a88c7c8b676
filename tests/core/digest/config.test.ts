// DIGEST_LANGUAGE: the digest language of a `subscribe` that names none, validated at start-up.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { ConfigError } from '../../../src/core/errors.js';

describe('DIGEST_LANGUAGE', () => {
  it('defaults to English and takes a code or a language name', () => {
    expect(loadConfig({}).digest.language).toBe('en');
    expect(loadConfig({ DIGEST_LANGUAGE: 'fr' }).digest.language).toBe('fr');
    expect(loadConfig({ DIGEST_LANGUAGE: 'Deutsch' }).digest.language).toBe('de');
  });

  it('refuses anything else with an error naming the variable and where to set it', () => {
    expect(() => loadConfig({ DIGEST_LANGUAGE: 'es' })).toThrow(ConfigError);
    expect(() => loadConfig({ DIGEST_LANGUAGE: 'es' })).toThrow(/DIGEST_LANGUAGE "es" is not a digest language; use en, fr or de, e\.g\. DIGEST_LANGUAGE=fr; .*\.env/);
  });
});
