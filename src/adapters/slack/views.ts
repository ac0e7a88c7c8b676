/**
 * The static replies (`/eu-china help`, `topics`, `source`) as Block Kit, shared by the slash
 * command, mentions, DMs and the App Home, in the language they were asked in (the help carries
 * its own). They hold knowledge text only, escaped all the same.
 */
import type { TopicSummary } from '../../core/bot.js';
import { formatDate } from '../../core/bot.js';
import type { Help, HelpItem, ViewName } from '../../core/conversation/commands.js';
import { fill, LABELS, questionCount } from '../../core/lang/labels.js';
import type { Language } from '../../core/lang/languages.js';
import type { Source } from '../../core/types.js';
import { actions, capBlocks, context, header, sections, type KnownBlock, type SlackMessage } from './blocks.js';
import { mrkdwnLink, safeMrkdwn } from './mrkdwn.js';
import { COMMAND, shareButton } from './render.js';
import { SLACK_STRINGS } from './strings.js';

/** How to use the bot: what it covers, where to ask, the commands (the core's one help text, typed the Slack way). */
export function helpBlocks(help: Help): KnownBlock[] {
  const s = SLACK_STRINGS[help.language];
  const example = LABELS[help.language].exampleAuthor;
  const item = (i: HelpItem): string => `• \`${COMMAND} ${i.words}\`: ${safeMrkdwn(i.does)}`;
  const usage = [
    s.helpAskHeading,
    fill(s.helpAskCommand, { command: COMMAND, example }),
    fill(s.helpMention, { example: LABELS[help.language].exampleAlliance }),
    s.helpDm,
    ``,
    s.helpCommands,
    ...help.commands.map(item),
  ];
  if (help.digest.length > 0) {
    usage.push(``, s.helpDigestHeading, ...help.digest.map(item));
    usage.push(fill(s.helpDigestExample, { command: COMMAND, example: help.subscribeExample }));
  }
  return [...sections(safeMrkdwn(help.about)), ...sections(usage.join('\n'))];
}

/** One section per topic with its example questions. */
export function topicsBlocks(topics: readonly TopicSummary[], language: Language = 'en'): KnownBlock[] {
  const l = LABELS[language];
  return [
    header(l.topicsHeading),
    ...topics.flatMap((t) => {
      const examples = t.examples.map((e) => `• ${safeMrkdwn(e.question)}`);
      return sections([`*${safeMrkdwn(t.title)}* (${questionCount(l, t.entryCount)})`, ...examples].join('\n'), 1);
    }),
  ];
}

/** What the paper is, its author and date, and the link. */
export function sourceBlocks(s: Source, language: Language = 'en'): KnownBlock[] {
  const l = LABELS[language];
  const lines = [
    `*${safeMrkdwn(s.title)}*`,
    fill(l.sourceSeries, { series: safeMrkdwn(s.series), number: s.number, date: formatDate(s.date, language) }),
    fill(l.sourceBy, { author: safeMrkdwn(s.author), role: safeMrkdwn(s.authorRole) }),
    fill(l.sourcePublished, { publisher: safeMrkdwn(s.publisher), issn: safeMrkdwn(s.issn) }),
    mrkdwnLink(s.url, l.readPaper),
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
  return viewMessage('help', help.language, LABELS[help.language].helpTitle, helpBlocks(help), options);
}

/** The topics as a message. */
export function renderTopics(topics: readonly TopicSummary[], options: ViewOptions = {}, language: Language = 'en'): SlackMessage {
  return viewMessage('topics', language, LABELS[language].topicsHeading, topicsBlocks(topics, language), options);
}

/** The paper's details as a message. */
export function renderSource(source: Source, options: ViewOptions = {}, language: Language = 'en'): SlackMessage {
  return viewMessage('source', language, LABELS[language].aboutPaper, sourceBlocks(source, language), options);
}

function viewMessage(view: ViewName, language: Language, text: string, body: readonly KnownBlock[], options: ViewOptions): SlackMessage {
  const blocks = [
    ...(options.note ? [context([options.note])] : []),
    ...body,
    ...(options.share ? actions('controls', [shareButton({ kind: 'view', view, language }, language)]) : []),
  ];
  return { text, blocks: capBlocks(blocks, undefined, language) };
}
