/**
 * The Teams manifest, validated offline against the official JSON schema bundled in
 * @microsoft/app-manifest (never fetched), the icons' sizes and colours, and the package layout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MESSAGES_PATH } from '../../../src/adapters/teams/app.js';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../../src/adapters/teams/messageExtension.js';
import { fillManifest, MANIFEST_DIR, manifestVariables, packageTeams } from '../../../scripts/package-teams.js';
import { readZip } from '../../helpers/teamsZip.js';
import { testTempDir } from '../../helpers/tmp.js';

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const APP = '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
const filled = fillManifest(template, manifestVariables({ MicrosoftAppId: APP }, '0.1.0'));

function officialSchema(version: string): Schema {
  const root = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  // The library's own schema file, typed by the library's own signature.
  const schema: Schema = JSON.parse(readFileSync(join(root, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
  return schema;
}

const png = (name: string): PNG => PNG.sync.read(readFileSync(join(MANIFEST_DIR, name)));

describe('Teams manifest', () => {
  it('is valid against the official schema of its manifest version (1.17 or later)', async () => {
    const manifest = TeamsManifestConverter.jsonToManifest(filled);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
    expect(await AppManifestUtils.validateAgainstSchema(manifest, officialSchema(manifest.manifestVersion))).toEqual([]);
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
    expect(bot?.commandLists?.flatMap((l) => l.commands.map((c) => c.title))).toEqual(['ask', 'help', 'topics', 'source', 'subscribe', 'unsubscribe', 'digest']);
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
    expect(manifestVariables({ CLIENT_ID: APP, TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555' }, '1.0.0')).toMatchObject({
      BOT_ID: APP,
      TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
    });
    expect(() => manifestVariables({}, '1.0.0')).toThrow(/MicrosoftAppId \(or CLIENT_ID\) is required/);
    expect(() => manifestVariables({ MicrosoftAppId: 'my-bot' }, '1.0.0')).toThrow(/must be a GUID/);
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
    await packageTeams({ MicrosoftAppId: APP }, out);
    const entries = readZip(readFileSync(out));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest: unknown = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '');
    expect(manifest).toMatchObject({ id: APP, bots: [{ botId: APP }] });
    expect(entries.get('color.png')?.equals(readFileSync(join(MANIFEST_DIR, 'color.png')))).toBe(true);
  });
});
