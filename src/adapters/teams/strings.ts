/**
 * What only Teams says, in English, French and German: how to reach the bot here (personal chat,
 * @mentions in channels), the welcome. The words every surface shares (Related, Helpful, Sources …)
 * are the core's (core/lang/labels.ts); renderers pick both tables by the reply's language (or,
 * where there is no question, by `activity.locale`), and hold no user-facing words of their own.
 * Templates take `{commands}` (the command words, already bold) and `{example}`.
 */
import type { Table } from '../../core/lang/labels.js';

export interface TeamsStrings {
  readonly commandsLine: string;
  readonly welcomeHello: string;
  /** `{help}`, `{topics}`, `{source}`: the command words in this language. */
  readonly welcomePersonal: string;
  readonly welcomeChannel: string;
  readonly welcomeSubscribePersonal: string;
  readonly welcomeSubscribeChannel: string;
  /** A citation's name when its section has none. */
  readonly citationFallback: string;
}

const EN: TeamsStrings = {
  commandsLine: 'Commands: {commands} — or just ask a question. In channels and group chats, @mention me.',
  welcomeHello: 'Hello! 👋',
  welcomePersonal: 'Just type a question here, or **{help}**, **{topics}** or **{source}**.',
  welcomeChannel: '@mention me with a question, or with **{help}**, **{topics}** or **{source}**.',
  welcomeSubscribePersonal: 'Type **subscribe** (e.g. `{example}`) to get one insight from the paper here every day.',
  welcomeSubscribeChannel: '@mention me with **subscribe** (e.g. `{example}`) to get one insight from the paper here every day.',
  citationFallback: 'Schuman Paper',
};

const FR: TeamsStrings = {
  commandsLine: 'Commandes : {commands} – ou posez simplement une question. Dans les canaux et les conversations de groupe, mentionnez-moi avec @.',
  welcomeHello: 'Bonjour ! 👋',
  welcomePersonal: 'Tapez simplement une question ici, ou **{help}**, **{topics}** ou **{source}**.',
  welcomeChannel: 'Mentionnez-moi avec @ suivi d’une question, ou de **{help}**, **{topics}** ou **{source}**.',
  welcomeSubscribePersonal: 'Tapez **subscribe** (par exemple `{example}`) pour recevoir ici chaque jour un éclairage tiré du document.',
  welcomeSubscribeChannel: 'Mentionnez-moi avec **subscribe** (par exemple `{example}`) pour recevoir ici chaque jour un éclairage tiré du document.',
  citationFallback: 'Document Schuman',
};

const DE: TeamsStrings = {
  commandsLine: 'Befehle: {commands} – oder stellen Sie einfach eine Frage. In Kanälen und Gruppenchats erwähnen Sie mich mit @.',
  welcomeHello: 'Hallo! 👋',
  welcomePersonal: 'Schreiben Sie hier einfach eine Frage oder **{help}**, **{topics}** oder **{source}**.',
  welcomeChannel: 'Erwähnen Sie mich mit @ und einer Frage oder mit **{help}**, **{topics}** oder **{source}**.',
  welcomeSubscribePersonal: 'Schreiben Sie **subscribe** (z. B. `{example}`), um hier jeden Tag eine Erkenntnis aus dem Papier zu erhalten.',
  welcomeSubscribeChannel: 'Erwähnen Sie mich mit **subscribe** (z. B. `{example}`), um hier jeden Tag eine Erkenntnis aus dem Papier zu erhalten.',
  citationFallback: 'Schuman-Papier',
};

export const TEAMS_STRINGS: Table<TeamsStrings> = { en: EN, fr: FR, de: DE };

/** Strings whose French or German is rightly the English (none: every Teams string is translated). */
export const TEAMS_SAME_AS_ENGLISH: Readonly<Record<'fr' | 'de', readonly (keyof TeamsStrings)[]>> = { fr: [], de: [] };
