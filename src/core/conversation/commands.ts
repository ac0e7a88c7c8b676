/**
 * One command vocabulary for every platform, and one help text. Every word either adapter
 * accepted before is kept (Slack's `?`, `-h`, `--help`, `usage`, `topic`, `list`, `paper`;
 * Teams' `ask <question>`), so nothing a person relies on is lost, and "list" means the same
 * thing everywhere. Parsing is pure; the pipeline decides what each command does.
 */
import { formatDate } from '../bot.js';
import type { Source } from '../types.js';

/** The static views: how to use the bot, what it covers, the paper. */
export type ViewName = 'help' | 'topics' | 'source';

export type Command =
  /** `language`: the view was asked for in French or German words ("thèmes", "Themen"). */
  | { readonly kind: 'view'; readonly view: ViewName; readonly language?: 'fr' | 'de' }
  /** A word typed as a command (`/frobnicate`, `-x`) that is none. */
  | { readonly kind: 'unknown'; readonly word: string }
  | { readonly kind: 'subscribe'; readonly args: string }
  | { readonly kind: 'unsubscribe' }
  | { readonly kind: 'digest' }
  /** A question for the core; `singleWord` for the command surface's "unknown word" rule. */
  | { readonly kind: 'ask'; readonly text: string; readonly singleWord: boolean };

const VIEWS: Readonly<Record<string, ViewName>> = {
  help: 'help',
  '-h': 'help',
  '--help': 'help',
  usage: 'help',
  topics: 'topics',
  topic: 'topics',
  list: 'topics',
  source: 'source',
  paper: 'source',
};

/** The views in French and German words, answered in that language ("aide" / "Hilfe" are small talk: the core answers them in kind). */
const LOCAL_VIEWS: Readonly<Record<string, { readonly view: ViewName; readonly language: 'fr' | 'de' }>> = {
  themes: { view: 'topics', language: 'fr' },
  thèmes: { view: 'topics', language: 'fr' },
  sujets: { view: 'topics', language: 'fr' },
  themen: { view: 'topics', language: 'de' },
  quelle: { view: 'source', language: 'de' },
};

/** What `text` asks for. Empty text (a bare mention, a bare command) is help. */
export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const word = trimmed.toLowerCase().replace(/^\//, '').replace(/[.!?]+$/, '');
  if (word === '') return { kind: 'view', view: 'help' };
  const view = VIEWS[word];
  if (view) return { kind: 'view', view };
  const local = LOCAL_VIEWS[word];
  if (local) return { kind: 'view', ...local };
  const [first = '', ...rest] = trimmed.replace(/^\//, '').split(/\s+/);
  const verb = first.toLowerCase();
  if (verb === 'subscribe') return { kind: 'subscribe', args: rest.join(' ') };
  if (verb === 'unsubscribe' && rest.length === 0) return { kind: 'unsubscribe' };
  if (verb === 'digest' && rest.length === 0) return { kind: 'digest' };
  if (verb === 'ask' && rest.length > 0) return ask(rest.join(' '));
  if (rest.length === 0 && /^[/-]/.test(trimmed)) return { kind: 'unknown', word: trimmed };
  return ask(trimmed);
}

function ask(text: string): Command {
  return { kind: 'ask', text, singleWord: !/\s/.test(text) };
}

/** One line of help: the command's words (`subscribe [HH:MM] [time zone]`) and what it does. */
export interface HelpItem {
  readonly words: string;
  readonly does: string;
}

/** The help text, the same everywhere; adapters type the commands the way their platform does. */
export interface Help {
  readonly about: string;
  /** How to ask, with an example question. */
  readonly ask: string;
  readonly commands: readonly HelpItem[];
  /** The digest commands; empty when the digest is not available. */
  readonly digest: readonly HelpItem[];
  /** An example of `subscribe`'s arguments. */
  readonly subscribeExample: string;
}

/** The help, for a bot described by `about`; `digest` when the digest commands are wired. */
export function helpText(about: string, digest: boolean): Help {
  return {
    about,
    ask: 'Ask me a question in plain words, e.g. "Who wrote the paper?" or "Is Russia-China an alliance?"',
    commands: [
      { words: 'topics', does: 'the topics I cover, with example questions' },
      { words: 'source', does: 'the paper, its author and date, and the link' },
      { words: 'help', does: 'this message' },
    ],
    digest: digest
      ? [
          { words: 'subscribe [HH:MM] [time zone] [en|fr|de]', does: 'post the daily digest here, in that language (an insight from the paper, and what was asked here the day before)' },
          { words: 'unsubscribe', does: 'stop it' },
          { words: 'digest', does: "see today's digest" },
        ]
      : [],
    subscribeExample: 'subscribe 08:30 Europe/Paris',
  };
}

/** What the paper is, its author and date, and the link: the same lines on every platform. */
export function sourceLines(s: Source): string[] {
  return [
    `"${s.title}"`,
    `${s.series} n°${s.number}, ${formatDate(s.date)}`,
    `By ${s.author}, ${s.authorRole}`,
    `Published by the ${s.publisher} (ISSN ${s.issn})`,
    `Read it at ${s.url}`,
  ];
}
