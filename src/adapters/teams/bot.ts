/**
 * The Teams activity handler: wiring only. Each turn is translated by `toRequest`, answered by
 * the core and rendered by `render`, then sent in the same turn (so a channel reply lands in the
 * thread of the message that asked, whose conversation id carries `;messageid=`). Redelivered
 * activities are dropped before any reply; sending goes through `withRetry`. The digest commands
 * run before plain questions and keep the conversation reference the digest will post to.
 * Answers carry Teams' native feedback buttons; the `message/submitAction` invoke they send is
 * stored as feedback against the entry remembered for that message (feedback.ts).
 */
import { createHash } from 'node:crypto';
import {
  TeamsActivityHandler,
  type Activity,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { Bot } from '../../core/bot.js';
import type { Conversations } from '../../core/conversation/conversations.js';
import type { DigestCommands } from '../../core/digest/commands.js';
import { isFirstDelivery, memoryDeliveryLog } from '../../core/deliveryLog.js';
import type { FeedbackSink, Logger } from '../../core/ports.js';
import type { AnsweredMessages, DeliveryLog } from '../../core/store.js';
import type { Answer } from '../../core/types.js';
import { teamsChannelKey } from './channelKey.js';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './delivery.js';
import { renderDigest } from './digestCard.js';
import { answeredMessageKey, memoryAnsweredMessages, SUBMIT_ACTION, toSubmitAction, withFeedbackLoop, type FeedbackLoopClick, type FeedbackReply } from './feedback.js';
import { searchResponse } from './messageExtension.js';
import { renderAnswer, renderFeedbackThanks, renderHelp, renderSource, renderTopics, teamsEcho, type Reply } from './render.js';
import { scopeOf, toRequest, type Command, type TeamsRequest } from './toQuestion.js';
import { botWasAdded, botWasRemoved, referenceOf, renderWelcome, type ConversationRefStore } from './welcome.js';

export interface TeamsBotDeps {
  /** Answers questions (may be wrapped by withQuestionLog). */
  readonly bot: Bot;
  /** Answers compose-box searches (default `bot`); pass the unwrapped bot so keystrokes are not logged as questions. */
  readonly searchBot?: Bot;
  readonly logger: Logger;
  readonly feedback: FeedbackSink;
  readonly conversations: ConversationRefStore;
  /** `subscribe`, `unsubscribe` and `digest`; without them those words are plain questions. */
  readonly digest?: DigestCommands;
  readonly retry?: RetryOptions;
  /** Activity ids already handled, so a redelivery is not answered twice (default: in memory). */
  readonly deliveries?: DeliveryLog;
  /** Follow-up questions from the conversation's context; without it each question stands alone. */
  readonly followUps?: Conversations;
  /** The entry of each answer sent, for Teams' native feedback (the Store); in memory by default. */
  readonly answers?: AnsweredMessages;
}

/** A reply, and the entry whose native feedback it carries. */
interface Outgoing {
  readonly reply: FeedbackReply;
  readonly feedbackOn?: string;
}

type DigestRequest = Extract<TeamsRequest, { kind: 'digest' }>;

/** A stable, non-reversible id for a Teams user (feedback records never hold the raw id). */
export function hashUserId(id: string): string {
  return createHash('sha256').update(`teams:${id}`).digest('hex').slice(0, 16);
}

export class EuChinaTeamsBot extends TeamsActivityHandler {
  private readonly seen: DeliveryLog;
  private readonly answers: AnsweredMessages;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.seen = deps.deliveries ?? memoryDeliveryLog();
    this.answers = deps.answers ?? memoryAnsweredMessages();
    this.onMessage(async (context, next) => {
      if (await this.isNew(context.activity)) await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context.activity) && (await this.isNew(context.activity))) await this.welcome(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (botWasRemoved(context.activity)) await this.deps.conversations.remove(referenceOf(context.activity).conversation?.id ?? '');
      await next();
    });
  }

  /** composeExtension/query: the search command of the message extension. */
  protected override async handleTeamsMessagingExtensionQuery(_context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return searchResponse(this.deps.searchBot ?? this.deps.bot, query);
  }

  /** `message/submitAction` (a native feedback form): stored, answered 200 with the empty body Teams requires. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== SUBMIT_ACTION) return super.onInvokeActivity(context);
    const action = toSubmitAction(context.activity);
    if (action.kind === 'invalid') {
      this.deps.logger.warn('teams: malformed submitAction ignored', { reason: action.reason, activityId: context.activity.id });
      return { status: 400 };
    }
    if (action.kind === 'other' || !(await this.isNew(context.activity))) return { status: 200 };
    return this.recordFeedbackLoop(context.activity, action.click);
  }

  private async recordFeedbackLoop(activity: Activity, click: FeedbackLoopClick): Promise<InvokeResponse> {
    const entryId = await this.answers.answeredEntry(answeredMessageKey(activity.conversation.id, click.messageId));
    if (!entryId) {
      // An answer sent before a restart without a store, or long ago: nothing to file it under.
      this.deps.logger.warn('teams: feedback on a message whose entry is unknown, not stored', { helpful: click.helpful });
      return { status: 200 };
    }
    try {
      await this.deps.feedback.record({
        platform: 'teams',
        userId: hashUserId(activity.from.aadObjectId ?? activity.from.id),
        entryId,
        helpful: click.helpful,
        ...(click.comment ? { comment: click.comment } : {}),
      });
      return { status: 200 };
    } catch (error) {
      this.deps.logger.error('teams: feedback not recorded', { entryId, helpful: click.helpful, error });
      return { status: 500 };
    }
  }

  private async isNew(activity: Activity): Promise<boolean> {
    if (!activity.id) return true;
    const fresh = await isFirstDelivery(this.seen, `teams:${activity.type}|${activity.conversation.id}|${activity.id}`, this.deps.logger);
    if (!fresh) this.deps.logger.debug('teams: duplicate activity ignored', { activityId: activity.id, conversation: activity.conversation.id });
    return fresh;
  }

  private async answer(context: TurnContext): Promise<void> {
    const request = toRequest(context.activity);
    if (!request) return;
    const out = await this.replyFor(request, context.activity);
    const sent = await this.send(context, out.reply);
    if (out.feedbackOn && sent?.id) await this.rememberAnswer(context.activity, sent.id, out.feedbackOn);
  }

  /** Remembers which entry a sent answer was; a failure costs that answer's native feedback only. */
  private async rememberAnswer(activity: Activity, messageId: string, entryId: string): Promise<void> {
    try {
      await this.answers.rememberAnswer(answeredMessageKey(activity.conversation.id, messageId), entryId);
    } catch (error) {
      this.deps.logger.warn('teams: answer not remembered; its native feedback will not be stored', { entryId, error });
    }
  }

  /** An answer with Teams' native feedback when it answers from an entry (the card's buttons stay for mobile clients). */
  private answered(answer: Answer): Outgoing {
    const reply = renderAnswer(answer);
    const entryId = answer.decision === 'answer' ? answer.entry?.id : undefined;
    return entryId ? { reply: withFeedbackLoop(reply), feedbackOn: entryId } : { reply };
  }

  private async replyFor(request: TeamsRequest, activity: Activity): Promise<Outgoing> {
    const { bot } = this.deps;
    switch (request.kind) {
      case 'ask':
        return this.answered(this.deps.followUps ? (await this.deps.followUps.reply(request.question)).answer : bot.ask(request.question));
      case 'command':
        return { reply: this.command(request.command) };
      case 'digest':
        return { reply: await this.digestCommand(request, activity) };
      case 'entry': {
        const answer = bot.answerEntry(request.entryId);
        return answer ? this.answered(answer) : { reply: { type: 'message', text: 'That question is no longer in my knowledge set. Ask for **topics** to see what I can answer.' } };
      }
      case 'feedback':
        await this.deps.feedback.record({
          platform: 'teams',
          userId: hashUserId(activity.from.aadObjectId ?? activity.from.id),
          entryId: request.entryId,
          helpful: request.helpful,
        });
        return { reply: renderFeedbackThanks(request.helpful) };
    }
  }

  private command(command: Command): Reply {
    const { bot } = this.deps;
    if (command === 'topics') return renderTopics(bot.topics(2));
    if (command === 'source') return renderSource(bot.source());
    return renderHelp(bot.ask('help').text);
  }

  /** A digest command for this conversation; text that is not one after all is answered as a question. */
  private async digestCommand(request: DigestRequest, activity: Activity): Promise<Reply> {
    const { digest, bot } = this.deps;
    if (request.verb === 'subscribe' && digest) await this.deps.conversations.save(referenceOf(activity));
    const target = { platform: 'teams', channel: teamsChannelKey(activity.conversation.id) };
    const result = await digest?.handle(target, request.text);
    if (!result) return renderAnswer(bot.ask(request.question));
    return result.digest ? renderDigest(result.digest) : { type: 'message', text: teamsEcho(result.text) };
  }

  private async welcome(context: TurnContext): Promise<void> {
    await this.deps.conversations.save(referenceOf(context.activity));
    await this.send(context, renderWelcome(this.deps.bot.about(), scopeOf(context.activity), this.deps.digest !== undefined));
  }

  private async send(context: TurnContext, reply: FeedbackReply): Promise<ResourceResponse | undefined> {
    const where = `teams reply to ${context.activity.type} in ${context.activity.conversation.id}`;
    return withRetry(() => context.sendActivity(reply), where, this.deps.retry ?? DEFAULT_RETRY);
  }
}
