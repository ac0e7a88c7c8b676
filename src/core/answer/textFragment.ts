/**
 * Links to a quote inside a page with a URL text fragment (WICG "URL Fragment Text Directives",
 * `#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`). The traps: '-', ',' and '&' are syntax in a
 * directive, so they must be percent-encoded inside the text (encodeURIComponent leaves '-' alone), and a
 * long quote is safer as `textStart,textEnd` (first and last few words) than as one exact run, since a
 * single changed character in the middle would otherwise lose the match.
 */

/** Quotes longer than this many words use the `textStart,textEnd` form. */
export const MAX_EXACT_WORDS = 10;
/** Words kept at each end of a long quote. */
export const RANGE_WORDS = 4;

/** Percent-encodes one directive value: everything encodeURIComponent encodes, plus '-'. */
export function encodeTextDirectiveValue(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The `text=` directive for `quote`: the whole quote, or its first and last words for a long one. */
export function textDirective(quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ').filter((w) => w !== '');
  if (words.length <= MAX_EXACT_WORDS) return `text=${encodeTextDirectiveValue(words.join(' '))}`;
  const start = words.slice(0, RANGE_WORDS).join(' ');
  const end = words.slice(-RANGE_WORDS).join(' ');
  return `text=${encodeTextDirectiveValue(start)},${encodeTextDirectiveValue(end)}`;
}

/** `url` with a text fragment that scrolls to and highlights `quote`; a fragment already in `url` is kept. */
export function textFragmentUrl(url: string, quote: string): string {
  if (quote.trim() === '') return url;
  return `${url}${url.includes('#') ? '' : '#'}:~:${textDirective(quote)}`;
}
