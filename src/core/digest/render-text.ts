/**
 * Plain-text digest, for the CLI, previews and the notification text of the platform renderings,
 * and the digest's own words in English, French and German (`digestStrings`). The Block Kit and
 * Adaptive Card renderings take the same sentences, so every surface says the same thing in the
 * digest's language. The entry's question and answer come localised from the bot; quotes stay
 * verbatim English, with the language's note that they quote the English original.
 */
import { LABELS } from '../lang/labels.js';
import { CORE_STRINGS } from '../lang/strings.js';
import type { Language } from '../lang/languages.js';
import type { ChannelActivity, Digest } from './compose.js';

/** The digest's own words; "Sources" and "Read the paper" are the answers' (LABELS), the same on every surface. */
export interface DigestStrings {
  readonly title: string;
  readonly insight: string;
  readonly yesterday: string;
  /** "Asked here yesterday" as one sentence. */
  activity(a: ChannelActivity): string;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const EN: DigestStrings = {
  title: 'EU-China digest',
  insight: 'Insight of the day',
  yesterday: 'Asked here yesterday',
  activity: (a) => {
    const parts = [count(a.questions, 'question', 'questions')];
    if (a.mostAsked) parts.push(`most asked: "${a.mostAsked.question}" (${count(a.mostAsked.count, 'time', 'times')})`);
    parts.push(a.unanswered === 0 ? 'all answered' : `${a.unanswered} I could not answer`);
    return `${parts.join('; ')}.`;
  },
};

const FR: DigestStrings = {
  title: 'Digest UE-Chine',
  insight: 'L’éclairage du jour',
  yesterday: 'Demandé ici hier',
  activity: (a) => {
    const parts = [count(a.questions, 'question', 'questions')];
    if (a.mostAsked) parts.push(`la plus posée : « ${a.mostAsked.question} » (${count(a.mostAsked.count, 'fois', 'fois')})`);
    parts.push(a.unanswered === 0 ? 'toutes ont reçu une réponse' : `${count(a.unanswered, 'sans réponse', 'sans réponse')}`);
    return `${parts.join(' ; ')}.`;
  },
};

const DE: DigestStrings = {
  title: 'EU-China-Digest',
  insight: 'Erkenntnis des Tages',
  yesterday: 'Gestern hier gefragt',
  activity: (a) => {
    const parts = [count(a.questions, 'Frage', 'Fragen')];
    if (a.mostAsked) parts.push(`am häufigsten: „${a.mostAsked.question}“ (${a.mostAsked.count}-mal)`);
    parts.push(a.unanswered === 0 ? 'alle beantwortet' : `${a.unanswered} konnte ich nicht beantworten`);
    return `${parts.join('; ')}.`;
  },
};

export const DIGEST_STRINGS: Readonly<Record<Language, DigestStrings>> = { en: EN, fr: FR, de: DE };

export const digestStrings = (language: Language = 'en'): DigestStrings => DIGEST_STRINGS[language];

/** `EU-China digest · 31 March 2024`, `Digest UE-Chine · 31 mars 2024`. */
export function digestTitle(day: string, language: Language = 'en'): string {
  return `${digestStrings(language).title} · ${CORE_STRINGS[language].date(day)}`;
}

/** `5 questions; most asked: "Who wrote the paper?" (3 times); 2 I could not answer.` */
export function activityText(a: ChannelActivity, language: Language = 'en'): string {
  return digestStrings(language).activity(a);
}

/** Outside English, the note that the quotes are the English original; undefined in English. */
export function quotesNote(language: Language): string | undefined {
  return CORE_STRINGS[language].quotesInEnglish;
}

/** The whole digest as text: title, the entry of the day with numbered sources, yesterday. */
export function renderDigestText(d: Digest): string {
  const { insight } = d;
  const words = digestStrings(d.language);
  const labels = LABELS[d.language];
  const lines = [digestTitle(d.day, d.language), '', `${words.insight}: ${insight.entry?.question ?? insight.question}`, insight.text];
  if (insight.citations.length > 0) {
    const note = quotesNote(d.language);
    lines.push('', `${labels.sources}:${note ? ` (${note})` : ''}`);
    insight.citations.forEach((c, i) => lines.push(`  [${i + 1}] ${c.location}: "${c.quote}"`));
    const url = insight.citations[0]?.url;
    if (url) lines.push(`  ${labels.readPaper}: ${url}`);
  }
  if (d.yesterday) lines.push('', `${words.yesterday}: ${activityText(d.yesterday, d.language)}`);
  return lines.join('\n');
}
