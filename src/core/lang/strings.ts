/**
 * Every sentence the core writes itself (not the paper's facts), in English, French and German:
 * the "did you mean" lead, what the paper does not say, declines, small-talk replies, the one line
 * on what the bot covers and the note that quotes are the English original. Adapters take the
 * same table for their own labels (see `Strings`).
 */
import type { SmalltalkKind } from '../smalltalk.js';
import type { Source } from '../types.js';
import type { Language } from './languages.js';

export interface CoreStrings {
  readonly suggestLead: string;
  /** When no curated note says what is missing. */
  readonly notGivenGeneric: string;
  /** Before what the paper does say, after a "does not say" note. */
  readonly whatItSays: string;
  /** Leads a decline; followed by `about` and `askTopics`. */
  readonly notFound: string;
  readonly askTopics: string;
  /** Said beside quotes in an answer that is not in English. */
  readonly quotesInEnglish?: string;
  readonly smalltalk: Readonly<Record<SmalltalkKind, (about: string) => string>>;
  /** One sentence on what the bot covers. */
  about(source: Source): string;
  /** `2024-03-26` as people write dates in this language. */
  date(iso: string): string;
}

const dateIn = (locale: string) => (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const EN: CoreStrings = {
  suggestLead: "I'm not sure I understood. Did you mean one of these?",
  notGivenGeneric: "I can't find that detail in the paper.",
  whatItSays: 'What it does say:',
  notFound: "Sorry, I can't find that in the paper.",
  askTopics: 'Ask for "topics" to see what I can answer.',
  smalltalk: {
    greeting: (about) => `Hello! ${about} Ask me a question, or ask for "topics".`,
    thanks: () => "You're welcome! Ask me anything else about the paper.",
    goodbye: () => 'Goodbye!',
    help: (about) => `${about} Ask a question in plain words, e.g. "Is Russia-China an alliance?". Ask for "topics" to list what I cover, or "source" for the paper's details.`,
    ack: () => 'OK. Ask me anything else about the paper, or ask for "topics".',
    unclear: () => 'Could you ask that as a full question? For example "Why did China stand by Russia?", or ask for "topics".',
  },
  about: (s) => `I answer questions about "${s.title}" (${s.series} n°${s.number}, ${s.author}, ${s.publisher}, ${dateIn('en-GB')(s.date)}), citing the paper.`,
  date: dateIn('en-GB'),
};

const FR: CoreStrings = {
  suggestLead: "Je ne suis pas sûr d'avoir compris. Vouliez-vous dire l'une de ces questions ?",
  notGivenGeneric: 'Je ne trouve pas ce détail dans le document.',
  whatItSays: 'Ce que le document dit :',
  notFound: 'Désolé, je ne trouve pas cela dans le document.',
  askTopics: 'Demandez « topics » (ou « thèmes ») pour voir les sujets auxquels je peux répondre, en français, en allemand ou en anglais.',
  quotesInEnglish: 'Citations de l’original anglais.',
  smalltalk: {
    greeting: (about) => `Bonjour ! ${about} Posez-moi une question, ou demandez « thèmes ».`,
    thanks: () => 'Avec plaisir ! Posez-moi une autre question sur le document.',
    goodbye: () => 'Au revoir !',
    help: (about) => `${about} Posez une question simplement, par exemple « La Russie et la Chine sont-elles alliées ? ». Demandez « thèmes » pour la liste des sujets, ou « source » pour les références du document.`,
    ack: () => 'D’accord. Posez-moi une autre question sur le document, ou demandez « thèmes ».',
    unclear: () => 'Pourriez-vous formuler une question complète ? Par exemple « Pourquoi la Chine a-t-elle soutenu la Russie ? », ou demandez « thèmes ».',
  },
  about: (s) => `Je réponds aux questions sur « ${s.title} » (${s.series} n°${s.number}, ${s.author}, ${s.publisher}, ${dateIn('fr-FR')(s.date)}), en citant le document (en anglais).`,
  date: dateIn('fr-FR'),
};

const DE: CoreStrings = {
  suggestLead: 'Ich bin nicht sicher, ob ich Sie verstanden habe. Meinten Sie eine dieser Fragen?',
  notGivenGeneric: 'Dieses Detail finde ich im Papier nicht.',
  whatItSays: 'Was das Papier sagt:',
  notFound: 'Das finde ich im Papier leider nicht.',
  askTopics: 'Fragen Sie nach „Themen“ (oder „topics“), um zu sehen, worauf ich antworten kann – auf Deutsch, Französisch oder Englisch.',
  quotesInEnglish: 'Zitate aus dem englischen Original.',
  smalltalk: {
    greeting: (about) => `Hallo! ${about} Stellen Sie mir eine Frage oder fragen Sie nach „Themen“.`,
    thanks: () => 'Gern geschehen! Fragen Sie mich gern noch etwas zum Papier.',
    goodbye: () => 'Auf Wiedersehen!',
    help: (about) => `${about} Stellen Sie Ihre Frage in einfachen Worten, z. B. „Sind Russland und China Verbündete?“. Fragen Sie nach „Themen“ für die Liste oder nach „Quelle“ für die Angaben zum Papier.`,
    ack: () => 'In Ordnung. Fragen Sie mich gern noch etwas zum Papier oder nach „Themen“.',
    unclear: () => 'Könnten Sie das als vollständige Frage stellen? Zum Beispiel „Warum hat China Russland unterstützt?“, oder fragen Sie nach „Themen“.',
  },
  about: (s) => `Ich beantworte Fragen zu „${s.title}“ (${s.series} n°${s.number}, ${s.author}, ${s.publisher}, ${dateIn('de-DE')(s.date)}) und zitiere das Papier (auf Englisch).`,
  date: dateIn('de-DE'),
};

export const CORE_STRINGS: Readonly<Record<Language, CoreStrings>> = { en: EN, fr: FR, de: DE };
