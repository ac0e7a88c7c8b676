/**
 * One command vocabulary for every platform, and one help text. Every word either adapter
 * accepted before is kept (Slack's `?`, `-h`, `--help`, `usage`, `topic`, `list`, `paper`;
 * Teams' `ask <question>`), so nothing a person relies on is lost, and "list" means the same
 * thing everywhere. Parsing is pure; the pipeline decides what each command does.
 */
import { formatDate } from '../bot.js';
import { fill, LABELS } from '../lang/labels.js';
import type { Language } from '../lang/languages.js';
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

/** The views in French and German words, answered in that language (the help lists them: labels.ts `word…`). */
const LOCAL_VIEWS: Readonly<Record<string, { readonly view: ViewName; readonly language: 'fr' | 'de' }>> = {
  aide: { view: 'help', language: 'fr' },
  hilfe: { view: 'help', language: 'de' },
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
  /** The language it is written in; the adapters' own words around it follow. */
  readonly language: Language;
}

/** The help in `language`, for a bot described by `about` (in that language); `digest` when the digest commands are wired. */
export function helpText(about: string, digest: boolean, language: Language = 'en'): Help {
  const l = LABELS[language];
  return {
    about,
    ask: fill(l.helpAsk, { author: l.exampleAuthor, alliance: l.exampleAlliance }),
    commands: [
      { words: l.wordTopics, does: l.helpTopics },
      { words: l.wordSource, does: l.helpSource },
      { words: l.wordHelp, does: l.helpHelp },
    ],
    digest: digest
      ? [
          { words: l.helpSubscribeWords, does: l.helpSubscribe },
          { words: 'unsubscribe', does: l.helpUnsubscribe },
          { words: 'digest', does: l.helpDigest },
        ]
      : [],
    subscribeExample: 'subscribe 08:30 Europe/Paris',
    language,
  };
}

/** What the paper is, its author and date, and the link, in `language`: the same lines on every platform. */
export function sourceLines(s: Source, language: Language = 'en'): string[] {
  const l = LABELS[language];
  return [
    fill(l.quoted, { text: s.title }),
    fill(l.sourceSeries, { series: s.series, number: s.number, date: formatDate(s.date, language) }),
    fill(l.sourceBy, { author: s.author, role: s.authorRole }),
    fill(l.sourcePublished, { publisher: s.publisher, issn: s.issn }),
    fill(l.sourceReadAt, { url: s.url }),
  ];
}
