/**
 * The compose-box search (`composeExtension/query`): what the user types is matched by the core,
 * and the best entries come back as answer cards (with their citations) to insert in a message.
 * The cards carry no Submit buttons: in a message a person sends, a Submit would go to the
 * extension rather than to a conversation with the bot, so only "Read the paper" links remain.
 */
import type { MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import type { Bot } from '../../core/bot.js';
import type { Answer } from '../../core/types.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, neutralize } from './cards.js';
import { answerCard, teamsText } from './render.js';

/** The command id declared in manifests/teams/manifest.json. */
export const SEARCH_COMMAND_ID = 'searchQuery';
export const SEARCH_PARAMETER = 'searchQuery';
const DEFAULT_RESULTS = 10;
const MAX_RESULTS = 25;

/** The search text of a query ('' for Teams' initial run when the box opens). */
export function queryText(query: MessagingExtensionQuery): string {
  const parameters = query.parameters ?? [];
  if (parameters.some((p) => p.name === 'initialRun')) return '';
  const value: unknown = parameters.find((p) => p.name === SEARCH_PARAMETER)?.value;
  return typeof value === 'string' ? value.trim() : '';
}

/** Entries for `text`: the match and its related entries, or the "did you mean" ones; one per topic for ''. */
export function searchEntries(bot: Bot, text: string, max: number): Answer[] {
  let ids: string[];
  if (text === '') {
    ids = bot.topics(1).flatMap((t) => t.examples.map((e) => e.id));
  } else {
    const a = bot.ask(text);
    ids = a.decision === 'answer' && a.entry ? [a.entry.id, ...a.related.map((r) => r.id)] : a.suggestions.map((s) => s.id);
  }
  return [...new Set(ids)].slice(0, max).flatMap((id) => {
    const answer = bot.answerEntry(id);
    return answer ? [answer] : [];
  });
}

/** The invoke response body for a search query. */
export function searchResponse(bot: Bot, query: MessagingExtensionQuery): MessagingExtensionResponse {
  const known = query.commandId === SEARCH_COMMAND_ID;
  const count = Math.min(MAX_RESULTS, Math.max(1, query.queryOptions?.count ?? DEFAULT_RESULTS));
  const answers = known ? searchEntries(bot, queryText(query), count) : [];
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: answers.map((a) => ({
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: answerCard(a, { standalone: true, interactive: false }),
        preview: {
          contentType: 'application/vnd.microsoft.card.thumbnail',
          content: { title: neutralize(a.entry?.question ?? a.question, 120), text: teamsText(neutralize(a.text, 160)) },
        },
      })),
    },
  };
}
