/**
 * The Teams activity handler: wiring only. Each turn is translated by `toRequest`, answered by
 * the core and rendered by `render`, then sent in the same turn (so a channel reply lands in the
 * thread of the message that asked, whose conversation id carries `;messageid=`). Redelivered
 * activities are dropped before any reply; sending goes through `withRetry`. The digest commands
 * run before plain questions and keep the conversation reference the digest will post to.
 */
import { createHash } from 'node:crypto';
import { TeamsActivityHandler, type Activity, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext } from 'botbuilder';
import type { Bot } from '../../core/bot.js';
import type { Conversations } from '../../core/conversation/conversations.js';
import type { DigestCommands } from '../../core/digest/commands.js';
import { isFirstDelivery, memoryDeliveryLog } from '../../core/deliveryLog.js';
import type { FeedbackSink, Logger } from '../../core/ports.js';
import type { DeliveryLog } from '../../core/store.js';
import { teamsChannelKey } from './channelKey.js';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './delivery.js';
import { renderDigest } from './digestCard.js';
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
}

type DigestRequest = Extract<TeamsRequest, { kind: 'digest' }>;

/** A stable, non-reversible id for a Teams user (feedback records never hold the raw id). */
export function hashUserId(id: string): string {
  return createHash('sha256').update(`teams:${id}`).digest('hex').slice(0, 16);
}

export class EuChinaTeamsBot extends TeamsActivityHandler {
  private readonly seen: DeliveryLog;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.seen = deps.deliveries ?? memoryDeliveryLog();
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

  private async isNew(activity: Activity): Promise<boolean> {
    if (!activity.id) return true;
    const fresh = await isFirstDelivery(this.seen, `teams:${activity.type}|${activity.conversation.id}|${activity.id}`, this.deps.logger);
    if (!fresh) this.deps.logger.debug('teams: duplicate activity ignored', { activityId: activity.id, conversation: activity.conversation.id });
    return fresh;
  }

  private async answer(context: TurnContext): Promise<void> {
    const request = toRequest(context.activity);
    if (!request) return;
    await this.send(context, await this.replyFor(request, context.activity));
  }

  private async replyFor(request: TeamsRequest, activity: Activity): Promise<Reply> {
    const { bot } = this.deps;
    switch (request.kind) {
      case 'ask':
        return renderAnswer(this.deps.followUps ? (await this.deps.followUps.reply(request.question)).answer : bot.ask(request.question));
      case 'command':
        return this.command(request.command);
      case 'digest':
        return this.digestCommand(request, activity);
      case 'entry': {
        const answer = bot.answerEntry(request.entryId);
        return answer ? renderAnswer(answer) : { type: 'message', text: 'That question is no longer in my knowledge set. Ask for **topics** to see what I can answer.' };
      }
      case 'feedback':
        await this.deps.feedback.record({
          platform: 'teams',
          userId: hashUserId(activity.from.aadObjectId ?? activity.from.id),
          entryId: request.entryId,
          helpful: request.helpful,
        });
        return renderFeedbackThanks(request.helpful);
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

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    const where = `teams reply to ${context.activity.type} in ${context.activity.conversation.id}`;
    await withRetry(() => context.sendActivity(reply), where, this.deps.retry ?? DEFAULT_RETRY);
  }
}
