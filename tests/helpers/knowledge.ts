// Builders for small knowledge sets: a real on-disk copy of knowledge/ that a test may break,
// and tiny inline corpora for matcher tests.
import { cpSync } from 'node:fs';
import { KnowledgeError } from '../../src/core/errors.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
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

/** The report of a knowledge set that must be rejected; throws if `dir` loads, or fails otherwise. */
export function knowledgeIssues(dir: string): string {
  try {
    loadKnowledge(dir);
  } catch (e) {
    if (e instanceof KnowledgeError) return e.message;
    throw e;
  }
  throw new Error('expected the knowledge set to be rejected');
}
