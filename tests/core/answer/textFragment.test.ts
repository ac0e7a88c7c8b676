import { describe, expect, it } from 'vitest';
import { encodeTextDirectiveValue, textDirective, textFragmentUrl } from '../../../src/core/answer/textFragment.js';

describe('text fragments (WICG URL Fragment Text Directives)', () => {
  it('encodes the spec example "an example text fragment" as one exact match', () => {
    expect(textFragmentUrl('https://example.com', 'an example text fragment')).toBe('https://example.com#:~:text=an%20example%20text%20fragment');
  });

  it("percent-encodes '-', '&' and ',', which are directive syntax, and non-ASCII text", () => {
    expect(encodeTextDirectiveValue('Russia-China, trade & war')).toBe('Russia%2DChina%2C%20trade%20%26%20war');
    expect(encodeTextDirectiveValue('“Géopolitique”')).toBe('%E2%80%9CG%C3%A9opolitique%E2%80%9D');
  });

  it('uses the textStart,textEnd form with the first and last four words for a quote of more than ten words', () => {
    const quote = 'The close relationship between Russia and China is by no means a solid, long-term alliance';
    expect(textDirective(quote)).toBe('text=The%20close%20relationship%20between,a%20solid%2C%20long%2Dterm%20alliance');
  });

  it('keeps a quote of ten words as one exact match, whitespace collapsed', () => {
    expect(textDirective('one two three four  five six\nseven eight nine ten')).toBe('text=one%20two%20three%20four%20five%20six%20seven%20eight%20nine%20ten');
  });

  it("appends to a fragment the address already has, as the spec's fragment directive allows", () => {
    expect(textFragmentUrl('https://example.org/p742#top', 'ISSN 2402-614X')).toBe('https://example.org/p742#top:~:text=ISSN%202402%2D614X');
  });

  it('leaves the address alone for an empty quote', () => {
    expect(textFragmentUrl('https://example.org/p742', '  ')).toBe('https://example.org/p742');
  });
});
