/**
 * The core's `Reply` -> one Teams message, pure: the one place that decides how each kind of
 * reply looks on Teams. An answer from an entry switches on Teams' native feedback buttons
 * (the card's own buttons stay, for mobile clients), and says which entry, to remember once sent.
 */
import type { Reply as CoreReply } from '../../core/conversation/inbound.js';
import { renderDigest } from './digestCard.js';
import { renderAnswer, renderHelp, renderSource, renderTopics, teamsEcho, type Reply } from './render.js';

/** A reply with Teams' feedback buttons switched on. */
export type FeedbackReply = Reply & { channelData?: { feedbackLoopEnabled: boolean } };

/** A rendered reply, and the entry whose native feedback it carries (remembered once sent). */
export interface Outgoing {
  readonly reply: FeedbackReply;
  readonly feedbackOn?: string;
}

/** The core's reply as one Teams message. */
export function renderReply(reply: CoreReply): Outgoing {
  switch (reply.kind) {
    case 'answer': {
      const entryId = reply.answer.decision === 'answer' ? reply.answer.entry?.id : undefined;
      const message = renderAnswer(reply.answer);
      // Native feedback when it answers from an entry (the card's buttons stay for mobile clients).
      return entryId ? { reply: { ...message, channelData: { feedbackLoopEnabled: true } }, feedbackOn: entryId } : { reply: message };
    }
    case 'help':
      return { reply: renderHelp(reply.help, reply.unknownCommand) };
    case 'topics':
      return { reply: renderTopics(reply.topics, reply.language) };
    case 'source':
      return { reply: renderSource(reply.source, reply.language) };
    case 'digest':
      return { reply: renderDigest(reply.digest) };
    case 'notice':
      return { reply: { type: 'message', text: teamsEcho(reply.text) } };
  }
}

