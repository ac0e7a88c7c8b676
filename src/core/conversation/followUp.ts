/**
 * Follow-up questions: "why?", "tell me more", "and the EU?", "when was that?", or "2" / "yes"
 * picking a "did you mean" entry just offered (and their French and German equivalents:
 * "pourquoi ?", "dis-m'en plus", "et l'UE ?", "warum?", "erzähl mehr", "und die EU?"), read
 * against the previous exchange of the same conversation, and answered in its language. The trap
 * is answering a short follow-up on its own (out of context "why?" or "what year?" matches any
 * entry with a reason or a date); the other trap is forcing context on a new, complete question.
 * So a short text is read twice, alone and together with the previous question, and `choose`'s
 * rules decide; read alone, it may answer only when it says enough of its own or lands near the
 * previous entry. After a "did you mean" with no entry picked, a leaning text read with the
 * question asked is answered when that lands on one of the suggestions, and otherwise gets the
 * same suggestions again rather than an answer found out of context.
 */
import { entryIn } from '../answer/compose.js';
import { termsOfAll } from '../answer/notGiven.js';
import type { Bot } from '../bot.js';
import type { Language } from '../lang/languages.js';
import { fold } from '../text/normalize.js';
import { NEXT, nextInPaper } from './paperOrder.js';
import { CONTINUES, REVERSE, swapActors, turnsAround } from './turnAround.js';
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
  /** The last question as it was asked (at most MAX_ASKED_CHARS), read with a follow-up ("and the other way round?"). */
  readonly asked?: string;
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
/** Words that point back at what was just said ("is it still in force?", "who said that?"). */
const BACK_WORDS = 'it|that|this|they|them|he|she|his|her|its|their|those|these|there|then|ca|cela|il|elle|ils|elles|es|dies|er|damals';
/** Pointing back, for a question of its own: also "the 1950 one", and "who exactly?" (exactly what was just said). */
const POINTS_BACK = new RegExp(`\\b(?:${BACK_WORDS}|one|exactly|precisely|specifically)\\b`);
/** A year, as `names` reads it. */
const YEAR = /^(?:19|20)\d\d$/;
/** Words that make a short question lean on the previous one. */
const LEANS = new RegExp(
  '^(?:and|but|so|what about|how about|why|when|where|who|how|is that|was that|did|does|do|is|was|were|are|can|could|which' +
    '|et|mais|donc|alors|quid|qu en est il|pourquoi|quand|ou|qui|comment|combien|est ce|c etait|lequel|laquelle' +
    '|und|aber|also|was ist mit|wie steht es mit|warum|wieso|weshalb|wann|wo|wer|wie|ist das|war das)\\b' +
    `|\\b(?:${BACK_WORDS}|so|das)\\b`,
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
/** The topic of the entries about the paper itself (knowledge/topics.yaml). */
const ABOUT_TOPIC = 'about';
const MAX_ASKED_CHARS = 300;

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
  if (previous) return afterAnswer(bot, question, previous, language, live.asked);
  const offered = live.suggestions.flatMap((id) => bot.knowledge.entries.find((e) => e.id === id) ?? []);
  return offered.length > 0 ? afterSuggestions(bot, question, offered, language, live.asked) : { answer: bot.ask(question), followUp: false };
}

/** The follow-up as the matcher should read it: in a French or German conversation, with its language as the hint. */
function reading(question: Question | string, language: Language): (t: string) => Question | string {
  // In a French or German conversation its language is the hint a short "et l'UE ?" needs (stronger than the platform locale).
  const hint = language === 'en' ? {} : { locale: language };
  return (t) => (typeof question === 'string' && language === 'en' ? t : { ...(typeof question === 'string' ? {} : question), text: t, ...hint });
}

/**
 * The follow-up folded, politeness dropped, and its own words (what it says besides "and", "why",
 * "it"...; "the other way round" says nothing of its own: it only turns the last question around).
 */
function parts(text: string): { readonly folded: string; readonly own: string; readonly words: number } {
  const folded = fold(text).replace(POLITE, '');
  const words = folded.split(' ').filter((w) => w !== '');
  return { folded, own: REVERSE.test(folded) ? '' : words.filter((w) => !LEAN_WORDS.has(w)).join(' '), words: words.length };
}

/** A follow-up's own words read against what the conversation's entries say (English index), once per follow-up. */
interface Against {
  readonly entries: readonly Entry[];
  /** How many of its own words the entries never use. */
  readonly novel: number;
  /** It names something the entries never mention ("and the EU?"); "pourquoi", "wann" are no names. */
  readonly newSubject: boolean;
}

function against(bot: Bot, own: string, entries: readonly Entry[]): Against {
  const terms = termsOfAll(entries.flatMap(entryText), (t) => bot.terms(t));
  const unused = (words: ReadonlySet<string>): string[] => [...words].filter((t) => !terms.has(t));
  // A year alone is no new subject: "and in 2019?" asks the same question of another year.
  const subjects = unused(bot.names(own)).filter((t) => !YEAR.test(t));
  return { entries, novel: unused(bot.terms(own)).length, newSubject: subjects.length > 0 };
}

/**
 * Whether a short text read on its own may be answered with `entry` although the conversation
 * was about `context`: it says enough of its own ("who is the publishing director?"), names a
 * subject of its own ("and macron?"), or the entry is near what was being discussed ("who runs
 * it?" after the publisher: its president). A bare "since when?" or "what year?" answered alone
 * would pick any entry with a date.
 */
function standsAlone(context: Against, entry: Entry | undefined): boolean {
  return entry !== undefined && (context.novel >= MIN_NOVEL_TERMS || context.newSubject || context.entries.some((a) => near(a, entry)));
}

/**
 * `question` asked right after `previous` was the answer (in `language`); its locale, if any,
 * stays the language hint. "Tell me more" gets the next related entry; a long text is a question
 * of its own; anything else is read twice (`choose` decides).
 */
function afterAnswer(bot: Bot, question: Question | string, previous: Entry, language: Language, asked: string | undefined): Reply {
  const text = typeof question === 'string' ? question : question.text;
  const as = reading(question, language);
  const { folded, own, words } = parts(text);
  const next = sequel(bot, folded, previous, language) ?? reasonFor(bot, folded, own, previous, language);
  if (next) return { answer: { ...next, question: text }, followUp: true };
  if (words > MAX_FOLLOW_UP_WORDS) return { answer: bot.ask(as(text)), followUp: false };
  const alone = bot.explain(as(text)).answer;
  const settled = asksAboutThePaper(bot, alone, previous, folded) ? { answer: alone, followUp: false } : turnedAroundReply(bot, as, folded, alone, text, asked, language);
  if (settled) return settled;
  const context = against(bot, own, [previous]);
  // A new subject the previous entry never mentions ("and the EU?") must not get that entry back.
  // "Why?" asks for the reason the entry gives, if it gives one.
  const options = { exclude: context.newSubject ? [previous.id] : [], anyQuestionType: WHY.test(folded), kindsFrom: text };
  // The last question as the asker wrote it and as the bot showed it (so the pair also reads in the answer's language).
  const pair = as(`${text} ${asked === undefined ? '' : `${asked} `}${entryIn(previous, language).question}`);
  const together = bot.explain(pair, options).answer;
  const repeats = together.decision === 'answer' && together.entry?.id === previous.id;
  // Only needed when the pair just repeats the previous entry.
  const shifted = repeats ? neighbourWithMoreOf(bot, own, previous, bot.explain(pair, { ...options, exclude: [previous.id] }).answer) : undefined;
  const aloneEntry = alone.decision === 'answer' ? entryOf(bot, alone) : undefined;
  const complete = !CONTINUES.test(folded) && !POINTS_BACK.test(folded) && own.split(' ').filter((w) => w.length > 1).length >= 2;
  const readings: Readings = { alone, together, aloneEntry, shifted, repeats, novel: context.novel, complete, leans: LEANS.test(folded) };
  return choose(bot, text, previous, language, readings, standsAlone(context, aloneEntry));
}

/** Words that name the paper, its author or its publisher ("who wrote this?", "wen was this publishd"). */
const NAMES_THE_PAPER = /\b(?:paper|author|wrote|written|writer|publish\w*|publication|foundation|fondation|schuman|andrieu|issn|auteur|papier|ecrit|publie\w*|autor|verfasst|geschrieben|veroffentlicht|veroeffentlicht|erschienen)\b/;
/** "This paper", "this report": the paper itself, not something just said. */
const THIS_PAPER = /\b(?:this|the) (?:paper|document|report|piece|article|publication|text|study|analysis)\b/g;

/**
 * "Who is the author?", "when was this paper published?" after an answer about the paper's
 * content: a question that names the paper, its author or publisher and is answered alone by an
 * entry of the `about` topic stands alone, unless it points back at what was just said ("what
 * year?" and "who said that?" stay follow-ups).
 */
function asksAboutThePaper(bot: Bot, alone: Answer, previous: Entry, folded: string): boolean {
  const entry = alone.decision === 'answer' ? entryOf(bot, alone) : undefined;
  const asIs = folded.replace(THIS_PAPER, ' paper ');
  return entry?.topic === ABOUT_TOPIC && previous.topic !== ABOUT_TOPIC && NAMES_THE_PAPER.test(asIs) && !POINTS_BACK.test(asIs);
}

/** `turnedAround` as the reply, for an English conversation. */
function turnedAroundReply(bot: Bot, as: (t: string) => Question | string, folded: string, alone: Answer, text: string, asked: string | undefined, language: Language): Reply | undefined {
  const reversed = language === 'en' ? turnedAround(bot, as, folded, alone, text, asked) : undefined;
  return reversed ? { answer: { ...reversed, question: text }, followUp: true } : undefined;
}

/**
 * "And the other way round?", or "and china to russia?" after "what does russia export to
 * china?" when it cannot be read alone: the last question as asked, turned around, if that answers.
 */
function turnedAround(bot: Bot, as: (t: string) => Question | string, folded: string, alone: Answer, text: string, asked: string | undefined): Answer | undefined {
  if (asked === undefined) return undefined;
  const turns = REVERSE.test(folded) || (alone.decision !== 'answer' && CONTINUES.test(folded) && turnsAround(text, asked));
  const turned = turns ? swapActors(asked) : undefined;
  const answer = turned === undefined ? undefined : bot.explain(as(turned)).answer;
  return answer?.decision === 'answer' ? answer : undefined;
}

/** A follow-up read alone and read together with the previous question. */
interface Readings {
  readonly alone: Answer;
  readonly together: Answer;
  readonly aloneEntry: Entry | undefined;
  /** Read together without the previous entry: a neighbour with more of the follow-up's own words. */
  readonly shifted: Entry | undefined;
  /** Read together it answers with the previous entry again. */
  readonly repeats: boolean;
  /** The follow-up's own words the previous entry never uses. */
  readonly novel: number;
  /** It reads as a question of its own: two words of its own, no "and ..." and nothing pointing back ("it", "that"). */
  readonly complete: boolean;
  /** It starts like a follow-up ("and", "why", "what about") or points back ("it", "that"). */
  readonly leans: boolean;
}

/**
 * The first of these rules that holds decides:
 * 1. together it repeats the previous entry, but a neighbour of it read together has more of the
 *    follow-up's own words ("whose term is that?" after "beyond an axis of convenience"): the
 *    neighbour, unless the text answered alone has MIN_NOVEL_TERMS words of its own (rule 2 then);
 * 2. answered alone, with at least MIN_NOVEL_TERMS words of its own or with the entry read
 *    together gives too: a question on its own (the conversation was not needed);
 * 3. together it repeats the previous entry while alone it lands on a neighbour ("and china's
 *    exports to the eu?" after the EU's exports): the neighbour;
 * 4. together it answers, and alone does not stand (standsAlone) or is less sure: together, unless
 *    it is a complete question with MIN_NOVEL_TERMS words of its own that alone is declined
 *    ("what is the weather like on mars tomorrow?" after an answer);
 * 5. alone it stands: alone;
 * 6. together it suggests and the text leans (LEANS): that suggestion; an answer alone that does
 *    not stand: a suggestion; else the text alone ("what is the weather on Mars?" is declined,
 *    not offered the last entry).
 */
function choose(bot: Bot, text: string, previous: Entry, language: Language, r: Readings, aloneOk: boolean): Reply {
  // Not for a question of its own ("did trade meet its official target?" after Putin and Xi): rule 2 first.
  const moved = r.shifted && !(r.aloneEntry && r.novel >= MIN_NOVEL_TERMS) && bot.answerEntry(r.shifted.id, language);
  if (moved) return { answer: { ...moved, confidence: r.together.confidence, question: text }, followUp: true };
  if (aloneFirst(r, previous, aloneOk)) return { answer: r.alone, followUp: false };
  if (togetherFirst(r, aloneOk)) return { answer: { ...r.together, question: text }, followUp: true };
  if (aloneOk || (r.complete && r.alone.decision === 'answer')) return { answer: r.alone, followUp: false };
  if (r.together.decision === 'suggest' && r.leans) return { answer: { ...r.together, question: text }, followUp: true };
  return { answer: r.alone.decision === 'answer' ? suggestInstead(bot, text, r.alone, language) : r.alone, followUp: false };
}

/** Rule 4 of `choose`: the pair answers, and is surer than the text alone or that does not stand. */
function togetherFirst(r: Readings, aloneOk: boolean): boolean {
  const sure = (a: Answer): number => (a.decision === 'answer' ? a.confidence : -1);
  // A complete question of its own that the paper has nothing on is not made an answer by the conversation's words.
  const unrelated = r.complete && r.alone.decision === 'decline' && r.novel >= MIN_NOVEL_TERMS;
  return r.together.decision === 'answer' && !unrelated && (!aloneOk || sure(r.together) >= sure(r.alone));
}

/** Rules 2 and 3 of `choose`: the follow-up read alone wins before the pair is considered. */
function aloneFirst(r: Readings, previous: Entry, aloneOk: boolean): boolean {
  if (!r.aloneEntry) return false;
  const ownQuestion = r.novel >= MIN_NOVEL_TERMS || r.aloneEntry.id === r.together.entry?.id;
  return ownQuestion || (r.repeats && aloneOk && isNeighbour(previous, r.aloneEntry));
}

/** Another entry near `previous`. */
const isNeighbour = (previous: Entry, entry: Entry | undefined): boolean => entry !== undefined && entry.id !== previous.id && near(previous, entry);

/** The answer of `shifted` (the pair read without the previous entry) if it is near `previous` and has more of the follow-up's own words. */
function neighbourWithMoreOf(bot: Bot, own: string, previous: Entry, shifted: Answer): Entry | undefined {
  const to = shifted.decision === 'answer' ? entryOf(bot, shifted) : undefined;
  if (!to || !near(previous, to)) return undefined;
  const mine = [...bot.terms(own)];
  const covered = (e: Entry): number => {
    const terms = termsOfAll(entryText(e), (t) => bot.terms(t));
    return mine.filter((w) => terms.has(w)).length;
  };
  return covered(to) > covered(previous) ? to : undefined;
}

/** `question` asked right after the bot offered `offered` ("did you mean"), none of them picked. */
function afterSuggestions(bot: Bot, question: Question | string, offered: readonly Entry[], language: Language, asked: string | undefined): Reply {
  const text = typeof question === 'string' ? question : question.text;
  const as = reading(question, language);
  const alone = bot.explain(as(text));
  const { folded: f, own, words } = parts(text);
  if (words > MAX_FOLLOW_UP_WORDS || !LEANS.test(f)) return { answer: alone.answer, followUp: false };
  if (alone.answer.decision === 'answer' && standsAlone(against(bot, own, offered), entryOf(bot, alone.answer))) return { answer: alone.answer, followUp: false };
  // Read with the question the suggestions were for: an answer that is one of them is what was meant.
  const together = asked === undefined ? undefined : bot.explain(as(`${text} ${asked}`), { anyQuestionType: WHY.test(f), kindsFrom: text }).answer;
  if (together?.decision === 'answer' && offered.some((e) => e.id === together.entry?.id)) return { answer: { ...together, question: text }, followUp: true };
  // "Why did it get better?" about what the bot could not place: offer the same entries again.
  const again = bot.suggestEntries(text, offered.map((e) => e.id), language);
  return again ? { answer: again, followUp: true } : { answer: alone.answer, followUp: false };
}

/** An answer that cannot stand: offered as "did you mean" instead. */
function suggestInstead(bot: Bot, text: string, answer: Answer, language: Language): Answer {
  return (answer.entry && bot.suggestEntries(text, [answer.entry.id], language)) || answer;
}

const entryOf = (bot: Bot, answer: Answer): Entry | undefined => bot.knowledge.entries.find((e) => e.id === answer.entry?.id);
const entryText = (e: Entry): string[] => [e.question, ...e.alternates, e.answer, ...e.citations.map((c) => c.quote)];
/** A short text with this many words of its own that the conversation's entries never use is a question of its own. */
const MIN_NOVEL_TERMS = 2;

/** Whether `entry` is `previous`, related to it either way, cites one of its paragraphs or shares its topic. */
function near(previous: Entry, entry: Entry): boolean {
  const paragraphs = new Set(previous.citations.map((c) => c.paragraphId));
  return (
    entry.id === previous.id ||
    previous.related.includes(entry.id) ||
    entry.related.includes(previous.id) ||
    entry.citations.some((c) => paragraphs.has(c.paragraphId)) ||
    entry.topic === previous.topic
  );
}

const WHY = /^(?:why|how come|reason|for what reason|what for|pourquoi|pour quelle raison|comment ca se fait|warum|wieso|weshalb|aus welchem grund)\b/;

/**
 * "Why?", "why not?", "how come?" after an answer whose reason another entry gives (its curated
 * `because`): that entry, unless the follow-up says something of its own ("why did parliament
 * refuse?") that neither entry mentions, which the other readings then weigh.
 */
function reasonFor(bot: Bot, folded: string, own: string, previous: Entry, language: Language): Answer | undefined {
  const reason = previous.because === undefined || !WHY.test(folded) ? undefined : bot.knowledge.entries.find((e) => e.id === previous.because);
  if (!reason) return undefined;
  const context = against(bot, own, [previous, reason]);
  return context.novel === 0 && !context.newSubject ? bot.answerEntry(reason.id, language) : undefined;
}

/** "Tell me more": the entry's curated `more`, else a related entry on the same passage, then any related entry, in the conversation's language. */
function moreAbout(bot: Bot, previous: Entry, language: Language): Answer | undefined {
  if (previous.more !== undefined) return bot.answerEntry(previous.more, language);
  const paragraphs = new Set(previous.citations.map((c) => c.paragraphId));
  const related = previous.related.flatMap((id) => bot.knowledge.entries.filter((e) => e.id === id));
  const samePassage = related.filter((e) => e.citations.some((c) => paragraphs.has(c.paragraphId)));
  const next = samePassage[0] ?? related[0];
  return next ? bot.answerEntry(next.id, language) : undefined;
}

/** "Tell me more": a related entry; "and then?": the entry that comes next in the paper (else as "tell me more"). */
function sequel(bot: Bot, folded: string, previous: Entry, language: Language): Answer | undefined {
  if (MORE.test(folded)) return moreAbout(bot, previous, language);
  if (!NEXT.test(folded)) return undefined;
  const next = nextInPaper(bot.knowledge, previous);
  return next ? bot.answerEntry(next.id, language) : moreAbout(bot, previous, language);
}

/** The context to remember after `answer`. */
export function contextAfter(answer: Answer, now: Date): ConversationContext {
  return {
    ...(answer.decision === 'answer' && answer.entry ? { entryId: answer.entry.id } : {}),
    suggestions: answer.decision === 'suggest' ? answer.suggestions.map((s) => s.id) : [],
    at: now.toISOString(),
    ...(answer.language === 'fr' || answer.language === 'de' ? { language: answer.language } : {}),
    ...(answer.question === '' ? {} : { asked: answer.question.slice(0, MAX_ASKED_CHARS) }),
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
