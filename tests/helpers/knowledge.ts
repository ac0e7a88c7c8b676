// Builders for small knowledge sets: a real on-disk copy of knowledge/ that a test may break,
// and tiny inline corpora for matcher tests.
import { cpSync } from 'node:fs';
import type { Entry } from '../../src/core/types.js';
import { testTempDir } from './tmp.js';

/** A fresh copy of the real knowledge/ folder in a temp dir, safe to edit. */
export function copyKnowledge(): string {
  const dir = testTempDir('knowledge-');
  cpSync('knowledge', dir, { recursive: true });
  return dir;
}

/** An inline entry with sensible defaults. */
export function entry(id: string, question: string, alternates: string[], answer = `Answer for ${id}.`): Entry {
  return { id, question, alternates, answer, citations: [{ paragraphId: 'p1', quote: 'q' }], topic: 't', related: [], file: 'inline.yaml' };
}
