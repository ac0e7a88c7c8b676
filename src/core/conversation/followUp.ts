/**
 * Follow-up questions: "why?", "tell me more", "and the EU?", "when was that?", or "2" / "yes"
 * picking a "did you mean" entry just offered (and their French and German equivalents:
 * "pourquoi ?", "dis-m'en plus", "et l'UE ?", "warum?", "erzähl mehr", "und die EU?"), read
 * against the previous exchange of the same conversation, and answered in its language. The trap is answering a short follow-up on its own (out of context "why?" matches
 * anything); the other trap is forcing context on a new, complete question. So a follow-up is
 * first read with the previous question and kept only when that gives an answer; a complete
 * question that answers on its own is answered on its own.
 */
import { entryIn } from '../answer/compose.js';
import type { Bot } from '../bot.js';
import type { Language } from '../lang/languages.js';
import { fold } from '../text/normalize.js';
import type { Answer, Entry, Question } from '../types.js';

/** What a conversation remembers of its last exchange. */
export interface ConversationContext {
  /** The entry last answered, if the last reply was an answer. */
  readonly entryId?: string;
  /** The "did you mean" entries last offered, in order. */
  readonly suggestions: readonly string[];
  /** When the last reply was given (ISO 8601). */
  readonly at: string;
  /** The last reply's language, when not English: "2" or "dis-m'en plus" answer in it. */
  readonly language?: 'fr' | 'de';
}

/** Where contexts live: the Store, so every replica sees the same conversation. */
export interface ContextStore {
  context(key: string): Promise<ConversationContext | undefined>;
  saveContext(key: string, context: ConversationContext): Promise<void>;
}

/** A context older than this is forgotten: the conversation has moved on. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

export interface Reply {
  readonly answer: Answer;
  /** The previous exchange was used to understand the question. */
  readonly followUp: boolean;
}

// Matched on folded text: accents dropped, punctuation gone ("dis-m'en plus ?" -> "dis m en plus").
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, '1st': 1, '2nd': 2, '3rd': 3, one: 1, two: 2, three: 3,
  premier: 1, premiere: 1, un: 1, une: 1, deuxieme: 2, seconde: 2, deux: 2, troisieme: 3, trois: 3,
  erste: 1, erster: 1, erstes: 1, eins: 1, zweite: 2, zweiter: 2, zweites: 2, zwei: 2, dritte: 3, dritter: 3, drittes: 3, drei: 3,
};
const PICK = new RegExp(`^(?:number |no |option |numero |nummer |#)?(\\d|${Object.keys(ORDINALS).join('|')})(?: one| frage| question)?(?: please| s il vous plait| svp| bitte)?$`);
const YES = /^(?:yes|yeah|yep|yup|sure|ok|okay|please|yes please|that one|the first one|go ahead|oui|ouais|d accord|volontiers|oui merci|oui s il vous plait|celle la|ja|jawohl|genau|gerne|gern|ja bitte|die da)$/;
const MORE = new RegExp(
  '^(?:tell me more|more|go on|elaborate|details|more details|expand|expand on that|can you expand|can you elaborate|anything else|what else|continue|keep going|say more|more on that|more about that' +
    '|dis m en plus|dites m en plus|dis moi en plus|dites moi en plus|raconte m en plus|racontez m en plus|en savoir plus|plus de details|encore|la suite|continuez|developpe|developpez|quoi d autre|autre chose|et encore' +
    '|erzahl mehr|erzahl mir mehr|erzaehl mehr|erzaehl mir mehr|erzahlen sie mehr|erzahlen sie mir mehr|mehr|mehr dazu|mehr details|weiter|und weiter|was noch|noch mehr|genauer|was sonst noch)$',
);
/** Words that make a short question lean on the previous one. */
const LEANS = new RegExp(
  '^(?:and|but|so|what about|how about|why|when|where|who|how|is that|was that|did|does|do|is|was|were|are|can|could|which' +
    '|et|mais|donc|alors|quid|qu en est il|pourquoi|quand|ou|qui|comment|combien|est ce|c etait|lequel|laquelle' +
    '|und|aber|also|was ist mit|wie steht es mit|warum|wieso|weshalb|wann|wo|wer|wie|ist das|war das)\\b' +
    '|\\b(?:it|that|this|they|them|he|she|his|her|its|their|those|these|there|then|so|ca|cela|il|elle|ils|elles|es|das|dies|er|damals)\\b',
);
/** The single words of LEANS and WHY, and articles: what a follow-up says besides its subject. */
const LEAN_WORDS = new Set(
  [LEANS.source, 'the a an le la l les un une die der das den dem ein eine']
    .join(' ')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0),
);
/** Politeness at the end of a follow-up, dropped before reading it. */
const POLITE = /\s+(?:please|pls|plz|thanks|thx|s il vous plait|s il te plait|svp|stp|merci|bitte|danke)$/;
const MAX_FOLLOW_UP_WORDS = 8;

/** The suggestion a reply such as "2", "the second one" or "yes" picks, as a 0-based index. */
export function pickedSuggestion(text: string, offered: number): number | undefined {
  const f = fold(text).replace(/^(?:the|i mean|i meant|le|la|l|je veux dire|die|der|das|ich meine)\s+/, '');
  const m = PICK.exec(f);
  const n = m?.[1] === undefined ? undefined : (ORDINALS[m[1]] ?? Number(m[1]));
  if (n !== undefined && n >= 1 && n <= offered) return n - 1;
  if (YES.test(f) && offered >= 1) return 0;
  return undefined;
}

/** Answers `text` in the light of `context` (undefined or expired: as a question on its own). */
export function resolveFollowUp(bot: Bot, question: Question | string, context: ConversationContext | undefined, now: Date): Reply {
  const text = typeof question === 'string' ? question : question.text;
  const live = context && now.getTime() - Date.parse(context.at) <= CONTEXT_TTL_MS ? context : undefined;
  if (!live) return { answer: bot.ask(question), followUp: false };
  const language = live.language ?? 'en';
  const pick = pickedSuggestion(text, live.suggestions.length);
  const picked = pick === undefined ? undefined : bot.answerEntry(live.suggestions[pick] ?? '', language);
  if (picked) return { answer: { ...picked, question: text }, followUp: true };
  const previous = live.entryId === undefined ? undefined : bot.knowledge.entries.find((e) => e.id === live.entryId);
  return previous ? afterAnswer(bot, question, previous, language) : { answer: bot.ask(question), followUp: false };
}

/** `question` asked right after `previous` was the answer (in `language`); its locale, if any, stays the language hint. */
function afterAnswer(bot: Bot, question: Question | string, previous: Entry, language: Language): Reply {
  const text = typeof question === 'string' ? question : question.text;
  // In a French or German conversation its language is the hint a short "et l'UE ?" needs (stronger than the platform locale).
  const hint = language === 'en' ? {} : { locale: language };
  const as = (t: string): Question | string => (typeof question === 'string' && language === 'en' ? t : { ...(typeof question === 'string' ? {} : question), text: t, ...hint });
  const f = fold(text).replace(POLITE, '');
  const next = MORE.test(f) ? moreAbout(bot, previous, language) : undefined;
  if (next) return { answer: { ...next, question: text }, followUp: true };
  const words = f.split(' ').filter((w) => w !== '').length;
  if (words > MAX_FOLLOW_UP_WORDS || !LEANS.test(f)) return { answer: bot.ask(as(text)), followUp: false };
  // Read with the previous question; a new subject the previous entry never mentions ("and the
  // EU?") must not get that entry back. "Why?" asks for the reason the entry gives, if it gives one.
  const alone = bot.explain(as(text));
  // Only the follow-up's own words can name a new subject ("pourquoi", "wann" are no names).
  const own = f.split(' ').filter((w) => !LEAN_WORDS.has(w)).join(' ');
  const options = { exclude: introducesSubject(bot, own, previous) ? [previous.id] : [], anyQuestionType: WHY.test(f) };
  // The previous question as it was shown, so the pair reads in one language.
  const together = bot.explain(as(`${text} ${entryIn(previous, language).question}`), options);
  const confidence = (e: typeof alone): number => (e.answer.decision === 'answer' ? e.answer.confidence : -1);
  if (together.answer.decision === 'answer' && confidence(together) >= confidence(alone)) return { answer: { ...together.answer, question: text }, followUp: true };
  if (alone.answer.decision === 'answer') return { answer: alone.answer, followUp: false };
  if (together.answer.decision === 'suggest') return { answer: { ...together.answer, question: text }, followUp: true };
  return { answer: alone.answer, followUp: false };
}

const WHY = /^(?:why|how come|reason|for what reason|what for|pourquoi|pour quelle raison|comment ca se fait|warum|wieso|weshalb|aus welchem grund)\b/;

/** "Tell me more": a related entry on the same passage first, then any related entry, in the conversation's language. */
function moreAbout(bot: Bot, previous: Entry, language: Language): Answer | undefined {
  const paragraphs = new Set(previous.citations.map((c) => c.paragraphId));
  const related = previous.related.flatMap((id) => bot.knowledge.entries.filter((e) => e.id === id));
  const samePassage = related.filter((e) => e.citations.some((c) => paragraphs.has(c.paragraphId)));
  const next = samePassage[0] ?? related[0];
  return next ? bot.answerEntry(next.id, language) : undefined;
}

/** Whether the follow-up names something the previous entry never mentions ("and the EU?"). */
function introducesSubject(bot: Bot, followUp: string, previous: Entry): boolean {
  const before = bot.terms([previous.question, ...previous.alternates, previous.answer, ...previous.citations.map((c) => c.quote)].join(' '));
  return [...bot.names(followUp)].some((t) => !before.has(t));
}

/** The context to remember after `answer`. */
export function contextAfter(answer: Answer, now: Date): ConversationContext {
  return {
    ...(answer.decision === 'answer' && answer.entry ? { entryId: answer.entry.id } : {}),
    suggestions: answer.decision === 'suggest' ? answer.suggestions.map((s) => s.id) : [],
    at: now.toISOString(),
    ...(answer.language === 'fr' || answer.language === 'de' ? { language: answer.language } : {}),
  };
}

/** A context store in memory, for one process (the local chat, `ask --jsonl`, tests). */
export function memoryContextStore(): ContextStore {
  const contexts = new Map<string, ConversationContext>();
  return {
    context: async (key) => contexts.get(key),
    saveContext: async (key, context) => {
      contexts.delete(key);
      contexts.set(key, context);
      // Bounded: the oldest conversations go first.
      if (contexts.size > 10_000) contexts.delete(contexts.keys().next().value ?? '');
    },
  };
}
