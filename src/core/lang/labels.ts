/**
 * The words every surface shows around an answer, in English, French and German: labels and
 * buttons (Related, Helpful, Read the paper), the help's lines, the paper's details, where a
 * quote sits, and the notices (feedback thanks, apologies). Platform-free: what only Slack or
 * only Teams says lives in that adapter's strings.ts, in the same shape. Values are templates
 * (`{name}` filled by `fill`), so a test can hold every language to the same placeholders.
 * French follows the knowledge set's typography: a plain space before ? ! : ; and inside « ».
 */
import type { Language } from './languages.js';

/** One table of user-facing texts, in every language. */
export type Table<T> = Readonly<Record<Language, T>>;

/** `template` with each `{name}` replaced by `values.name` (a placeholder without a value stays as written). */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface Labels {
  readonly youAsked: string;
  /** Someone else's words in quotation marks: `{text}`. */
  readonly quoted: string;
  readonly related: string;
  readonly sources: string;
  readonly readPaper: string;
  readonly openPaper: string;
  readonly helpful: string;
  readonly notHelpful: string;
  readonly helpfulA11y: string;
  readonly notHelpfulA11y: string;
  readonly topicsHeading: string;
  readonly questionsOne: string;
  readonly questionsMany: string;
  readonly buttonTopics: string;
  readonly buttonHelp: string;
  readonly buttonSource: string;
  readonly aboutPaper: string;
  readonly thePaper: string;
  readonly botName: string;
  readonly helpTitle: string;
  /** The help's example questions. */
  readonly exampleAuthor: string;
  readonly exampleAlliance: string;
  readonly helpAsk: string;
  readonly helpTopics: string;
  readonly helpSource: string;
  readonly helpHelp: string;
  readonly helpSubscribeWords: string;
  readonly helpSubscribe: string;
  readonly helpUnsubscribe: string;
  readonly helpDigest: string;
  /** The commands as people type them in this language (each is understood: commands.ts). */
  readonly wordTopics: string;
  readonly wordSource: string;
  readonly wordHelp: string;
  readonly sourceSeries: string;
  readonly sourceBy: string;
  readonly sourcePublished: string;
  readonly sourceReadAt: string;
  /** Where a quote sits: `{section}`, `{n}` of `{total}`; a footnote `{n}`. */
  readonly locationSection: string;
  readonly locationPosition: string;
  readonly locationFootnote: string;
  readonly unknownCommand: string;
  readonly unknownEntry: string;
  readonly thanksHelpful: string;
  readonly thanksNotHelpful: string;
  readonly feedbackFailed: string;
  readonly digestFailed: string;
  readonly sendFailed: string;
  readonly failure: string;
}

const EN: Labels = {
  youAsked: 'You asked:',
  quoted: '“{text}”',
  related: 'Related questions',
  sources: 'Sources',
  readPaper: 'Read the paper',
  openPaper: 'Open the paper',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  helpfulA11y: 'This answer was helpful',
  notHelpfulA11y: 'This answer was not helpful',
  topicsHeading: 'Topics I can answer about',
  questionsOne: '{n} question',
  questionsMany: '{n} questions',
  buttonTopics: 'Topics',
  buttonHelp: 'Help',
  buttonSource: 'Source',
  aboutPaper: 'About the paper',
  thePaper: 'The paper',
  botName: 'EU-China bot',
  helpTitle: 'How to use the EU-China bot',
  exampleAuthor: 'Who wrote the paper?',
  exampleAlliance: 'Is Russia-China an alliance?',
  helpAsk: 'Ask me a question in plain words, e.g. "{author}" or "{alliance}"',
  helpTopics: 'the topics I cover, with example questions',
  helpSource: 'the paper, its author and date, and the link',
  helpHelp: 'this message',
  helpSubscribeWords: 'subscribe [HH:MM] [time zone] [en|fr|de]',
  helpSubscribe: 'post the daily digest here, in that language (an insight from the paper, and what was asked here the day before)',
  helpUnsubscribe: 'stop it',
  helpDigest: "see today's digest",
  wordTopics: 'topics',
  wordSource: 'source',
  wordHelp: 'help',
  sourceSeries: '{series} n°{number}, {date}',
  sourceBy: 'By {author}, {role}',
  sourcePublished: 'Published by the {publisher} (ISSN {issn})',
  sourceReadAt: 'Read it at {url}',
  locationSection: "Section '{section}', paragraph {n} of {total}",
  locationPosition: 'Paragraph {n} of {total}',
  locationFootnote: 'Footnote {n}',
  unknownCommand: "I don't know {word}; here is what I can do.",
  unknownEntry: 'That question is no longer in my list. Try {command}.',
  thanksHelpful: 'Thanks, glad it helped!',
  thanksNotHelpful: 'Thanks for telling me. The curators review answers marked not helpful.',
  feedbackFailed: "Sorry, I couldn't record your feedback just now.",
  digestFailed: "Sorry, I couldn't reach the digest settings just now. Please try again in a moment.",
  sendFailed: "Sorry, I couldn't send my answer just now. Please try again in a moment.",
  failure: 'Sorry, something went wrong on my side. Please try again in a moment.',
};

const FR: Labels = {
  youAsked: 'Vous avez demandé :',
  quoted: '« {text} »',
  related: 'Questions liées',
  sources: 'Sources',
  readPaper: 'Lire le document',
  openPaper: 'Ouvrir le document',
  helpful: 'Utile',
  notHelpful: 'Pas utile',
  helpfulA11y: 'Cette réponse m’a été utile',
  notHelpfulA11y: 'Cette réponse ne m’a pas été utile',
  topicsHeading: 'Les thèmes sur lesquels je peux répondre',
  questionsOne: '{n} question',
  questionsMany: '{n} questions',
  buttonTopics: 'Thèmes',
  buttonHelp: 'Aide',
  buttonSource: 'Source',
  aboutPaper: 'À propos du document',
  thePaper: 'Le document',
  botName: 'Bot EU-China',
  helpTitle: 'Comment utiliser le bot EU-China',
  exampleAuthor: 'Qui a écrit ce document ?',
  exampleAlliance: 'La Russie et la Chine sont-elles alliées ?',
  helpAsk: 'Posez-moi une question simplement, par exemple « {author} » ou « {alliance} »',
  helpTopics: 'les thèmes que je couvre, avec des exemples de questions',
  helpSource: 'le document, son auteur, sa date et le lien',
  helpHelp: 'ce message',
  helpSubscribeWords: 'subscribe [HH:MM] [fuseau horaire] [en|fr|de]',
  helpSubscribe: 'publier ici la synthèse quotidienne, dans cette langue (un éclairage tiré du document, et ce qui a été demandé ici la veille)',
  helpUnsubscribe: 'l’arrêter',
  helpDigest: 'voir la synthèse du jour',
  wordTopics: 'thèmes',
  wordSource: 'source',
  wordHelp: 'aide',
  sourceSeries: '{series} n°{number}, {date}',
  sourceBy: 'Par {author}, {role}',
  sourcePublished: 'Publié par la {publisher} (ISSN {issn})',
  sourceReadAt: 'À lire sur {url}',
  locationSection: 'Section « {section} », paragraphe {n} sur {total}',
  locationPosition: 'Paragraphe {n} sur {total}',
  locationFootnote: 'Note {n}',
  unknownCommand: 'Je ne connais pas {word} ; voici ce que je sais faire.',
  unknownEntry: 'Cette question ne figure plus dans ma liste. Essayez {command}.',
  thanksHelpful: 'Merci, ravi d’avoir pu vous aider !',
  thanksNotHelpful: 'Merci de me l’avoir signalé. L’équipe éditoriale relit les réponses jugées pas utiles.',
  feedbackFailed: 'Désolé, je n’ai pas pu enregistrer votre avis pour le moment.',
  digestFailed: 'Désolé, je n’ai pas pu accéder aux réglages de la synthèse quotidienne. Réessayez dans un instant.',
  sendFailed: 'Désolé, je n’ai pas pu envoyer ma réponse. Réessayez dans un instant.',
  failure: 'Désolé, un problème est survenu de mon côté. Réessayez dans un instant.',
};

const DE: Labels = {
  youAsked: 'Ihre Frage:',
  quoted: '„{text}“',
  related: 'Verwandte Fragen',
  sources: 'Quellen',
  readPaper: 'Das Papier lesen',
  openPaper: 'Das Papier öffnen',
  helpful: 'Hilfreich',
  notHelpful: 'Nicht hilfreich',
  helpfulA11y: 'Diese Antwort war hilfreich',
  notHelpfulA11y: 'Diese Antwort war nicht hilfreich',
  topicsHeading: 'Themen, zu denen ich Fragen beantworte',
  questionsOne: '{n} Frage',
  questionsMany: '{n} Fragen',
  buttonTopics: 'Themen',
  buttonHelp: 'Hilfe',
  buttonSource: 'Quelle',
  aboutPaper: 'Über das Papier',
  thePaper: 'Das Papier',
  botName: 'EU-China-Bot',
  helpTitle: 'So nutzen Sie den EU-China-Bot',
  exampleAuthor: 'Wer hat das Papier geschrieben?',
  exampleAlliance: 'Sind Russland und China Verbündete?',
  helpAsk: 'Stellen Sie mir Ihre Frage in einfachen Worten, z. B. „{author}“ oder „{alliance}“',
  helpTopics: 'die Themen, die ich abdecke, mit Beispielfragen',
  helpSource: 'das Papier, Autor, Datum und Link',
  helpHelp: 'diese Nachricht',
  helpSubscribeWords: 'subscribe [HH:MM] [Zeitzone] [en|fr|de]',
  helpSubscribe: 'die tägliche Zusammenfassung hier posten, in dieser Sprache (eine Erkenntnis aus dem Papier und was hier am Vortag gefragt wurde)',
  helpUnsubscribe: 'sie abbestellen',
  helpDigest: 'die heutige Zusammenfassung ansehen',
  wordTopics: 'Themen',
  wordSource: 'Quelle',
  wordHelp: 'Hilfe',
  sourceSeries: '{series} n°{number}, {date}',
  sourceBy: 'Von {author}, {role}',
  sourcePublished: 'Herausgegeben von der {publisher} (ISSN {issn})',
  sourceReadAt: 'Zu lesen unter {url}',
  locationSection: 'Abschnitt „{section}“, Absatz {n} von {total}',
  locationPosition: 'Absatz {n} von {total}',
  locationFootnote: 'Fußnote {n}',
  unknownCommand: 'Den Befehl {word} kenne ich nicht. Das kann ich:',
  unknownEntry: 'Diese Frage ist nicht mehr in meiner Liste. Versuchen Sie {command}.',
  thanksHelpful: 'Danke, schön, dass es geholfen hat!',
  thanksNotHelpful: 'Danke für den Hinweis. Als nicht hilfreich markierte Antworten prüft die Redaktion.',
  feedbackFailed: 'Entschuldigung, Ihre Rückmeldung konnte gerade nicht gespeichert werden.',
  digestFailed: 'Entschuldigung, die Einstellungen der täglichen Zusammenfassung sind gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  sendFailed: 'Entschuldigung, meine Antwort konnte gerade nicht gesendet werden. Bitte versuchen Sie es gleich noch einmal.',
  failure: 'Entschuldigung, bei mir ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
};

export const LABELS: Table<Labels> = { en: EN, fr: FR, de: DE };

/** Labels whose French or German is rightly the English word (tests/core/lang/labels.test.ts holds the rest apart). */
export const SAME_AS_ENGLISH: Readonly<Record<'fr' | 'de', readonly (keyof Labels)[]>> = {
  fr: ['sources', 'questionsOne', 'questionsMany', 'buttonSource', 'wordSource', 'sourceSeries'],
  de: ['sourceSeries'],
};

/** `n` questions, singular or plural. */
export function questionCount(labels: Labels, n: number): string {
  return fill(n === 1 ? labels.questionsOne : labels.questionsMany, { n });
}
