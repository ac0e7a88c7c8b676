/**
 * The static replies (`/eu-china help`, `topics`, `source`) as Block Kit, shared by the slash
 * command, mentions, DMs and the App Home. They hold knowledge text only, escaped all the same.
 */
import type { Bot, TopicSummary } from '../../core/bot.js';
import { formatDate } from '../../core/bot.js';
import type { Source } from '../../core/types.js';
import type { ViewName } from './actionIds.js';
import { actions, capBlocks, context, header, sections, type KnownBlock, type SlackMessage } from './blocks.js';
import { mrkdwnLink, safeMrkdwn } from './mrkdwn.js';
import { COMMAND, shareButton } from './render.js';

/** How to use the bot: what it covers, the command and its subcommands. */
export function helpBlocks(bot: Bot): KnownBlock[] {
  const usage = [
    `*Ask me a question* in plain words:`,
    `• \`${COMMAND} Who wrote the paper?\` (only you see the answer; share it if you like)`,
    `• mention me in a channel, e.g. \`@EU-China bot Is Russia-China an alliance?\`; I answer in a thread`,
    `• or send me a direct message`,
    ``,
    `*Commands*`,
    `• \`${COMMAND} topics\`: the topics I cover, with example questions`,
    `• \`${COMMAND} source\`: the paper, its author and date, and the link`,
    `• \`${COMMAND} help\`: this message`,
    ``,
    `*Daily digest* (an insight from the paper, and what was asked here the day before)`,
    `• \`${COMMAND} subscribe [HH:MM] [time zone]\`: post it in this channel every day, e.g. \`${COMMAND} subscribe 08:30 Europe/Paris\`; invite me to the channel first`,
    `• \`${COMMAND} unsubscribe\`: stop it`,
    `• \`${COMMAND} digest\`: see today's digest (only you see it)`,
  ].join('\n');
  return [...sections(safeMrkdwn(bot.about())), ...sections(usage)];
}

/** One section per topic with its example questions. */
export function topicsBlocks(topics: readonly TopicSummary[]): KnownBlock[] {
  return [
    header('Topics I can answer about'),
    ...topics.flatMap((t) => {
      const examples = t.examples.map((e) => `• ${safeMrkdwn(e.question)}`);
      const count = `${t.entryCount} question${t.entryCount === 1 ? '' : 's'}`;
      return sections([`*${safeMrkdwn(t.title)}* (${count})`, ...examples].join('\n'), 1);
    }),
  ];
}

/** What the paper is, its author and date, and the link. */
export function sourceBlocks(s: Source): KnownBlock[] {
  const lines = [
    `*${safeMrkdwn(s.title)}*`,
    `${safeMrkdwn(s.series)} n°${s.number}, ${formatDate(s.date)}`,
    `By ${safeMrkdwn(s.author)}, ${safeMrkdwn(s.authorRole)}`,
    `Published by the ${safeMrkdwn(s.publisher)} (ISSN ${safeMrkdwn(s.issn)})`,
    mrkdwnLink(s.url, 'Read the paper'),
  ];
  return sections(lines.join('\n'), 1);
}

const FALLBACK: Record<ViewName, string> = {
  help: 'How to use the EU-China bot',
  topics: 'Topics I can answer about',
  source: 'About the paper',
};

/** A static view as a message, with a "Share in channel" button when `share` is set. */
export function renderView(bot: Bot, view: ViewName, options: { share?: boolean; note?: string } = {}): SlackMessage {
  const body = view === 'help' ? helpBlocks(bot) : view === 'topics' ? topicsBlocks(bot.topics()) : sourceBlocks(bot.source());
  const blocks = [
    ...(options.note ? [context([options.note])] : []),
    ...body,
    ...(options.share ? actions('controls', [shareButton({ kind: 'view', view })]) : []),
  ];
  return { text: FALLBACK[view], blocks: capBlocks(blocks) };
}
