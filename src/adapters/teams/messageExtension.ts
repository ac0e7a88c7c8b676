/**
 * The compose-box search (`composeExtension/query`): what the user types is searched by the core,
 * and the best entries come back as answer cards (with their citations) to insert in a message.
 * The cards carry no Submit buttons: in a message a person sends, a Submit would go to the
 * extension rather than to a conversation with the bot, so only "Read the paper" links remain.
 */
import type { MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
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

/** The core's search: the match and its related entries, or the "did you mean" ones; one per topic for ''. */
export type Search = (text: string, max: number) => Answer[];

/** The invoke response body for a search query. */
export function searchResponse(search: Search, query: MessagingExtensionQuery): MessagingExtensionResponse {
  const known = query.commandId === SEARCH_COMMAND_ID;
  const count = Math.min(MAX_RESULTS, Math.max(1, query.queryOptions?.count ?? DEFAULT_RESULTS));
  const answers = known ? search(queryText(query), count) : [];
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
