import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWordLists } from '../../../scripts/wordlists.js';
import { createBot } from '../../../src/core/bot.js';
import { WordListError } from '../../../src/core/errors.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { isEnglishWord } from '../../../src/core/text/dictionary.js';
import { readWordList, sortedWordList, useWordLists, WORD_LIST_NAMES, WORD_LISTS_DIR, wordListFile, wordListText } from '../../../src/core/text/wordlists.js';
import { testTempDir } from '../../helpers/tmp.js';

/** Where two list texts first differ, for a message that fits on a line; undefined when they are the same. */
function firstDifference(onDisk: string, built: string): string | undefined {
  if (onDisk === built) return undefined;
  const a = onDisk.split('\n');
  const b = built.split('\n');
  const i = a.findIndex((w, k) => w !== b[k]);
  const line = i === -1 ? a.length : i;
  return `line ${line + 1}: ${JSON.stringify(a[line])} on disk, ${JSON.stringify(b[line])} built (${a.length} vs ${b.length} words); run npm run wordlists`;
}

const listOf = (words: readonly string[]) => sortedWordList(wordListText(words));

afterEach(() => useWordLists((name) => readWordList(WORD_LISTS_DIR, name)));

describe('the word lists on disk', () => {
  it('are exactly what the packages and the matcher\'s folding give today', () => {
    const built = buildWordLists();
    for (const name of WORD_LIST_NAMES) {
      const file = wordListFile(WORD_LISTS_DIR, name);
      expect(firstDifference(readFileSync(file, 'utf8'), built[name]), file).toBeUndefined();
    }
  });
});

describe('a sorted word list', () => {
  it('finds its first, last and middle words, and no prefix or extension of them', () => {
    const list = listOf(['chine', 'abat jour', 'zone', 'a', 'ab', 'abc', 'Zone', 'ete']);
    for (const w of ['a', 'ab', 'abc', 'abat jour', 'chine', 'ete', 'zone', 'Zone']) expect(list.has(w), w).toBe(true);
    for (const w of ['', 'abat', 'abcd', 'chin', 'chines', 'zones', 'ZONE', 'été', 'a\nab', 'zzz', '0']) expect(list.has(w), w).toBe(false);
  });

  it('holds an empty word when the list does', () => {
    expect(listOf(['', 'a']).has('')).toBe(true);
    expect(listOf(['a', 'b']).has('')).toBe(false);
  });

  it('answers as a Set of the same words does, for any words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'z', 'A', ' ', 'é', 'ß'), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word.filter((w) => w !== ''), { minLength: 1, maxLength: 40 }), fc.array(word, { maxLength: 20 }), (words, probes) => {
        const list = listOf(words);
        const set = new Set(words);
        return [...words, ...probes].every((w) => list.has(w) === set.has(w));
      }),
    );
  });

  it('refuses a word with a line break, which would split it in two', () => {
    expect(() => wordListText(['ok', 'not\nok'])).toThrow(/line break/);
  });
});

describe('a missing word list', () => {
  it('is an error naming the file and the command that builds it', () => {
    const dir = testTempDir('wordlists-');
    let error: unknown;
    try {
      readWordList(dir, 'fr-words');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WordListError);
    expect(error).toMatchObject({ code: 'wordlists_missing', message: expect.stringContaining(wordListFile(dir, 'fr-words')) });
    expect((error as Error).message).toContain('npm run build');
  });

  it('stops the bot from being built, rather than answering without it', () => {
    const dir = testTempDir('wordlists-');
    useWordLists((name) => readWordList(dir, name));
    expect(() => createBot({ knowledge: loadKnowledge('knowledge') })).toThrow(WordListError);
    expect(() => isEnglishWord('paper')).toThrow(/npm run build/);
  });
});
