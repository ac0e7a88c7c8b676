/**
 * zod schemas for the human-edited files in knowledge/. Entries are validated one by one (not as
 * a whole file) so that every error can name the entry it belongs to; cross-file checks such as
 * "each quote is verbatim in its paragraph" live in validate.ts.
 */
import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "putin-xi-meetings"');
const text = z.string().trim().min(1, 'must not be empty');

export const sourceSchema = z.object({
  title: text,
  series: text,
  number: z.number().int().positive(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date such as 2024-03-26'),
  author: text,
  authorRole: text,
  publisher: text,
  publishingDirector: text,
  issn: text,
  url: z.url(),
});

export const paperSchema = z.object({
  source: sourceSchema,
  sections: z.array(z.object({ id: slug, title: text })).min(1),
  paragraphs: z
    .array(
      z.object({
        id: slug,
        section: slug,
        footnotes: z.array(slug).optional(),
        text,
      }),
    )
    .min(1),
});

export const topicsSchema = z.object({
  topics: z.array(z.object({ id: slug, title: text })).min(1),
});

const aliasList = z.array(z.object({ canonical: text, variants: z.array(text).min(1) }));

export const aliasesSchema = z.object({
  aliases: aliasList,
  stopwords: z.array(text),
});

/** knowledge/vocabulary.yaml: chat shorthand and everyday paraphrases, merged into the aliases. */
export const vocabularySchema = z.object({
  shorthand: aliasList.default([]),
  paraphrases: aliasList.default([]),
  stopwords: z.array(text).default([]),
});

/** The wrapper of a Q&A file; entries are checked individually with `entrySchema`. */
export const qaFileSchema = z.object({ entries: z.array(z.unknown()).min(1, 'has no entries') });

export const MIN_ALTERNATES = 4;
export const MAX_QUOTE_CHARS = 300;

export const entrySchema = z.object({
  id: slug,
  question: text,
  alternates: z
    .array(text)
    .min(MIN_ALTERNATES, `needs at least ${MIN_ALTERNATES} alternates phrased as people really ask`),
  answer: text.refine((s) => sentenceCount(s) <= 3, 'must be 1-3 sentences'),
  citations: z
    .array(
      z.object({
        paragraph: slug,
        quote: text.max(MAX_QUOTE_CHARS, `must be at most ${MAX_QUOTE_CHARS} characters`),
      }),
    )
    .min(1, 'needs at least one citation'),
  topic: slug,
  related: z.array(slug).default([]),
  /** The entry that gives the paper's reason for this answer: where "why?" / "why not?" right after it goes. */
  because: slug.optional(),
  /** The entry that continues this answer: where "tell me more" / "anything else?" right after it goes. */
  more: slug.optional(),
  /**
   * Details people ask about this passage that the paper does not give: questions phrased as
   * people ask them, and a note that says so ("The paper does not list what each package contains.").
   */
  notGiven: z
    .array(
      z.object({
        asks: z.array(text).min(1, 'needs at least one question the paper does not answer'),
        note: text.refine((s) => /^The paper does not\b/.test(s), 'must start with "The paper does not"'),
      }),
    )
    .default([]),
});

export type EntryInput = z.infer<typeof entrySchema>;

/** Sentences counted on terminal punctuation followed by a space and a capital letter. */
function sentenceCount(s: string): number {
  const withoutAbbrev = s.replace(/\b(?:Mr|Mrs|Dr|Co|St)\./g, (m) => m.slice(0, -1));
  return withoutAbbrev.split(/[.!?]["”)]?\s+(?=[A-Z"“])/).length;
}

/** Phrasings per language in knowledge/lang/<code>/qa/*.yaml. */
export const MIN_TRANSLATED_ALTERNATES = 5;

/**
 * One entry in another language (knowledge/lang/<code>/qa/<file>.yaml): same id as the English
 * entry, phrasings written as native speakers ask, and an answer that reports the paper
 * faithfully. Quotes are not repeated: they stay the English original.
 */
export const translatedEntrySchema = z.object({
  id: slug,
  question: text,
  alternates: z
    .array(text)
    .min(MIN_TRANSLATED_ALTERNATES, `needs at least ${MIN_TRANSLATED_ALTERNATES} alternates phrased as people really ask`),
  answer: text.refine((s) => sentenceCount(s) <= 3, 'must be 1-3 sentences'),
  notGiven: z.array(z.object({ asks: z.array(text).min(1, 'needs at least one question'), note: text })).default([]),
});

/** knowledge/lang/<code>/topics.yaml: the topic titles in that language. */
export const translatedTopicsSchema = topicsSchema;

/**
 * knowledge/lang/<code>/vocabulary.yaml: aliases rewriting the language's words to the canonical
 * (English) forms the entries share, German compounds split into their parts, stop words added
 * to the kept list (stopwords-iso), and words of that list that must be kept.
 */
export const languageVocabularySchema = z.object({
  aliases: aliasList.default([]),
  compounds: aliasList.default([]),
  stopwords: z.array(text).default([]),
  keep: z.array(text).default([]),
});
