/**
 * What only Slack says, in English, French and German: how to reach the bot here (the slash
 * command, mentions, DMs), the Share button, the notes above a reply. The words every surface
 * shares (Related, Helpful, Read the paper …) are the core's (core/lang/labels.ts); renderers pick
 * both tables by the reply's language, and hold no user-facing words of their own.
 * Templates take `{command}` (`/eu-china`), `{example}`, `{user}`, already made safe for mrkdwn.
 */
import type { Table } from '../../core/lang/labels.js';

export interface SlackStrings {
  readonly declineHint: string;
  readonly helpAskHeading: string;
  readonly helpAskCommand: string;
  readonly helpMention: string;
  readonly helpDm: string;
  readonly helpCommands: string;
  readonly helpDigestHeading: string;
  readonly helpDigestExample: string;
  readonly share: string;
  readonly sharedBy: string;
  readonly previewNote: string;
  readonly noText: string;
  readonly promptsTitle: string;
  readonly tooLong: string;
}

const EN: SlackStrings = {
  declineHint: 'Type `{command} topics` to see what I can answer, or `{command} help` for how to ask.',
  helpAskHeading: '*Ask me a question* in plain words:',
  helpAskCommand: '• `{command} {example}` (only you see the answer; share it if you like)',
  helpMention: '• mention me in a channel, e.g. `@EU-China bot {example}`; I answer in a thread',
  helpDm: '• or send me a direct message',
  helpCommands: '*Commands*',
  helpDigestHeading: '*Daily digest* (an insight from the paper, and what was asked here the day before)',
  helpDigestExample: '  e.g. `{command} {example}`; invite me to the channel first',
  share: 'Share in channel',
  sharedBy: 'Shared by {user}',
  previewNote: "_Preview of today's digest: only you can see this. `{command} subscribe` posts it here every day._",
  noText: 'That message has no text I can read. Use `{command}` to ask me a question.',
  promptsTitle: 'Ask about the paper, for example:',
  tooLong: '_(Some of this did not fit in one Slack message.)_',
};

const FR: SlackStrings = {
  declineHint: 'Tapez `{command} thèmes` pour voir les sujets auxquels je peux répondre, ou `{command} aide` pour savoir comment me poser une question.',
  helpAskHeading: '*Posez-moi une question* simplement :',
  helpAskCommand: '• `{command} {example}` (vous seul voyez la réponse ; partagez-la si vous le souhaitez)',
  helpMention: '• mentionnez-moi dans un canal, par exemple `@EU-China bot {example}` ; je réponds dans un fil',
  helpDm: '• ou envoyez-moi un message direct',
  helpCommands: '*Commandes*',
  helpDigestHeading: '*Synthèse quotidienne* (un éclairage tiré du document, et ce qui a été demandé ici la veille)',
  helpDigestExample: '  par exemple `{command} {example}` ; invitez-moi d’abord dans le canal',
  share: 'Partager dans le canal',
  sharedBy: 'Partagé par {user}',
  previewNote: '_Aperçu de la synthèse du jour : vous seul la voyez. `{command} subscribe` la publie ici chaque jour._',
  noText: 'Ce message ne contient aucun texte que je puisse lire. Utilisez `{command}` pour me poser une question.',
  promptsTitle: 'Posez une question sur le document, par exemple :',
  tooLong: '_(Une partie de la réponse ne tenait pas dans un seul message Slack.)_',
};

const DE: SlackStrings = {
  declineHint: 'Tippen Sie `{command} Themen`, um zu sehen, worauf ich antworten kann, oder `{command} Hilfe`, um zu erfahren, wie Sie fragen.',
  helpAskHeading: '*Stellen Sie mir eine Frage* in einfachen Worten:',
  helpAskCommand: '• `{command} {example}` (nur Sie sehen die Antwort; teilen Sie sie, wenn Sie möchten)',
  helpMention: '• erwähnen Sie mich in einem Channel, z. B. `@EU-China bot {example}`; ich antworte im Thread',
  helpDm: '• oder schreiben Sie mir eine Direktnachricht',
  helpCommands: '*Befehle*',
  helpDigestHeading: '*Tägliche Zusammenfassung* (eine Erkenntnis aus dem Papier und was hier am Vortag gefragt wurde)',
  helpDigestExample: '  z. B. `{command} {example}`; laden Sie mich zuerst in den Channel ein',
  share: 'Im Channel teilen',
  sharedBy: 'Geteilt von {user}',
  previewNote: '_Vorschau der heutigen Zusammenfassung: Nur Sie sehen sie. `{command} subscribe` postet sie hier jeden Tag._',
  noText: 'Diese Nachricht enthält keinen Text, den ich lesen kann. Stellen Sie mir Ihre Frage mit `{command}`.',
  promptsTitle: 'Fragen Sie zum Papier, zum Beispiel:',
  tooLong: '_(Nicht alles passte in eine Slack-Nachricht.)_',
};

export const SLACK_STRINGS: Table<SlackStrings> = { en: EN, fr: FR, de: DE };

/** Strings whose French or German is rightly the English (none: every Slack string is translated). */
export const SLACK_SAME_AS_ENGLISH: Readonly<Record<'fr' | 'de', readonly (keyof SlackStrings)[]>> = { fr: [], de: [] };
