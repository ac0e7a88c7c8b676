/**
 * What kind of answer a question asks for, read from its question words: a time ("when", "what
 * year"), a place ("where"), a person or body ("who"), a number ("how many", "how much"), a length
 * of time or distance ("how long"), a reason ("why"), a forecast ("will ..."), an outcome ("what
 * was the outcome", "did they end up ..."), a content ("what did they discuss"). Other questions ("what", "does", keywords) have no type.
 * Two questions in one ask two kinds ("when was it founded and who presides it?": when, who).
 */
import { fold } from './normalize.js';

export type QuestionType = 'when' | 'date' | 'where' | 'who' | 'entity' | 'share' | 'quantity' | 'duration' | 'why' | 'future' | 'outcome' | 'content';

const PATTERNS: readonly (readonly [QuestionType, RegExp])[] = [
  // "how much does Beijing value ...", "how much substance ..." ask for a degree, not a number.
  // A share is a percentage: "what % of Russia's exports is energy" ("%" reads as "percent").
  ['share', /\b(what|which) (percent|percentage|share|proportion|fraction)\b|\bhow much of\b/],
  ['quantity', /\bhow many\b|\bhow much (is|are|was|were|has|have|had|will|money|value)\b|\bwhat (\w+ ){0,4}(price|prices|amount|sum|volume|quantity|rate|rates)\b|\bhow much (\w+ ){1,3}(did|does|do|was|were|is|are|has|have)\b/],
  ['duration', /\bhow long\b/],
  // A day or month is finer than a year: "on what date in 2020" is not answered by "in 2020".
  ['date', /\b(what|which) (exact )?(date|day|month)\b|\bwhen exactly\b/],
  // Not "when it comes to ...", "when making policy", "when the brands left, who ...".
  ['when', /\bwhen (is|are|was|were|do|does|did|will|would|has|have|had|precisely)\b|\b(what|which) year\b/],
  // A question's "where", not a relative one ("a pact where each side must help"): first, after a
  // pause or a conjunction, or before its verb.
  ['where', /(^|[.?!,;:()-] *|\b(and|so|but|or|then|ok|btw|also|exactly|pls|please|from|to) )where\b|\bwhere (is|are|was|were|do|does|did|can|could|will|would|has|have|had|s|exactly|precisely|else)\b/],
  ['who', /\b(who|whom)\b/],
  // Named things: "which chinese companies", "in which city", "which member states".
  ['entity', /\b(which|what) ((chinese|russian|european|eu|foreign|specific|other) )*(compan(y|ies)|firms?|countr(y|ies)|member states|states|cit(y|ies)|makers|carmakers|automakers|manufacturers|individuals|officials|entities|banks)\b/],
  ['why', /\bwhy\b/],
  ['future', /^(will|what will|how will)\b/],
  ['outcome', /\b(outcome|who won|did .* win|end up|ended up)\b/],
  // What was said or contained: "what did Xi and Zelensky discuss", "what was in the 13th package".
  // Also "what did xi say to zelensky" / "what did he tell him", but not "what does the paper say"
  // nor "what did borrell say about china's rise" (a quote on a subject, which an entry gives).
  ['content', /\b(discuss|discussed|discussing|talk(ed)? (about|abt)|what was said|what (exactly |precisely )?did (?!(the )?(paper|author|andrieu|text|report|study|document|article|it|this)\b)(\w+ ){1,4}(say|tell)\b(?! (about|abt|on|of|regarding)\b)|what (exactly|precisely) (\w+ ){1,4}(said|told)\b|agree(d)? on|contents?|which (specific )?(goods|products|sectors|measures)|what (\w+ ){0,2}measures|which articles|what (topics|subjects|issues) did|what (was|is|s|were) (actually |exactly )?in the)\b/],
];

/** The type of the first question word in `text`, or undefined. */
export function questionType(text: string): QuestionType | undefined {
  return questionTypes(text)[0];
}

/** Every type whose question words `text` has, the earliest first ("when was it founded and who presides it": when, who). */
export function questionTypes(text: string): readonly QuestionType[] {
  return typesIn(fold(text), PATTERNS);
}

/** The types whose patterns match `folded`, by where they first match (ties: the order of `patterns`). */
export function typesIn(folded: string, patterns: readonly (readonly [QuestionType, RegExp])[]): readonly QuestionType[] {
  const found: { type: QuestionType; at: number }[] = [];
  for (const [type, pattern] of patterns) {
    const at = folded.search(pattern);
    if (at >= 0) found.push({ type, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.type);
}

/** A number spelt out ("seven years of negotiations", "around forty times"). */
const NUMBER_WORD = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds?|thousands?|dozens?|millions?|billions?)\b/i;

/** A length of time or distance, with its unit, in digits or words ("2,257km", "seven years"). */
const SPAN = new RegExp(`(\\d[\\d,.]*|${NUMBER_WORD.source})\\s*(years?|months?|weeks?|days?|hours?|minutes?|decades?|km|kilomet)`, 'i');

const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;

/**
 * The types of question an entry answers: those its curated phrasings ask, plus a time when its
 * answer or quotes give a year or month, and a number or length when they give a figure.
 */
export function answerTypes(phrasings: readonly string[], facts: string): ReadonlySet<QuestionType> {
  const types = new Set<QuestionType>();
  for (const q of phrasings) {
    const t = questionType(q);
    if (t) types.add(t);
  }
  if (/\b(1[89]|20)\d\d\b/.test(facts) || MONTH.test(facts)) types.add('when');
  if (MONTH.test(facts)) types.add('date');
  if (/\d\s*(%|percent|per cent)/i.test(facts)) types.add('share');
  // A year is not an amount: "how much did China invest" is not answered by "dried up in 2022".
  if (/\d/.test(facts.replace(/\b(1[89]|20)\d\d\b/g, '')) || NUMBER_WORD.test(facts)) types.add('quantity');
  // A length of time or distance needs its unit: "26 April" says when, not how long.
  if (SPAN.test(facts) || /\b(19|20)\d\d\s*-\s*(19|20)\d\d\b/.test(facts)) types.add('duration');
  return types;
}
