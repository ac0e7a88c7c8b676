/**
 * Core `Answer` -> Block Kit message. Pure. Every piece of text that is not ours (the question,
 * and for safety also the knowledge text) goes through `safeMrkdwn`, so a question containing
 * `<!channel>`, `<@U…>` or `<https://evil|nice>` is shown, never acted on; the question is also
 * shown in a plain_text element, so its `*bold*` or a fake "*Answer:*" is not formatted. Every
 * block goes through the limit helpers in `blocks.ts`.
 */
import { fill, LABELS } from '../../core/lang/labels.js';
import type { Language } from '../../core/lang/languages.js';
import { CORE_STRINGS } from '../../core/lang/strings.js';
import { entryValue, type Answer, type Citation, type EntryRef } from '../../core/types.js';
import { ACTION, encodeFeedback, encodeShare, type ShareValue } from './actionIds.js';
import { actions, button, capBlocks, context, fallback, plainSection, sections, type Button, type KnownBlock, type SlackMessage } from './blocks.js';
import { mrkdwnLink, safeMrkdwn, truncate } from './mrkdwn.js';
import { SLACK_STRINGS } from './strings.js';

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

/** The whole reply for one answer, in the answer's language. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const language = answer.language ?? 'en';
  const blocks: KnownBlock[] = [];
  if (options.note) blocks.push(context([options.note]));
  blocks.push(context([`*${LABELS[language].youAsked}*`, { plain: truncate(answer.question, 500) }]));
  blocks.push(...sections(safeMrkdwn(answer.text)));
  blocks.push(...decisionBlocks(answer, language));
  const feedbackOn = answer.decision === 'answer' ? answer.entry?.id : undefined;
  if (feedbackOn && options.nativeFeedback) blocks.push(nativeFeedback(feedbackOn, language));
  blocks.push(...actions('controls', controlButtons(feedbackOn && !options.nativeFeedback ? feedbackOn : undefined, options.share, language)));
  return { text: fallback(answer.text), blocks: capBlocks(blocks, undefined, language) };
}

function decisionBlocks(answer: Answer, language: Language): KnownBlock[] {
  switch (answer.decision) {
    case 'answer': {
      // Outside English, say that the quotes are the English original.
      const note = CORE_STRINGS[language].quotesInEnglish;
      return [...(note ? [context([note])] : []), ...citationBlocks(answer.citations, language), ...relatedBlocks(answer.related, language)];
    }
    case 'suggest':
      return actions('did_you_mean', answer.suggestions.slice(0, MAX_SUGGESTIONS).map((s, i) => entryButton(ACTION.didYouMean, i, s)));
    case 'decline':
      return [context([fill(SLACK_STRINGS[language].declineHint, { command: COMMAND })])];
    case 'smalltalk':
      return [];
  }
}

/** One context block per citation: where it is in the paper, short verbatim quote, link. */
export function citationBlocks(citations: readonly Citation[], language: Language = 'en'): KnownBlock[] {
  return citations.slice(0, MAX_CITATIONS).map((c) => context([citationLine(c, language)]));
}

function citationLine(c: Citation, language: Language): string {
  const where = `:page_facing_up: *${safeMrkdwn(c.location)}*`;
  return `${where}: “${safeMrkdwn(truncate(c.quote, MAX_QUOTE))}” ${mrkdwnLink(c.url, LABELS[language].readPaper)}`;
}

/** "Related questions" with up to 3 buttons that answer the related entry, or nothing. */
export function relatedBlocks(related: readonly EntryRef[], language: Language = 'en'): KnownBlock[] {
  const buttons = related.slice(0, MAX_RELATED).map((r, i) => entryButton(ACTION.related, i, r));
  if (buttons.length === 0) return [];
  return [context([`*${LABELS[language].related}*`]), ...actions('related', buttons)];
}

function entryButton(prefix: string, index: number, entry: EntryRef): Button {
  return button(`${prefix}_${index}`, entry.question, entryValue(entry));
}

function controlButtons(feedbackOn: string | undefined, share: ShareValue | undefined, language: Language): Button[] {
  const buttons: Button[] = feedbackOn ? feedbackButtons(feedbackOn, language) : [];
  if (share) buttons.push(shareButton(share, language));
  return buttons;
}

/** What a feedback button carries: the entry, with the answer's language outside English (`fr:paper-author`), so the thanks is in it too. */
const feedbackValue = (entryId: string, language: Language): string => (language === 'en' ? entryId : entryValue({ id: entryId, question: '', language }));

/** "Helpful / Not helpful" for an entry; clicks go to the FeedbackSink. */
export function feedbackButtons(entryId: string, language: Language = 'en'): Button[] {
  const l = LABELS[language];
  const value = feedbackValue(entryId, language);
  return [button(ACTION.helpful, `:thumbsup: ${l.helpful}`, value), button(ACTION.notHelpful, `:thumbsdown: ${l.notHelpful}`, value)];
}

/** Slack's native thumbs up / down for an entry; the clicked button's value says which (see `decodeFeedback`). */
export function nativeFeedback(entryId: string, language: Language = 'en'): KnownBlock {
  const l = LABELS[language];
  const value = feedbackValue(entryId, language);
  return {
    type: 'context_actions',
    block_id: 'feedback',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedbackButtons,
        positive_button: { text: { type: 'plain_text', text: l.helpful }, accessibility_label: l.helpfulA11y, value: encodeFeedback(true, value) },
        negative_button: { text: { type: 'plain_text', text: l.notHelpful }, accessibility_label: l.notHelpfulA11y, value: encodeFeedback(false, value) },
      },
    ],
  };
}

export function shareButton(share: ShareValue, language: Language = 'en'): Button {
  return button(ACTION.share, SLACK_STRINGS[language].share, encodeShare(share), 'primary');
}

/** The share value for an answer: its entry (in the answer's language) when there is one, else the question to ask again. */
export function shareValueOf(answer: Answer): ShareValue {
  return answer.decision === 'answer' && answer.entry
    ? { kind: 'entry', id: entryValue(answer.entry) }
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
