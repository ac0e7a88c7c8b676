/**
 * Follow-up questions: "why?", "tell me more", "and the EU?", "when was that?", or "2" / "yes"
 * picking a "did you mean" entry just offered, read against the previous exchange of the same
 * conversation. The trap is answering a short follow-up on its own (out of context "why?" matches
 * anything); the other trap is forcing context on a new, complete question. So a follow-up is
 * first read with the previous question and kept only when that gives an answer; a complete
 * question that answers on its own is answered on its own.
 */
import type { Bot } from '../bot.js';
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

const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, '1st': 1, '2nd': 2, '3rd': 3, one: 1, two: 2, three: 3 };
const PICK = /^(?:number |no |option |#)?(\d|first|second|third|1st|2nd|3rd|one|two|three)(?: one)?(?: please)?$/;
const YES = /^(?:yes|yeah|yep|yup|sure|ok|okay|please|yes please|that one|the first one|go ahead)$/;
const MORE = /^(?:tell me more|more|go on|elaborate|details|more details|expand|expand on that|can you expand|can you elaborate|anything else|what else|continue|keep going|say more|more on that|more about that)$/;
/** Words that make a short question lean on the previous one. */
const LEANS = /^(?:and|but|so|what about|how about|why|when|where|who|how|is that|was that|did|does|do|is|was|were|are|can|could|which)\b|\b(?:it|that|this|they|them|he|she|his|her|its|their|those|these|there|then|so)\b/;
const MAX_FOLLOW_UP_WORDS = 8;

/** The suggestion a reply such as "2", "the second one" or "yes" picks, as a 0-based index. */
export function pickedSuggestion(text: string, offered: number): number | undefined {
  const f = fold(text).replace(/^(?:the|i mean|i meant)\s+/, '');
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
  const pick = pickedSuggestion(text, live.suggestions.length);
  const picked = pick === undefined ? undefined : bot.answerEntry(live.suggestions[pick] ?? '');
  if (picked) return { answer: { ...picked, question: text }, followUp: true };
  const previous = live.entryId === undefined ? undefined : bot.knowledge.entries.find((e) => e.id === live.entryId);
  return previous ? afterAnswer(bot, question, previous) : { answer: bot.ask(question), followUp: false };
}

/** `question` asked right after `previous` was the answer; its locale, if any, stays the language hint. */
function afterAnswer(bot: Bot, question: Question | string, previous: Entry): Reply {
  const text = typeof question === 'string' ? question : question.text;
  const as = (t: string): Question | string => (typeof question === 'string' ? t : { ...question, text: t });
  const f = fold(text).replace(/\s+(?:please|pls|plz|thanks|thx)$/, '');
  const next = MORE.test(f) ? moreAbout(bot, previous) : undefined;
  if (next) return { answer: { ...next, question: text }, followUp: true };
  const words = f.split(' ').filter((w) => w !== '').length;
  if (words > MAX_FOLLOW_UP_WORDS || !LEANS.test(f)) return { answer: bot.ask(question), followUp: false };
  // Read with the previous question; a new subject the previous entry never mentions ("and the
  // EU?") must not get that entry back. "Why?" asks for the reason the entry gives, if it gives one.
  const alone = bot.explain(question);
  const options = { exclude: introducesSubject(bot, text, previous) ? [previous.id] : [], anyQuestionType: WHY.test(f) };
  const together = bot.explain(as(`${text} ${previous.question}`), options);
  const confidence = (e: typeof alone): number => (e.answer.decision === 'answer' ? e.answer.confidence : -1);
  if (together.answer.decision === 'answer' && confidence(together) >= confidence(alone)) return { answer: { ...together.answer, question: text }, followUp: true };
  if (alone.answer.decision === 'answer') return { answer: alone.answer, followUp: false };
  if (together.answer.decision === 'suggest') return { answer: { ...together.answer, question: text }, followUp: true };
  return { answer: alone.answer, followUp: false };
}

const WHY = /^(?:why|how come|reason|for what reason|what for)\b/;

/** "Tell me more": a related entry on the same passage first, then any related entry. */
function moreAbout(bot: Bot, previous: Entry): Answer | undefined {
  const paragraphs = new Set(previous.citations.map((c) => c.paragraphId));
  const related = previous.related.flatMap((id) => bot.knowledge.entries.filter((e) => e.id === id));
  const samePassage = related.filter((e) => e.citations.some((c) => paragraphs.has(c.paragraphId)));
  const next = samePassage[0] ?? related[0];
  return next ? bot.answerEntry(next.id) : undefined;
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
