/**
 * Safe text for Slack's mrkdwn. Slack parses `<...>` as links and mentions (`<!channel>`, `<@U1>`,
 * `<https://x|label>`), so any text that did not come from us is escaped (`&`, `<`, `>`), stripped
 * of bidi controls and zero-width characters, and the
 * bare broadcast keywords are broken with an invisible word joiner, as a second line of defence
 * should Slack ever parse `@channel` in block text. Limits are applied after escaping, because
 * escaping makes text longer and Slack counts the escaped form. mrkdwn has no escape for `*`, `_`,
 * `~` or a backtick, so text a user wrote is shown in plain_text elements (`plain` in blocks.ts).
 */

/**
 * Bidi controls (marks, embeddings, overrides, isolates) and zero-width or invisible formatting
 * characters: echoed, they reorder or hide what the reader sees ("gnp.exe" shown as "exe.png").
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/gu;

/** `text` without bidi controls and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Escapes the three characters Slack asks apps to escape in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const WORD_JOINER = '\u2060';

/** Escaped, invisible characters stripped, `@channel` / `@here` / `@everyone` broken so they can never notify anyone. */
export function safeMrkdwn(text: string): string {
  return escapeMrkdwn(stripInvisible(text)).replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** Cuts `text` to at most `max` characters, ending with "…", without leaving half an entity. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1)).replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

/**
 * Splits already-escaped text into pieces of at most `max` characters, preferring paragraph and
 * word boundaries, and never splitting an entity; at most `maxPieces` pieces (the last truncated).
 */
export function splitText(text: string, max: number, maxPieces: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max && pieces.length < maxPieces - 1) {
    const at = breakPoint(rest, max);
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  pieces.push(truncate(rest, max));
  return pieces.filter((p) => p !== '');
}

function breakPoint(text: string, max: number): number {
  const window = text.slice(0, max);
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph > max / 2) return paragraph;
  const space = window.lastIndexOf(' ');
  if (space > max / 2) return space;
  const entity = window.search(/&[a-z]{0,4}$/);
  return entity > 0 ? entity : max;
}

/** A link Slack renders as `label`; the URL may not contain `|` or `>`, so those are encoded. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

/** A `<@U…>` mention only for a well-formed Slack user id; anything else is shown escaped. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}
