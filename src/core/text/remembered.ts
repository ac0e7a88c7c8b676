/**
 * One question is read many times over: folded whole by the tokenizer, the question type, small
 * talk and typo correction; each word stemmed for the search, the names and the terms, and looked
 * up in word lists that are searched in place (wordlists.ts). Profiles of `npm run bench` showed
 * that repetition as a third of a question's time, so these pure functions keep their recent
 * results; so do the matcher's root look-up and typo corrections (match/), the same few words
 * coming back in question after question.
 */

/**
 * `fn` with its last results kept: at most `size` of them, all forgotten at once when full (no
 * bookkeeping per call; a question's own repetitions still hit). Only for pure functions.
 */
export function remembered<T>(fn: (input: string) => T, size = 2000): (input: string) => T {
  const recent = new Map<string, T>();
  return (input) => {
    if (recent.has(input)) return recent.get(input) as T;
    const output = fn(input);
    if (recent.size >= size) recent.clear();
    recent.set(input, output);
    return output;
  };
}
