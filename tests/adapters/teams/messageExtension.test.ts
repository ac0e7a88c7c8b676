import type { MessagingExtensionQuery } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryText, searchResponse } from '../../../src/adapters/teams/messageExtension.js';
import { searchEntries } from '../../../src/core/conversation/pipeline.js';
import { createBot, type Bot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { teamsActivity } from '../../helpers/teams.js';

let bot: Bot;
beforeAll(() => {
  bot = createBot({ knowledge: loadKnowledge('knowledge') });
});
/** The core's search over the real knowledge, as the pipeline's surface runs it. */
const search = () => (text: string, max: number) => searchEntries(bot, text, max);

const querySchema = z.object({
  commandId: z.string(),
  parameters: z.array(z.object({ name: z.string(), value: z.string() })),
  queryOptions: z.object({ skip: z.number(), count: z.number() }),
});

/** The query exactly as the fixture's invoke carries it. */
function fixtureQuery(): MessagingExtensionQuery {
  return querySchema.parse(teamsActivity('compose_extension_query').value);
}

describe('message extension search', () => {
  it('reads the search text from the query parameters', () => {
    expect(queryText(fixtureQuery())).toBe('who is the author');
    expect(queryText({ commandId: 'searchQuery', parameters: [{ name: 'initialRun', value: 'true' }] })).toBe('');
  });

  it('returns the matching entry first, as an answer card with its citation and a preview', () => {
    const [first, ...rest] = searchResponse(search(), fixtureQuery()).composeExtension?.attachments ?? [];
    expect(first?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = JSON.stringify(first?.content);
    expect(card).toContain('Who wrote the paper?');
    expect(card).toContain('Pierre Andrieu, Former Ambassador of France');
    expect(card).toContain('"version":"1.5"');
    expect(card).not.toContain('Action.Submit');
    expect(first?.preview).toMatchObject({ contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: 'Who wrote the paper?' } });
    expect(rest.length).toBeGreaterThan(0);
  });

  it('offers one example per topic when the search box opens', () => {
    const result = searchResponse(search(), { commandId: 'searchQuery', parameters: [{ name: 'initialRun', value: 'true' }] });
    expect(result.composeExtension?.attachments).toHaveLength(bot.knowledge.topics.length);
  });

  it('honours the requested count and returns nothing for an unknown command', () => {
    const query = { ...fixtureQuery(), queryOptions: { skip: 0, count: 1 } };
    expect(searchResponse(search(), query).composeExtension?.attachments).toHaveLength(1);
    expect(searchResponse(search(), { ...query, commandId: 'somethingElse' }).composeExtension?.attachments).toEqual([]);
  });
});
