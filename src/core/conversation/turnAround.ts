/**
 * "And the other way round?": the last question with its two actors swapped ("European exports
 * to China" -> "Chinese exports to Europe"), form for form (noun, adjective, possessive, city).
 * English only: French and German adjectives agree in gender and number, so a swap needs more
 * than a table (an "et l'inverse ?" is read with the previous question like any follow-up).
 * Bag-of-words matching cannot see which way a question runs, so the turned question is asked
 * again rather than guessed from the follow-up's words.
 */

/** A follow-up that carries on the last one ("and the EU?", "what about Russia?"). */
export const CONTINUES = /^(?:and|but|so|also|what about|how about|et|mais|donc|alors|quid|und|aber|was ist mit|wie steht es mit)\b/;
export const REVERSE = /^(?:and |but |what about |how about )?(?:the other way (?:round|around)|vice versa|the reverse|conversely|reversed)$/;

// The actors a question can be turned around on: each form with the form it swaps to in the other group
// (noun, adjective, possessive, city); "EU" reads as the noun.
type Slot = 'noun' | 'adjective' | 'possessive' | 'city';
const ACTORS: readonly Readonly<Record<Slot, string> & { readonly also?: readonly (readonly [string, Slot])[] }>[] = [
  { noun: 'China', adjective: 'Chinese', possessive: "China's", city: 'Beijing' },
  { noun: 'Russia', adjective: 'Russian', possessive: "Russia's", city: 'Moscow' },
  { noun: 'Europe', adjective: 'European', possessive: "Europe's", city: 'Brussels', also: [['EU', 'noun'], ["EU's", 'possessive']] },
  // Not "US": matched without case, it is also "us".
  { noun: 'the United States', adjective: 'American', possessive: "America's", city: 'Washington' },
];

/** Whether `followUp` names the first two actors of `asked` the other way round ("and china to russia?" after "what does russia export to china?"). */
export function turnsAround(followUp: string, asked: string): boolean {
  const [a, b] = actorsIn(asked);
  const [c, d] = actorsIn(followUp);
  return a !== undefined && b !== undefined && c === b && d === a;
}

const SLOTS: readonly Slot[] = ['noun', 'adjective', 'possessive', 'city'];
const ACTOR_FORMS = ACTORS.flatMap((group, g) => [...SLOTS.map((slot) => [group[slot], slot] as const), ...(group.also ?? [])].map(([form, slot]) => ({ form, g, slot })));
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ACTOR_PATTERN = new RegExp(`(?<![\\p{L}'])(${ACTOR_FORMS.map((x) => escape(x.form)).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}'])`, 'giu');
const actorOf = (form: string) => ACTOR_FORMS.find((x) => x.form.toLowerCase() === form.toLowerCase());
/** The actor groups `text` names, in order of first mention. */
const actorsIn = (text: string): number[] => [...new Set([...text.matchAll(ACTOR_PATTERN)].flatMap((m) => actorOf(m[1] ?? '')?.g ?? []))];

/** `text` with its first two actors swapped, form for form ("European exports to China" -> "Chinese exports to Europe"); undefined with fewer than two. */
export function swapActors(text: string): string | undefined {
  const [a, b] = actorsIn(text);
  if (a === undefined || b === undefined) return undefined;
  return text.replace(ACTOR_PATTERN, (m) => {
    const hit = actorOf(m);
    const other = hit && (hit.g === a || hit.g === b) ? ACTORS[hit.g === a ? b : a] : undefined;
    return other && hit ? other[hit.slot] : m;
  });
}

