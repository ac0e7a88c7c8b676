/**
 * Greetings, thanks and requests for help are not questions about the paper: they get a short
 * built-in reply and never an entry (an entry "matched" by "hi" would be a wrong answer).
 * A greeting that opens a real question ("hi, who wrote this?") is stripped, not answered.
 */
import { fold } from './text/normalize.js';

export type SmalltalkKind = 'greeting' | 'thanks' | 'help' | 'goodbye' | 'ack' | 'unclear';

const GREETING = '(?:hi|hello|hey|heya|hiya|yo|howdy|greetings|good (?:morning|afternoon|evening|day)|bonjour|bonsoir|coucou|hallo|salut|guten (?:morgen|tag|abend)|servus|moin|gruss gott|gruezi)';
const PATTERNS: readonly (readonly [SmalltalkKind, RegExp])[] = [
  ['greeting', new RegExp(`^${GREETING}(?: (?:there|bot|all|everyone|folks|team|you))?$`)],
  ['thanks', /^(?:(?:ok|okay|great|cool|perfect|awesome|nice) )?(?:thanks?|thank you|thank u|thx|ty|cheers|many thanks|merci|merci beaucoup|merci bien|danke|danke schon|danke sehr|vielen dank|besten dank)(?: (?:a lot|so much|very much|bot|mate|beaucoup|bien|dir|ihnen))?$/],
  ['help', /^(?:help|help me|\?|commands|usage|what can you do|what do you do|how does this work|how do (?:i|you) use (?:this|you|the bot)|who are you|what are you|what can i ask|what do you know|how to use|instructions|menu|aide|aide moi|aidez moi|que sais tu faire|que peux tu faire|hilfe|was kannst du|was kannst du tun|wie funktioniert das)$/],
  ['goodbye', /^(?:bye|goodbye|good bye|see you|see ya|cya|later|au revoir|a plus|a bientot|tschuss|auf wiedersehen|ciao|bis dann)$/],
  // Short social replies: never a question about the paper ("no thanks" is not "n°", "is it good?"
  // not "goods"). Follow-ups such as "why?" or "tell me more" are resolved from the conversation
  // before this is reached; without a previous answer they get the same short reply.
  ['ack', /^(?:ok|okay|k|kk|yes|yep|yeah|yup|no|nope|nah|no thanks?|no thank you|sure|fine|cool|great|nice|good|alright|all right|got it|i see|makes sense|interesting|wow|hmm+|lol|oui|non|non merci|d accord|dac|ok merci|super|parfait|ja|nein|nein danke|alles klar|gut|verstehe|passt)$/],
  ['unclear', /^(?:\d{1,2}|why|when|where|who|how|what|which|how much|how many|why not|why so|how come|really|more|tell me more|more please|go on|and|and then|so|then|what else|details|elaborate|is it good|is it any good|is that good|is that right|is that true|what about it|and what about it)$/],
];

/** The small-talk kind of `text`, or undefined for anything that should be matched. */
export function smalltalkKind(text: string): SmalltalkKind | undefined {
  const f = fold(text).replace(/ please$/, '');
  for (const [kind, pattern] of PATTERNS) if (pattern.test(f)) return kind;
  return undefined;
}

const LEADING_GREETING = /^\s*(?:hi|hello|hey|heya|hiya|yo|good (?:morning|afternoon|evening))\b[\s,!.:;-]*(?:there|bot|all|everyone)?[\s,!.:;-]*/i;

/** `text` without a greeting in front of a real question ("hey, who wrote it?" -> "who wrote it?"). */
export function stripGreeting(text: string): string {
  const rest = text.replace(LEADING_GREETING, '');
  return rest.trim() === '' ? text : rest;
}
