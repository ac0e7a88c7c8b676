/**
 * The daily digest as one Adaptive Card (1.5): the same content, in the same words, as
 * renderDigestText (title, "Insight of the day" with the entry's question, answer and numbered
 * sources, then "Asked here yesterday"), built from the answer card's pieces so that a digest's
 * citations look exactly like an answer's and stay under the same length caps.
 */
import type { Digest } from '../../core/digest/compose.js';
import { activityText, digestStrings, digestTitle } from '../../core/digest/render-text.js';
import { attachment, card, label, plain, type AdaptiveCard, type CardElement } from './cards.js';
import { answerBody, feedbackButtons, paperAction, type Reply } from './render.js';

/** Characters of the "Asked here yesterday" line (it quotes the most asked question). */
const ACTIVITY_CHARS = 400;

/** The digest card. */
export function digestCard(digest: Digest): AdaptiveCard {
  const { insight, yesterday } = digest;
  const words = digestStrings(digest.language);
  const body: CardElement[] = [
    label(digestTitle(digest.day, digest.language), { weight: 'Bolder', size: 'Medium' }),
    label(words.insight, { weight: 'Bolder', spacing: 'Medium' }),
    ...answerBody(insight, { standalone: true, interactive: false }),
  ];
  if (yesterday) {
    body.push(label(words.yesterday, { weight: 'Bolder', spacing: 'Medium', separator: true }), plain(activityText(yesterday, digest.language), ACTIVITY_CHARS));
  }
  if (insight.entry) body.push(feedbackButtons(insight.entry.id));
  return card(body, paperAction(insight.citations[0]?.url));
}

/** The digest as a message: the card, with the title as notification text. */
export function renderDigest(digest: Digest): Reply {
  return { type: 'message', summary: digestTitle(digest.day, digest.language), attachments: [attachment(digestCard(digest))] };
}
