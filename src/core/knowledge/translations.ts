/**
 * Reads the French and German overlays in knowledge/lang/<code>/ (qa/*.yaml, topics.yaml,
 * vocabulary.yaml) onto the English entries and topics, and reports what is missing by file,
 * entry and language, so a curator sees at once which entry lacks which language.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { KnowledgeIssue } from '../errors.js';
import { foldGerman } from '../text/fold.js';
import { stopwordsFor } from '../lang/stopwords.js';
import type { Entry, EntryText, LanguageVocabulary, Topic, TranslatedLanguage } from '../types.js';
import { languageVocabularySchema, qaFileSchema, translatedEntrySchema, translatedTopicsSchema } from './schema.js';

export const LANGUAGE_LABELS: Readonly<Record<TranslatedLanguage, string>> = { fr: 'French (fr)', de: 'German (de)' };

/** How each language's notGiven notes must start ("The paper does not ..." in English). */
export const NOT_GIVEN_OPENINGS: Readonly<Record<TranslatedLanguage, RegExp>> = {
  fr: /^Le document ne\b/,
  de: /^Das Papier\b/,
};

export interface Reader {
  /** Parses and checks one file; undefined (with issues recorded) when it cannot be used. */
  checked<S extends z.ZodType>(path: string, file: string, schema: S): z.infer<S> | undefined;
  rel(path: string): string;
}

export interface Overlay {
  readonly entries: Entry[];
  readonly topics: Topic[];
  readonly languages: Partial<Record<TranslatedLanguage, LanguageVocabulary>>;
}

/** The English entries and topics with their translations, and each language's vocabulary. */
export function readOverlays(dir: string, entries: readonly Entry[], topics: readonly Topic[], read: Reader, issues: KnowledgeIssue[]): Overlay {
  let out: Overlay = { entries: [...entries], topics: [...topics], languages: {} };
  for (const lang of ['fr', 'de'] as const) out = readLanguage(join(dir, 'lang', lang), lang, out, read, issues);
  return out;
}

function readLanguage(dir: string, lang: TranslatedLanguage, base: Overlay, read: Reader, issues: KnowledgeIssue[]): Overlay {
  const label = LANGUAGE_LABELS[lang];
  const texts = readTexts(join(dir, 'qa'), lang, read, issues);
  const englishIds = new Set(base.entries.map((e) => e.id));
  for (const [id, t] of texts) if (!englishIds.has(id)) issues.push({ file: t.file, entry: id, message: `is not an English entry id (every ${label} entry translates one in knowledge/qa/)` });
  const entries = base.entries.map((e): Entry => {
    const t = texts.get(e.id);
    if (!t) {
      issues.push({ file: read.rel(join(dir, 'qa', e.file.split('/').pop() ?? '')), entry: e.id, message: `has no ${label} translation` });
      return e;
    }
    checkText(e, t, lang, issues);
    return { ...e, translations: { ...e.translations, [lang]: t } };
  });
  const topics = readTitles(join(dir, 'topics.yaml'), lang, base.topics, read, issues);
  const vocabFile = join(dir, 'vocabulary.yaml');
  const vocab = existsSync(vocabFile) ? read.checked(vocabFile, read.rel(vocabFile), languageVocabularySchema) : undefined;
  const keep = new Set((vocab?.keep ?? []).map(foldGerman));
  const languages = {
    ...base.languages,
    [lang]: {
      aliases: [...(vocab?.aliases ?? []), ...(vocab?.compounds ?? [])],
      stopwords: [...stopwordsFor(lang).filter((w) => !keep.has(foldGerman(w))), ...(vocab?.stopwords ?? [])],
    },
  };
  return { entries, topics, languages };
}

function readTitles(file: string, lang: TranslatedLanguage, base: readonly Topic[], read: Reader, issues: KnowledgeIssue[]): Topic[] {
  const label = LANGUAGE_LABELS[lang];
  if (!existsSync(file)) {
    issues.push({ file: read.rel(file), message: `is missing: every topic needs a ${label} title` });
    return [...base];
  }
  const titles = read.checked(file, read.rel(file), translatedTopicsSchema);
  const byId = new Map((titles?.topics ?? []).map((t) => [t.id, t.title]));
  return base.map((t): Topic => {
    const title = byId.get(t.id);
    if (title !== undefined) return { ...t, titles: { ...t.titles, [lang]: title } };
    if (titles) issues.push({ file: read.rel(file), message: `topic "${t.id}" has no ${label} title` });
    return t;
  });
}

function readTexts(dir: string, lang: TranslatedLanguage, read: Reader, issues: KnowledgeIssue[]): Map<string, EntryText> {
  const texts = new Map<string, EntryText>();
  if (!existsSync(dir)) {
    issues.push({ file: read.rel(dir), message: `the ${LANGUAGE_LABELS[lang]} Q&A folder is missing` });
    return texts;
  }
  for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = read.rel(join(dir, f));
    const wrapper = read.checked(join(dir, f), file, qaFileSchema);
    wrapper?.entries.forEach((raw, index) => {
      const result = translatedEntrySchema.safeParse(raw);
      if (!result.success) {
        const entry = raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id : `entry #${index + 1}`;
        for (const issue of result.error.issues) issues.push({ file, entry, message: `${LANGUAGE_LABELS[lang]}: ${issue.path.join('.') || '(entry)'}: ${issue.message}` });
        return;
      }
      const t = result.data;
      if (texts.has(t.id)) issues.push({ file, entry: t.id, message: `is translated twice into ${LANGUAGE_LABELS[lang]}` });
      texts.set(t.id, { question: t.question, alternates: t.alternates, answer: t.answer.replace(/\s+/g, ' ').trim(), notGiven: t.notGiven, file });
    });
  }
  return texts;
}

/** Numbers as written: "2,257", "26.3", "2 257", "26,3", "2.257". */
const NUMBER = /\d+(?:[\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)*/g;

/** The values of the English text's numbers: "2,257km" is 2257, "26.3%" is 26.3. */
export function englishFigures(text: string): number[] {
  return (text.match(NUMBER) ?? []).map((n) => Number(n.replace(/[\s\u00a0\u202f]/g, '').replace(/,(?=\d{3}\b)/g, '')));
}

/** The values a French or German number may have: "2 257" / "2.257" is 2257, "26,3" is 26.3 (and "26.3" as in English). */
export function translatedFigures(text: string): number[][] {
  return (text.match(NUMBER) ?? []).map((n) => {
    const bare = n.replace(/[\s\u00a0\u202f]/g, '');
    const local = Number(bare.replace(/\.(?=\d{3}\b)/g, '').replace(',', '.'));
    return [local, Number(bare.replace(/,(?=\d{3}\b)/g, ''))];
  });
}

/** A translation must give every figure of the English answer and its notGiven notes, one for one. */
function checkText(e: Entry, t: EntryText, lang: TranslatedLanguage, issues: KnowledgeIssue[]): void {
  const label = LANGUAGE_LABELS[lang];
  const at = (message: string): void => void issues.push({ file: t.file, entry: e.id, message });
  const have = translatedFigures(t.answer);
  const missing = englishFigures(e.answer).filter((n) => {
    const i = have.findIndex((values) => values.includes(n));
    if (i < 0) return true;
    have.splice(i, 1);
    return false;
  });
  if (missing.length > 0) at(`${label} answer lacks the figure(s) ${missing.join(', ')} of the English answer`);
  const english = e.notGiven ?? [];
  const translated = t.notGiven ?? [];
  if (english.length !== translated.length) at(`${label} has ${translated.length} notGiven note(s), English has ${english.length}`);
  translated.forEach((n, i) => {
    if (!NOT_GIVEN_OPENINGS[lang].test(n.note)) at(`${label} notGiven[${i}].note must start with "${NOT_GIVEN_OPENINGS[lang].source.slice(1, -2)}"`);
  });
}
