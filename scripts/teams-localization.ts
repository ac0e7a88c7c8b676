/**
 * The Teams app package's French and German strings. Teams replaces manifest strings by key
 * (`bots[0].commandLists[1].commands[2].description`), so a key names a position, not a command:
 * the packaged manifest has the prompt starters in front of the personal command list, which moves
 * every personal command along. The checked-in files (manifests/teams/fr.json, de.json) therefore
 * number the commands as manifests/teams/manifest.json does, and this module shifts those keys past
 * the starters and adds the starters' own keys, in the file's language.
 */
import { z } from 'zod';
import { languageOf, TRANSLATED, type Language } from '../src/core/lang/languages.js';

/** One language of the package besides English: its code and its file at the zip's root. */
export interface PackageLanguage {
  readonly language: Exclude<Language, 'en'>;
  readonly file: string;
}

/** What a localised prompt starter needs: the strings Teams shows and sends. */
export interface LocalizedStarter {
  readonly title: string;
  readonly description: string;
  readonly prompt: string;
}

const localizationInfo = z.object({
  localizationInfo: z.object({
    defaultLanguageTag: z.literal('en'),
    additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string().regex(/^[\w-]+\.json$/) })),
  }),
});

/** The additional languages manifest.json declares; throws for one the bot does not answer in. */
export function packageLanguages(manifest: unknown): PackageLanguage[] {
  const parsed = localizationInfo.safeParse(manifest);
  if (!parsed.success) {
    throw new Error('manifests/teams/manifest.json needs "localizationInfo" with defaultLanguageTag "en" and additionalLanguages [{ languageTag, file: "<name>.json" }]');
  }
  return parsed.data.localizationInfo.additionalLanguages.map(({ languageTag, file }) => {
    const language = languageOf(languageTag);
    if (language === undefined || language === 'en') {
      throw new Error(`manifests/teams/manifest.json declares the language "${languageTag}", which the bot does not answer in (${TRANSLATED.join(', ')})`);
    }
    return { language, file };
  });
}

/** The index of the personal-scope list in the first bot's commandLists (the only bot keys may name). */
export function personalListIndex(manifest: unknown): number {
  const parsed = z.object({ bots: z.array(z.object({ commandLists: z.array(z.object({ scopes: z.array(z.string()) })) })).min(1) }).safeParse(manifest);
  const index = parsed.success ? (parsed.data.bots[0]?.commandLists.findIndex((l) => l.scopes.includes('personal')) ?? -1) : -1;
  if (index < 0) throw new Error('manifests/teams/manifest.json needs a "personal" command list on its first bot');
  return index;
}

const COMMAND_KEY = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(.+)$/;

/**
 * The localisation strings of the packaged manifest: `strings` (numbered as the template is) with
 * the personal list's command keys moved past the `starters`, whose own keys come first.
 */
export function localizeStrings(strings: Readonly<Record<string, unknown>>, starters: readonly LocalizedStarter[], personalList: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const prefix = `bots[0].commandLists[${personalList}].commands`;
  const addStarters = (): void => {
    starters.forEach((s, i) => {
      out[`${prefix}[${i}].title`] = s.title;
      out[`${prefix}[${i}].description`] = s.description;
      out[`${prefix}[${i}].prompt`] = s.prompt;
    });
  };
  let added = false;
  for (const [key, value] of Object.entries(strings)) {
    const command = COMMAND_KEY.exec(key);
    if (command && Number(command[1]) === personalList) {
      if (!added) addStarters();
      added = true;
      out[`${prefix}[${Number(command[2]) + starters.length}].${command[3] ?? ''}`] = value;
    } else {
      out[key] = value;
    }
  }
  if (!added) addStarters();
  return out;
}
