/**
 * The Teams manifest, validated offline against the official JSON schema bundled in
 * @microsoft/app-manifest (never fetched), the icons' sizes and colours, and the package layout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MESSAGES_PATH } from '../../../src/adapters/teams/app.js';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../../src/adapters/teams/messageExtension.js';
import { buildManifest, MANIFEST_DIR, manifestVariables, packageTeams, promptStarters, fillManifest } from '../../../scripts/package-teams.js';
import { createBot } from '../../../src/core/bot.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { readZip } from '../../helpers/teamsZip.js';
import { testTempDir } from '../../helpers/tmp.js';

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const APP = '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const URLS = { TEAMS_PRIVACY_URL: 'https://bot.example.org/privacy', TEAMS_TERMS_URL: 'https://bot.example.org/terms' };
const ENV = { MicrosoftAppId: APP, ...URLS };
const topics = createBot({ knowledge: loadKnowledge('knowledge') }).topics(3);
const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
const filled = buildManifest(template, manifestVariables(ENV, '0.1.0'), topics);
/** The newest Teams schema bundled in @microsoft/app-manifest, e.g. "1.30". */
function newestBundledSchema(): string {
  const root = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const versions = readdirSync(join(root, 'build', 'json-schemas', 'teams')).flatMap((d) => (/^v1\.\d+$/.test(d) ? [d.slice(1)] : []));
  return versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1) ?? '';
}

function officialSchema(version: string): Schema {
  const root = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  // The library's own schema file, typed by the library's own signature.
  const schema: Schema = JSON.parse(readFileSync(join(root, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
  return schema;
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

  it('packages manifest.json and the icons at the root of the zip', async () => {
    const out = join(testTempDir('teams-zip-'), 'app.zip');
    await packageTeams(ENV, out);
    const entries = readZip(readFileSync(out));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest: unknown = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '');
    expect(manifest).toMatchObject({ id: APP, bots: [{ botId: APP }], developer: { privacyUrl: URLS.TEAMS_PRIVACY_URL } });
    expect(manifest).toEqual(JSON.parse(filled));
    expect(entries.get('color.png')?.equals(readFileSync(join(MANIFEST_DIR, 'color.png')))).toBe(true);
  });
});
