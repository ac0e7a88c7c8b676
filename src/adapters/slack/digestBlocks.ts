/**
 * The daily digest as one Block Kit message: the same content, in the same words, as
 * renderDigestText (title, "Insight of the day" with the entry's question, answer and cited
 * passages, then "Asked here yesterday"), built from the answer renderer's pieces so a digest's
 * citations and buttons look and behave exactly like an answer's (a Related click answers in a
 * thread under the digest, feedback goes to the store) and stay under the same limits. Pure.
 */
import type { Digest } from '../../core/digest/compose.js';
import { activityText, digestStrings, digestTitle, quotesNote } from '../../core/digest/render-text.js';
import { actions, capBlocks, context, divider, fallback, header, sections, type KnownBlock, type SlackMessage } from './blocks.js';
import { safeMrkdwn, truncate } from './mrkdwn.js';
import { citationBlocks, feedbackButtons, relatedBlocks } from './render.js';

/** The entry's question is one line, not an essay. */
const MAX_QUESTION = 500;
/** The answer may take a few sections, never the whole message. */
const MAX_ANSWER_SECTIONS = 3;

export interface DigestRenderOptions {
  /** Already-safe mrkdwn shown above the digest, e.g. "Preview: only you can see this". */
  readonly note?: string;
}

/** The digest message, with a notification text naming the day and the question. */
export function renderDigest(digest: Digest, options: DigestRenderOptions = {}): SlackMessage {
  const { insight, yesterday } = digest;
  const words = digestStrings(digest.language);
  const title = digestTitle(digest.day, digest.language);
  const question = insight.entry?.question ?? insight.question;
  // Outside English, say that the quotes are the English original (as answers do).
  const note = insight.citations.length > 0 ? quotesNote(digest.language) : undefined;
  const blocks: KnownBlock[] = [
    ...(options.note ? [context([options.note])] : []),
    header(title),
    ...sections(`*${words.insight}:* ${safeMrkdwn(truncate(question, MAX_QUESTION))}`, 1),
    ...sections(safeMrkdwn(insight.text), MAX_ANSWER_SECTIONS),
    ...(note ? [context([note])] : []),
    ...citationBlocks(insight.citations),
    ...relatedBlocks(insight.related),
    ...actions('controls', insight.entry ? feedbackButtons(insight.entry.id) : []),
  ];
  if (yesterday) blocks.push(divider(), ...sections(`*${words.yesterday}:* ${safeMrkdwn(activityText(yesterday, digest.language))}`, 1));
  return { text: fallback(`${title}: ${words.insight}: ${question}`), blocks: capBlocks(blocks) };
}
