/**
 * The Teams manifest and its French and German localisation files, validated offline against the
 * official JSON schemas bundled in @microsoft/app-manifest (never fetched), the icons' sizes and
 * colours, and the package layout.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MESSAGES_PATH } from '../../../src/adapters/teams/app.js';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../../src/adapters/teams/messageExtension.js';
import { buildLocalization, buildManifest, MANIFEST_DIR, manifestVariables, packageFiles, packageTeams, promptStarters, fillManifest } from '../../../scripts/package-teams.js';
import { packageLanguages, personalListIndex } from '../../../scripts/teams-localization.js';
import { createBot } from '../../../src/core/bot.js';
import { parseCommand } from '../../../src/core/conversation/commands.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { readZip } from '../../helpers/teamsZip.js';
import { localizationErrors, newestBundledSchema, officialSchema } from '../../helpers/teamsSchema.js';
import { testTempDir } from '../../helpers/tmp.js';

const APP = '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const URLS = { TEAMS_PRIVACY_URL: 'https://bot.example.org/privacy', TEAMS_TERMS_URL: 'https://bot.example.org/terms' };
const ENV = { MicrosoftAppId: APP, ...URLS };
const bot = createBot({ knowledge: loadKnowledge('knowledge') });
const topics = bot.topics(3);
const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
const vars = manifestVariables(ENV, '0.1.0');
const filled = buildManifest(template, vars, topics);
const LANGS = ['fr', 'de'] as const;
const localeTemplate = (lang: string): string => readFileSync(join(MANIFEST_DIR, `${lang}.json`), 'utf8');
/** The localisation file as packaged: keys moved past that language's prompt starters. */
const packaged = (lang: (typeof LANGS)[number]): string =>
  buildLocalization(localeTemplate(lang), vars, promptStarters(topics, bot.topics(3, lang)), personalListIndex(JSON.parse(filled)));
const strings = (json: string): Map<string, unknown> => new Map(Object.entries(JSON.parse(json)));

/** The manifest value a localisation key names (`bots[0].commandLists[1].commands[2].title`), if any. */
function fieldAt(root: unknown, key: string): unknown {
  const steps = [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] ?? '') : Number(m[2])));
  return steps.reduce<unknown>((node, step) => {
    if (typeof step === 'number') return Array.isArray(node) ? node[step] : undefined;
    return typeof node === 'object' && node !== null && !Array.isArray(node) ? Object.entries(node).find(([k]) => k === step)?.[1] : undefined;
  }, root);
}

/** The keys of `localized` that name no string of `manifest` (a wrong name or an index out of range). */
function danglingKeys(manifest: unknown, localized: ReadonlyMap<string, unknown>): string[] {
  return [...localized.keys()].filter((key) => key !== '$schema' && typeof fieldAt(manifest, key) !== 'string');
}

const png = (name: string): PNG => PNG.sync.read(readFileSync(join(MANIFEST_DIR, name)));

describe('Teams manifest', () => {
  it('is on the newest schema @microsoft/app-manifest bundles, and valid against it offline', async () => {
    const manifest = TeamsManifestConverter.jsonToManifest(filled);
    expect(manifest.manifestVersion).toBe(newestBundledSchema());
    expect(JSON.parse(template)).toMatchObject({ $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${newestBundledSchema()}/MicrosoftTeams.schema.json` });
    expect(await AppManifestUtils.validateAgainstSchema(manifest, officialSchema(manifest.manifestVersion))).toEqual([]);
  });

  it('takes the privacy and terms URLs from configuration, refusing to package without them', () => {
    expect(TeamsManifestConverter.jsonToManifest(filled).developer).toMatchObject({ privacyUrl: URLS.TEAMS_PRIVACY_URL, termsOfUseUrl: URLS.TEAMS_TERMS_URL });
    expect(() => manifestVariables({ MicrosoftAppId: APP, TEAMS_TERMS_URL: URLS.TEAMS_TERMS_URL }, '1.0.0')).toThrow(/^TEAMS_PRIVACY_URL is required to package the Teams app: .*privacy statement.*\.env/);
    expect(() => manifestVariables({ MicrosoftAppId: APP, TEAMS_PRIVACY_URL: URLS.TEAMS_PRIVACY_URL }, '1.0.0')).toThrow(/^TEAMS_TERMS_URL is required/);
    expect(() => manifestVariables({ ...ENV, TEAMS_TERMS_URL: 'http://bot.example.org/terms' }, '1.0.0')).toThrow(/^TEAMS_TERMS_URL must be an https:\/\/ URL/);
    expect(template).not.toContain('robert-schuman.eu/en"');
  });

  it('offers prompt starters in personal chat, drawn from the example questions of the knowledge topics', () => {
    const lists = TeamsManifestConverter.jsonToManifest(filled).bots?.[0]?.commandLists ?? [];
    const personal = lists.find((l) => l.scopes.includes('personal'));
    const starters = promptStarters(topics);
    expect(starters.length).toBeGreaterThanOrEqual(3);
    expect(personal?.commands.slice(0, starters.length)).toEqual(starters);
    const examples = new Set(topics.flatMap((t) => t.examples.map((e) => e.question)));
    for (const s of starters) {
      expect(s).toMatchObject({ type: 'prompt' });
      expect(examples.has(s.title)).toBe(true);
      expect(s.prompt).toBe(s.title);
    }
    expect(personal?.commands.length).toBeLessThanOrEqual(12);
  });

  it('carries no "AI generated" label: the answers are curated quotes, not generated text', () => {
    expect(filled).not.toMatch(/AIGenerated|AI[ -]generated/i);
  });

  it('would be caught by that validation if it broke the schema', async () => {
    const broken = TeamsManifestConverter.jsonToManifest(filled.replace('"short": "EU-China Bot"', `"short": "${'x'.repeat(31)}"`));
    const errors = await AppManifestUtils.validateAgainstSchema(broken, officialSchema(broken.manifestVersion));
    expect(errors.join('\n')).toMatch(/\/name\/short/);
  });

  it('declares the bot in personal, team and group chat scopes with the ask, help, topics, source and digest commands', () => {
    const manifest = TeamsManifestConverter.jsonToManifest(filled);
    const [bot] = manifest.bots ?? [];
    expect(bot?.botId).toBe(APP);
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = (scope: string) => bot?.commandLists?.filter((l) => l.scopes.some((s) => s === scope)).flatMap((l) => l.commands.filter((c) => !('type' in c && c.type === 'prompt')).map((c) => c.title));
    expect(titles('team')).toEqual(['ask', 'help', 'topics', 'source', 'subscribe', 'unsubscribe', 'digest']);
    expect(titles('groupChat')).toEqual(titles('team'));
    expect(titles('personal')).toEqual(['help', 'topics', 'source', 'subscribe', 'unsubscribe', 'digest']);
  });

  it('declares the search command the adapter answers', () => {
    const [extension] = TeamsManifestConverter.jsonToManifest(filled).composeExtensions ?? [];
    const [command] = extension?.commands ?? [];
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query' });
    expect(command?.parameters?.map((p) => p.name)).toEqual([SEARCH_PARAMETER]);
    expect(MESSAGES_PATH).toBe('/api/messages');
  });

  it('takes its ids from placeholders and refuses to package with one missing or malformed', () => {
    expect(template).toContain('"id": "${{TEAMS_APP_ID}}"');
    expect(template).toContain('"botId": "${{BOT_ID}}"');
    expect(manifestVariables({ ...URLS, CLIENT_ID: APP, TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555' }, '1.0.0')).toMatchObject({
      BOT_ID: APP,
      TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
    });
    expect(() => manifestVariables(URLS, '1.0.0')).toThrow(/MicrosoftAppId \(or CLIENT_ID\) is required/);
    expect(() => manifestVariables({ ...URLS, MicrosoftAppId: 'my-bot' }, '1.0.0')).toThrow(/must be a GUID/);
    expect(() => fillManifest('{"a":"${{NOPE}}"}', {})).toThrow(/NOPE/);
  });

  it('ships a 192x192 full-colour icon and a 32x32 white-on-transparent outline', () => {
    const color = png('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    const alphas = new Set<number>();
    for (let i = 3; i < color.data.length; i += 4) alphas.add(color.data[i] ?? 0);
    expect([...alphas]).toEqual([255]);
    const outline = png('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if ((a ?? 0) > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    expect(opaque).toBeGreaterThan(50);
    expect(outline.data[3]).toBe(0); // a transparent corner
  });

  it('packages manifest.json, the icons and the French and German files at the root of the zip', async () => {
    const out = join(testTempDir('teams-zip-'), 'app.zip');
    await packageTeams(ENV, out);
    const entries = readZip(readFileSync(out));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'de.json', 'fr.json', 'manifest.json', 'outline.png']);
    for (const lang of LANGS) expect(entries.get(`${lang}.json`)?.toString('utf8')).toBe(packaged(lang));
    const manifest: unknown = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '');
    expect(manifest).toMatchObject({ id: APP, bots: [{ botId: APP }], developer: { privacyUrl: URLS.TEAMS_PRIVACY_URL } });
    expect(manifest).toEqual(JSON.parse(filled));
    expect(entries.get('color.png')?.equals(readFileSync(join(MANIFEST_DIR, 'color.png')))).toBe(true);
  });
});

/** Every command description of the manifest (bot commands, search command, its parameters) by localisation key. */
function commandDescriptions(json: string): Map<string, string | undefined> {
  const lists = TeamsManifestConverter.jsonToManifest(json).bots?.[0]?.commandLists ?? [];
  const [search] = TeamsManifestConverter.jsonToManifest(json).composeExtensions?.[0]?.commands ?? [];
  return new Map<string, string | undefined>([
    ...lists.flatMap((l, i) => l.commands.map((c, j) => [`bots[0].commandLists[${i}].commands[${j}].description`, c.description] as const)),
    ['composeExtensions[0].commands[0].description', search?.description],
    ...(search?.parameters ?? []).map((p, k) => [`composeExtensions[0].commands[0].parameters[${k}].description`, p.description] as const),
  ]);
}

describe('Teams localisation files', () => {
  const manifest: unknown = JSON.parse(filled);
  const englishStarters = promptStarters(topics);

  it('are declared for French and German, by file name at the root of the package', () => {
    expect(JSON.parse(template)).toMatchObject({
      localizationInfo: { defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'fr', file: 'fr.json' }, { languageTag: 'de', file: 'de.json' }] },
    });
    expect(packageLanguages(manifest)).toEqual([{ language: 'fr', file: 'fr.json' }, { language: 'de', file: 'de.json' }]);
  });

  it('are valid against the bundled Localization schema offline, as checked in and as packaged', async () => {
    for (const lang of LANGS) {
      expect(await localizationErrors(localeTemplate(lang))).toEqual([]);
      expect(await localizationErrors(packaged(lang))).toEqual([]);
    }
  });

  it('would be caught by that validation if a string broke the schema', async () => {
    const errors = await localizationErrors(packaged('fr').replace('"name.short": "Bot UE-Chine"', `"name.short": "${'x'.repeat(31)}"`));
    expect(errors.join('\n')).toMatch(/\/name\.short/);
  });

  it('localise only fields the packaged manifest has, every index in range', () => {
    for (const lang of LANGS) expect(danglingKeys(manifest, strings(packaged(lang)))).toEqual([]);
    const wrong = new Map([...strings(packaged('de')), ['bots[0].commandLists[1].commands[12].description', 'x'], ['composeExtensions[0].commands[0].parameters[1].title', 'x'], ['name.shrot', 'x']]);
    expect(danglingKeys(manifest, wrong)).toEqual(['bots[0].commandLists[1].commands[12].description', 'composeExtensions[0].commands[0].parameters[1].title', 'name.shrot']);
  });

  it('translate every command description of both lists and the search command in both languages', () => {
    const english = commandDescriptions(filled);
    expect(english.size).toBe(7 + englishStarters.length + 6 + 2); // team list, prompt starters, personal commands, search command and its field
    for (const lang of LANGS) {
      const localized = strings(packaged(lang));
      for (const [key, text] of english) {
        expect(localized.get(key), `${lang}: ${key}`).toEqual(expect.stringMatching(/\S/));
        expect(localized.get(key), `${lang}: ${key} is still English`).not.toBe(text);
      }
      for (const key of ['composeExtensions[0].commands[0].title', 'composeExtensions[0].commands[0].parameters[0].title', 'name.short', 'description.full']) expect(localized.has(key), `${lang}: ${key}`).toBe(true);
    }
  });

  it('title each command with a word the bot reads as that command: the English one, or its own word in that language', () => {
    const lists = TeamsManifestConverter.jsonToManifest(filled).bots?.[0]?.commandLists ?? [];
    for (const lang of LANGS) {
      const localized = strings(packaged(lang));
      // What typing `word` does; a view asked for in English words follows the user's locale, here `lang`.
      const read = (word: unknown): unknown => {
        const command = parseCommand(String(word));
        return command.kind === 'view' ? { ...command, language: command.language ?? lang } : command;
      };
      lists.forEach((l, i) => l.commands.forEach((c, j) => {
        if ('type' in c && c.type === 'prompt') return;
        const title = localized.get(`bots[0].commandLists[${i}].commands[${j}].title`);
        expect(read(title), `${lang}: "${String(title)}" for ${c.title}`).toEqual(read(c.title));
      }));
    }
    expect(strings(packaged('fr')).get('bots[0].commandLists[0].commands[2].title')).toBe('thèmes');
    expect(strings(packaged('de')).get('bots[0].commandLists[0].commands[0].title')).toBe('ask');
  });

  it('offer the same prompt starters in each language: the English questions translated, answered in that language', () => {
    const personal = personalListIndex(manifest);
    for (const lang of LANGS) {
      const localized = strings(packaged(lang));
      const titles = bot.topics(3, lang).map((t) => t.title);
      englishStarters.forEach((english, i) => {
        const key = (field: string): unknown => localized.get(`bots[0].commandLists[${personal}].commands[${i}].${field}`);
        const prompt = key('prompt');
        expect(typeof prompt).toBe('string');
        expect(key('title')).toBe(prompt);
        expect(titles).toContain(key('description'));
        const answer = bot.ask(String(prompt));
        expect({ decision: answer.decision, language: answer.language, entry: answer.entry?.id }).toEqual({ decision: 'answer', language: lang, entry: bot.ask(english.title).entry?.id });
      });
      expect(localized.has(`bots[0].commandLists[${personal}].commands[${englishStarters.length}].prompt`)).toBe(false);
    }
  });

  it('get their placeholders filled when packaged, and refuse an unknown one', () => {
    expect(JSON.parse(buildLocalization('{"name.full": "${{APP_DEVELOPER_NAME}}"}', vars, [], 1))).toEqual({ 'name.full': 'EU-China Bot' });
    expect(() => buildLocalization('{"name.full": "${{NOPE}}"}', vars, [], 1)).toThrow(/NOPE/);
    for (const lang of LANGS) expect(packaged(lang)).not.toContain('${{');
  });

  it('stop packaging, naming the file, when one the manifest declares is missing', () => {
    const dir = testTempDir('teams-l10n-');
    cpSync(MANIFEST_DIR, dir, { recursive: true });
    rmSync(join(dir, 'de.json'));
    expect(() => packageFiles(ENV, dir)).toThrow(/de\.json is missing: manifest\.json's localizationInfo names it for "de"/);
  });
});
