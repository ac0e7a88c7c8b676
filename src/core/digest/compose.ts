/**
 * The digest's content, as plain data the adapters render (Block Kit, Adaptive Card) and the CLI
 * prints: the entry of the day, answered exactly as a question about it would be (so citations
 * come out the same), and a summary of the channel's previous local day when it had questions.
 */
import type { Bot } from '../bot.js';
import type { Language } from '../lang/languages.js';
import type { LoggedQuestion, QuestionLog, RotationStore } from '../store.js';
import type { Answer } from '../types.js';
import { pickEntry } from './rotation.js';
import { addDays, dayWindow } from './time.js';

/** What was asked in the channel on the previous local day. */
export interface ChannelActivity {
  /** Questions asked (small talk such as "thanks" not counted). */
  readonly questions: number;
  /** The entry answered most often, when one was answered at least twice. */
  readonly mostAsked?: { readonly id: string; readonly question: string; readonly count: number };
  /** Questions the bot declined or could only answer with "did you mean". */
  readonly unanswered: number;
}

export interface Digest {
  readonly channel: string;
  /** The local day `YYYY-MM-DD` the digest is for. */
  readonly day: string;
  /** The language it is written in (quotes stay verbatim English). */
  readonly language: Language;
  /** "Insight of the day": the entry's full answer with its citations. */
  readonly insight: Answer;
  /** "Asked here yesterday"; absent when nobody asked anything. */
  readonly yesterday?: ChannelActivity;
}

export interface DigestDeps {
  readonly bot: Bot;
  readonly store: RotationStore & QuestionLog;
}

/** Where and when: the channel key, its time zone (for "yesterday") and the local day. */
export interface DigestSlot {
  readonly channel: string;
  readonly timeZone: string;
  readonly day: string;
  /** Default English. */
  readonly language?: Language;
}

/** Composes the digest for one channel and local day, advancing the rotation once per day. */
export async function composeDigest(deps: DigestDeps, slot: DigestSlot): Promise<Digest> {
  const { bot, store } = deps;
  const ids = bot.knowledge.entries.map((e) => e.id);
  const state = await store.updateRotation(slot.channel, (current) => pickEntry(current, slot.channel, slot.day, ids));
  const language = slot.language ?? 'en';
  const insight = state.entryId === undefined ? undefined : bot.answerEntry(state.entryId, language);
  if (!insight) throw new Error(`rotation picked an unknown entry ${String(state.entryId)} for ${slot.channel}`);
  const window = dayWindow(addDays(slot.day, -1), slot.timeZone);
  const asked = await store.questions({ channel: slot.channel, since: window.from, until: window.to });
  const yesterday = activityOf(asked, bot, language);
  return { channel: slot.channel, day: slot.day, language, insight, ...(yesterday ? { yesterday } : {}) };
}

/** The summary of `asked`, or undefined when there was no real question. */
export function activityOf(asked: readonly LoggedQuestion[], bot: Pick<Bot, 'answerEntry'>, language: Language = 'en'): ChannelActivity | undefined {
  const real = asked.filter((q) => q.decision !== 'smalltalk');
  if (real.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const q of real) if (q.decision === 'answer' && q.entryId) counts.set(q.entryId, (counts.get(q.entryId) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const entry = top && top[1] >= 2 ? bot.answerEntry(top[0], language)?.entry : undefined;
  return {
    questions: real.length,
    unanswered: real.filter((q) => q.decision === 'decline' || q.decision === 'suggest').length,
    ...(entry && top ? { mostAsked: { id: entry.id, question: entry.question, count: top[1] } } : {}),
  };
}
