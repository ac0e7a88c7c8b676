/**
 * The static replies (`/eu-china help`, `topics`, `source`) as Block Kit, shared by the slash
 * command, mentions, DMs and the App Home. They hold knowledge text only, escaped all the same.
 */
import type { TopicSummary } from '../../core/bot.js';
import { formatDate } from '../../core/bot.js';
import type { Help, HelpItem, ViewName } from '../../core/conversation/commands.js';
import type { Source } from '../../core/types.js';
import { actions, capBlocks, context, header, sections, type KnownBlock, type SlackMessage } from './blocks.js';
import { mrkdwnLink, safeMrkdwn } from './mrkdwn.js';
import { COMMAND, shareButton } from './render.js';

/** How to use the bot: what it covers, where to ask, the commands (the core's one help text, typed the Slack way). */
export function helpBlocks(help: Help): KnownBlock[] {
  const item = (i: HelpItem): string => `• \`${COMMAND} ${i.words}\`: ${safeMrkdwn(i.does)}`;
  const usage = [
    `*Ask me a question* in plain words:`,
    `• \`${COMMAND} Who wrote the paper?\` (only you see the answer; share it if you like)`,
    `• mention me in a channel, e.g. \`@EU-China bot Is Russia-China an alliance?\`; I answer in a thread`,
    `• or send me a direct message`,
    ``,
    `*Commands*`,
    ...help.commands.map(item),
  ];
  if (help.digest.length > 0) {
    usage.push(``, `*Daily digest* (an insight from the paper, and what was asked here the day before)`, ...help.digest.map(item));
    usage.push(`  e.g. \`${COMMAND} ${help.subscribeExample}\`; invite me to the channel first`);
  }
  return [...sections(safeMrkdwn(help.about)), ...sections(usage.join('\n'))];
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

export interface ViewOptions {
  /** Adds a "Share in channel" button (ephemeral replies only). */
  readonly share?: boolean;
  /** Already-safe mrkdwn shown above the view. */
  readonly note?: string;
}

/** The help as a message. */
export function renderHelp(help: Help, options: ViewOptions = {}): SlackMessage {
  return viewMessage('help', 'How to use the EU-China bot', helpBlocks(help), options);
}

/** The topics as a message. */
export function renderTopics(topics: readonly TopicSummary[], options: ViewOptions = {}): SlackMessage {
  return viewMessage('topics', 'Topics I can answer about', topicsBlocks(topics), options);
}

/** The paper's details as a message. */
export function renderSource(source: Source, options: ViewOptions = {}): SlackMessage {
  return viewMessage('source', 'About the paper', sourceBlocks(source), options);
}

function viewMessage(view: ViewName, text: string, body: readonly KnownBlock[], options: ViewOptions): SlackMessage {
  const blocks = [
    ...(options.note ? [context([options.note])] : []),
    ...body,
    ...(options.share ? actions('controls', [shareButton({ kind: 'view', view })]) : []),
  ];
  return { text, blocks: capBlocks(blocks) };
}
