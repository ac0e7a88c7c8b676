/**
 * Core `Answer` -> Block Kit message. Pure. Every piece of text that is not ours (the question,
 * and for safety also the knowledge text) goes through `safeMrkdwn`, so a question containing
 * `<!channel>`, `<@U…>` or `<https://evil|nice>` is shown, never acted on; the question is also
 * shown in a plain_text element, so its `*bold*` or a fake "*Answer:*" is not formatted. Every
 * block goes through the limit helpers in `blocks.ts`.
 */
import { CORE_STRINGS } from '../../core/lang/strings.js';
import { entryValue, type Answer, type Citation, type EntryRef } from '../../core/types.js';
import { ACTION, encodeFeedback, encodeShare, type ShareValue } from './actionIds.js';
import { actions, button, capBlocks, context, fallback, plainSection, sections, type Button, type KnownBlock, type SlackMessage } from './blocks.js';
import { mrkdwnLink, safeMrkdwn, truncate } from './mrkdwn.js';

/** The slash command users type; shown in help and in the decline. */
export const COMMAND = '/eu-china';

export interface RenderOptions {
  /** Adds a "Share in channel" button that re-posts this value (ephemeral replies only). */
  readonly share?: ShareValue;
  /** Already-safe mrkdwn shown above the answer, e.g. "Shared by <@U1>". */
  readonly note?: string;
  /**
   * Slack's own feedback element (`feedback_buttons` in a `context_actions` block) instead of the
   * Helpful / Not helpful buttons. Only for messages posted to a conversation: Slack's docs show
   * the block in messages and say nothing of ephemeral replies (which Slack does not keep and
   * cannot update later), so those keep the plain buttons, which are known to work there.
   */
  readonly nativeFeedback?: boolean;
}

/** Quotes are verbatim but cut to this length in the citation line. */
const MAX_QUOTE = 280;
const MAX_CITATIONS = 5;
const MAX_RELATED = 3;
const MAX_SUGGESTIONS = 5;

/** The whole reply for one answer. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (options.note) blocks.push(context([options.note]));
  blocks.push(context(['*You asked:*', { plain: truncate(answer.question, 500) }]));
  blocks.push(...sections(safeMrkdwn(answer.text)));
  blocks.push(...decisionBlocks(answer));
  const feedbackOn = answer.decision === 'answer' ? answer.entry?.id : undefined;
  if (feedbackOn && options.nativeFeedback) blocks.push(nativeFeedback(feedbackOn));
  blocks.push(...actions('controls', controlButtons(feedbackOn && !options.nativeFeedback ? feedbackOn : undefined, options.share)));
  return { text: fallback(answer.text), blocks: capBlocks(blocks) };
}

function decisionBlocks(answer: Answer): KnownBlock[] {
  switch (answer.decision) {
    case 'answer': {
      // Outside English, say that the quotes are the English original.
      const note = answer.language ? CORE_STRINGS[answer.language].quotesInEnglish : undefined;
      return [...(note ? [context([note])] : []), ...citationBlocks(answer.citations), ...relatedBlocks(answer.related)];
    }
    case 'suggest':
      return actions('did_you_mean', answer.suggestions.slice(0, MAX_SUGGESTIONS).map((s, i) => entryButton(ACTION.didYouMean, i, s)));
    case 'decline':
      return [context([`Type \`${COMMAND} topics\` to see what I can answer, or \`${COMMAND} help\` for how to ask.`])];
    case 'smalltalk':
      return [];
  }
}

/** One context block per citation: where it is in the paper, short verbatim quote, link. */
export function citationBlocks(citations: readonly Citation[]): KnownBlock[] {
  return citations.slice(0, MAX_CITATIONS).map((c) => context([citationLine(c)]));
}

function citationLine(c: Citation): string {
  const where = `:page_facing_up: *${safeMrkdwn(c.location)}*`;
  return `${where}: “${safeMrkdwn(truncate(c.quote, MAX_QUOTE))}” ${mrkdwnLink(c.url, 'Read the paper')}`;
}

/** "Related questions" with up to 3 buttons that answer the related entry, or nothing. */
export function relatedBlocks(related: readonly EntryRef[]): KnownBlock[] {
  const buttons = related.slice(0, MAX_RELATED).map((r, i) => entryButton(ACTION.related, i, r));
  if (buttons.length === 0) return [];
  return [context(['*Related questions*']), ...actions('related', buttons)];
}

function entryButton(prefix: string, index: number, entry: EntryRef): Button {
  return button(`${prefix}_${index}`, entry.question, entryValue(entry));
}

function controlButtons(feedbackOn: string | undefined, share: ShareValue | undefined): Button[] {
  const buttons: Button[] = feedbackOn ? feedbackButtons(feedbackOn) : [];
  if (share) buttons.push(shareButton(share));
  return buttons;
}

/** "Helpful / Not helpful" for an entry; clicks go to the FeedbackSink. */
export function feedbackButtons(entryId: string): Button[] {
  return [button(ACTION.helpful, ':thumbsup: Helpful', entryId), button(ACTION.notHelpful, ':thumbsdown: Not helpful', entryId)];
}

/** Slack's native thumbs up / down for an entry; the clicked button's value says which (see `decodeFeedback`). */
export function nativeFeedback(entryId: string): KnownBlock {
  return {
    type: 'context_actions',
    block_id: 'feedback',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedbackButtons,
        positive_button: { text: { type: 'plain_text', text: 'Helpful' }, accessibility_label: 'This answer was helpful', value: encodeFeedback(true, entryId) },
        negative_button: { text: { type: 'plain_text', text: 'Not helpful' }, accessibility_label: 'This answer was not helpful', value: encodeFeedback(false, entryId) },
      },
    ],
  };
}

export function shareButton(share: ShareValue): Button {
  return button(ACTION.share, 'Share in channel', encodeShare(share), 'primary');
}

/** The share value for an answer: its entry when there is one, else the question to ask again. */
export function shareValueOf(answer: Answer): ShareValue {
  return answer.decision === 'answer' && answer.entry
    ? { kind: 'entry', id: answer.entry.id }
    : { kind: 'ask', text: answer.question };
}

/** A message of plain text that may quote the user (digest command replies): never formatted. */
export function plainNotice(text: string): SlackMessage {
  return { text: safeMrkdwn(text), blocks: [plainSection(text)] };
}

/** A one-line message (apologies, feedback thanks); `text` is ours and already safe. */
export function notice(text: string): SlackMessage {
  return { text, blocks: sections(text, 1) };
}
