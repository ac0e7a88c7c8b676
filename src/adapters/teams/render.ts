/**
 * Answer out (pure): a core `Answer` becomes one Teams message. For an answer the message text
 * carries the answer with `[n]` markers and the citation entity (Teams' native citation pills),
 * and the card below it the sources, "Related" and feedback buttons, so the answer is not shown
 * twice; a standalone card (message extension) also carries the answer. Every length is capped
 * so that no entry, however long, brings a card near Teams' ~28 KB message limit.
 */
import type { TopicSummary } from '../../core/bot.js';
import { sourceLines, type Help } from '../../core/conversation/commands.js';
import { fill, LABELS, questionCount } from '../../core/lang/labels.js';
import type { Language } from '../../core/lang/languages.js';
import { CORE_STRINGS } from '../../core/lang/strings.js';
import { entryValue, type Answer, type Source } from '../../core/types.js';
import {
  attachment,
  card,
  entryButton,
  label,
  plain,
  run,
  truncate,
  type AdaptiveCard,
  type CardAttachment,
  type CardElement,
  type SubmitAction,
} from './cards.js';
import { citationEntity, claims, markers, type MessageEntity } from './citations.js';
import { TEAMS_STRINGS } from './strings.js';

export const LIMITS = {
  /** Characters of answer text in a message or card. */
  answer: 3000,
  /** Characters of a citation's location ("Section '…', paragraph 3 of 7") in a card. */
  location: 200,
  /** Characters of a quoted passage in a card. */
  quote: 300,
  /** Citations listed in a card (the entity may carry up to 20). */
  cardCitations: 5,
  /** "Related" buttons. */
  related: 4,
  /** Characters of the user's question echoed back. */
  echo: 200,
} as const;

/** A message activity as the adapter sends it (assignable to botbuilder's `Partial<Activity>`). */
export type Reply = {
  type: 'message';
  text?: string;
  /** Notification and fallback text for a card-only message. */
  summary?: string;
  attachments?: CardAttachment[];
  entities?: MessageEntity[];
};

/** The reply to a question or a button: text + citation entity for answers, a card always. */
export function renderAnswer(answer: Answer): Reply {
  if (answer.decision !== 'answer') return { type: 'message', attachments: [attachment(answerCard(answer, { standalone: true, interactive: true }))] };
  const list = claims(answer.citations, answer.language);
  const entity = citationEntity(list);
  return {
    type: 'message',
    text: `${teamsText(truncate(answer.text, LIMITS.answer))}${markers(list)}`,
    attachments: [attachment(answerCard(answer, { standalone: false, interactive: true }))],
    ...(entity ? { entities: [entity] } : {}),
  };
}

export interface CardOptions {
  /** Include the question and answer text (no message text accompanies the card). */
  readonly standalone: boolean;
  /** Include the Related and feedback buttons (not in cards a user inserts from the message extension). */
  readonly interactive: boolean;
}

/** The card for an answer, suggestion, decline or small talk, in the answer's language. */
export function answerCard(answer: Answer, opts: CardOptions): AdaptiveCard {
  const language = answer.language ?? 'en';
  const l = LABELS[language];
  switch (answer.decision) {
    case 'answer':
      return card(answerBody(answer, opts), paperAction(answer.citations[0]?.url, language));
    case 'suggest':
      return card([plain(answer.text, LIMITS.answer), youAsked(answer.question, language), buttons(answer.suggestions.map((s) => entryButton(entryValue(s), s.question)))]);
    case 'decline':
      return card([plain(answer.text, LIMITS.answer), youAsked(answer.question, language), buttons([commandButton('topics', l.buttonTopics), commandButton('help', l.buttonHelp)])]);
    case 'smalltalk':
      return card([plain(answer.text, LIMITS.answer)]);
  }
}

/** "Sources", and outside English that the quotes are the English original. */
function sourcesHeading(language: Language): string {
  const note = CORE_STRINGS[language].quotesInEnglish;
  return note ? `${LABELS[language].sources} · ${note}` : LABELS[language].sources;
}

/** The body of an answer card: question and answer when standalone, sources, then buttons when interactive. */
export function answerBody(answer: Answer, { standalone, interactive }: CardOptions): CardElement[] {
  const language = answer.language ?? 'en';
  const l = LABELS[language];
  const body: CardElement[] = [];
  if (standalone) {
    if (answer.entry) body.push(plain(answer.entry.question, LIMITS.echo, { weight: 'Bolder' }));
    body.push(plain(answer.text, LIMITS.answer));
  }
  const shown = answer.citations.slice(0, LIMITS.cardCitations);
  if (shown.length > 0) body.push(label(sourcesHeading(language), { weight: 'Bolder', spacing: 'Medium', separator: standalone }));
  shown.forEach((c, i) => {
    body.push({
      type: 'Container',
      spacing: 'Small',
      items: [
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `[${i + 1}] `, weight: 'Bolder' }, run(c.location, LIMITS.location, { weight: 'Bolder', selectAction: { type: 'Action.OpenUrl', title: l.openPaper, url: c.url } })] },
        plain(`“${c.quote}”`, LIMITS.quote, { italic: true }),
      ],
    });
  });
  if (!interactive) return body;
  const related = answer.related.slice(0, LIMITS.related);
  if (related.length > 0) {
    body.push(label(l.related, { weight: 'Bolder', spacing: 'Medium' }), buttons(related.map((r) => entryButton(entryValue(r), r.question))));
  }
  if (answer.entry) body.push(feedbackButtons(answer.entry.id, language));
  return body;
}

/** The Helpful / Not helpful buttons for an entry; outside English the value names the language (`fr:paper-author`), so the thanks is in it too. */
export function feedbackButtons(entryId: string, language: Language = 'en'): CardElement {
  const l = LABELS[language];
  const id = language === 'en' ? entryId : entryValue({ id: entryId, question: '', language });
  return buttons([
    { type: 'Action.Submit', title: `👍 ${l.helpful}`, data: { action: 'feedback', entryId: id, helpful: true } },
    { type: 'Action.Submit', title: `👎 ${l.notHelpful}`, data: { action: 'feedback', entryId: id, helpful: false } },
  ]);
}

/** The card-level "Read the paper" link, when there is a URL. */
export function paperAction(url: string | undefined, language: Language = 'en'): { type: 'Action.OpenUrl'; title: string; url: string }[] {
  return url ? [{ type: 'Action.OpenUrl', title: LABELS[language].readPaper, url }] : [];
}

/** "You asked: “…”": the user's words in a TextRun, never parsed. */
function youAsked(question: string, language: Language): CardElement {
  const l = LABELS[language];
  return plain(`${l.youAsked} ${fill(l.quoted, { text: question })}`, LIMITS.echo, { isSubtle: true, italic: true });
}

function buttons(actions: readonly SubmitAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

function commandButton(command: 'help' | 'topics' | 'source', title: string): SubmitAction {
  return { type: 'Action.Submit', title, data: { action: 'command', command } };
}

/** `help`: the core's help text, the commands as Teams people type them, and buttons; `unknown`: the word that is no command. */
export function renderHelp(help: Help, unknown?: string): Reply {
  const l = LABELS[help.language];
  const commands = [...help.commands, ...help.digest].map((c) => `**${c.words.split(' ')[0] ?? c.words}**`).join(', ');
  const body = [
    ...(unknown !== undefined ? [plain(fill(l.unknownCommand, { word: fill(l.quoted, { text: unknown }) }), LIMITS.echo, { isSubtle: true })] : []),
    plain(`${help.about} ${help.ask}`, LIMITS.answer),
    label(fill(TEAMS_STRINGS[help.language].commandsLine, { commands }), { spacing: 'Medium' }),
    buttons([commandButton('topics', l.buttonTopics), commandButton('source', l.buttonSource)]),
  ];
  return { type: 'message', attachments: [attachment(card(body))] };
}

/** `topics`: each topic with example questions as buttons that answer them. */
export function renderTopics(topics: readonly TopicSummary[], language: Language = 'en'): Reply {
  const l = LABELS[language];
  const body: CardElement[] = [label(l.topicsHeading, { weight: 'Bolder', size: 'Medium' })];
  for (const t of topics.slice(0, 20)) {
    body.push({ type: 'RichTextBlock', inlines: [run(t.title, 120, { weight: 'Bolder' }), run(` (${questionCount(l, t.entryCount)})`, 40, { isSubtle: true })] });
    if (t.examples.length > 0) body.push(buttons(t.examples.slice(0, 3).map((e) => entryButton(entryValue(e), e.question))));
  }
  return { type: 'message', attachments: [attachment(card(body))] };
}

/** `source`: the paper's details (same lines as the CLI and Slack) and its link. */
export function renderSource(source: Source, language: Language = 'en'): Reply {
  const [title = '', ...rest] = sourceLines(source, language);
  const body = [plain(title, 300, { weight: 'Bolder' }), ...rest.map((line) => plain(line, 300))];
  return { type: 'message', attachments: [attachment(card(body, paperAction(source.url, language)))] };
}

/** What the user sees, in `language`, when the bot failed on its side. */
export function renderFailure(language: Language = 'en'): Reply {
  return { type: 'message', text: LABELS[language].failure };
}

/** Knowledge text for a Teams message body: HTML and markdown characters escaped, so it shows as written. */
export function teamsText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_~#[\]|])/g, '\\$1')
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ');
}

/**
 * Text that quotes the user (digest command replies) for a message body: `teamsText`, and
 * URLs defused, since Teams turns a bare `https://…`, `www.…` or `host.tld` in message text
 * into a live link: the scheme becomes `https[:]//` and the dots of a host name `[.]`.
 */
export function teamsEcho(text: string): string {
  return teamsText(text.replace(/[\p{Cf}]/gu, ''))
    .replace(/\b([a-z][a-z0-9+.-]*):(\/\/)?/gi, (match: string, scheme: string, slashes: string | undefined) =>
      slashes || /^(mailto|tel|callto|sip)$/i.test(scheme) ? `${scheme}[:]${slashes ?? ''}` : match,
    )
    .replace(/\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b/gi, (host) => host.replace(/\./g, '[.]'));
}
