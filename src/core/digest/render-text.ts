/**
 * Plain-text digest, for the CLI, previews and the notification text of the platform renderings.
 * The sentence builders are exported so the Block Kit and Adaptive Card renderings can say the
 * same thing in the same words.
 */
import { formatDate } from '../bot.js';
import type { ChannelActivity, Digest } from './compose.js';

export const DIGEST_TITLE = 'EU-China digest';
export const INSIGHT_HEADING = 'Insight of the day';
export const YESTERDAY_HEADING = 'Asked here yesterday';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `EU-China digest · 31 March 2024`. */
export function digestTitle(day: string): string {
  return `${DIGEST_TITLE} · ${formatDate(day)}`;
}

/** `5 questions; most asked: "Who wrote the paper?" (3 times); 2 I could not answer.` */
export function activityText(a: ChannelActivity): string {
  const parts = [plural(a.questions, 'question')];
  if (a.mostAsked) parts.push(`most asked: "${a.mostAsked.question}" (${plural(a.mostAsked.count, 'time')})`);
  parts.push(a.unanswered === 0 ? 'all answered' : `${a.unanswered} I could not answer`);
  return `${parts.join('; ')}.`;
}

/** The whole digest as text: title, the entry of the day with numbered sources, yesterday. */
export function renderDigestText(d: Digest): string {
  const { insight } = d;
  const lines = [digestTitle(d.day), '', `${INSIGHT_HEADING}: ${insight.entry?.question ?? insight.question}`, insight.text];
  if (insight.citations.length > 0) {
    lines.push('', 'Sources:');
    insight.citations.forEach((c, i) => lines.push(`  [${i + 1}] ${c.location}: "${c.quote}"`));
    const url = insight.citations[0]?.url;
    if (url) lines.push(`  Read the paper: ${url}`);
  }
  if (d.yesterday) lines.push('', `${YESTERDAY_HEADING}: ${activityText(d.yesterday)}`);
  return lines.join('\n');
}
