/**
 * The words the terminal front ends print around an answer (`ask`, the local chat), in English,
 * French and German, picked by the reply's language; the words every surface shares are the
 * core's (core/lang/labels.ts). `--explain` output is for curators and stays English.
 */
import type { Table } from '../core/lang/labels.js';

export interface CliStrings {
  /** The citations' heading; outside English it says the quotes are the English original. */
  readonly sources: string;
  readonly readPaper: string;
  readonly related: string;
  readonly topicsHeading: string;
  readonly commands: string;
  readonly item: string;
  readonly quit: string;
  readonly repeatedDecline: string;
  readonly intro: string;
}

const EN: CliStrings = {
  sources: 'Sources:',
  readPaper: 'Read the paper: {url}',
  related: 'Related: {questions}',
  topicsHeading: 'Topics I can answer about:',
  commands: 'Commands:',
  item: '{words}: {does}',
  quit: 'quit: leave the chat',
  repeatedDecline: 'Still nothing on that in the paper. Try "topics".',
  intro: 'Type a question, "topics", "source", or "quit".',
};

const FR: CliStrings = {
  sources: 'Sources (citations de l’original anglais) :',
  readPaper: 'Lire le document : {url}',
  related: 'Questions liées : {questions}',
  topicsHeading: 'Les thèmes sur lesquels je peux répondre :',
  commands: 'Commandes :',
  item: '{words} : {does}',
  quit: 'quit : quitter la conversation',
  repeatedDecline: 'Toujours rien à ce sujet dans le document. Essayez « thèmes ».',
  intro: 'Tapez une question, « thèmes », « source » ou « quit ».',
};

const DE: CliStrings = {
  sources: 'Quellen (Zitate aus dem englischen Original):',
  readPaper: 'Das Papier lesen: {url}',
  related: 'Verwandte Fragen: {questions}',
  topicsHeading: 'Themen, zu denen ich Fragen beantworte:',
  commands: 'Befehle:',
  item: '{words}: {does}',
  quit: 'quit: den Chat verlassen',
  repeatedDecline: 'Dazu steht auch nichts im Papier. Versuchen Sie „Themen“.',
  intro: 'Schreiben Sie eine Frage, „Themen“, „Quelle“ oder „quit“.',
};

export const CLI_STRINGS: Table<CliStrings> = { en: EN, fr: FR, de: DE };

/** Strings whose German is rightly the English format. */
export const CLI_SAME_AS_ENGLISH: Readonly<Record<'fr' | 'de', readonly (keyof CliStrings)[]>> = { fr: [], de: ['item'] };
