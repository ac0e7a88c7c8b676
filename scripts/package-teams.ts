/**
 * `npm run package:teams`: fills the `${{NAME}}` placeholders of manifests/teams/manifest.json
 * from the environment (and .env), refuses to package a manifest with a placeholder left or a
 * bot id that is not a GUID, and writes dist/eu-china-bot-teams.zip with manifest.json and the
 * two icons at its root, which is the layout Teams expects when the app is uploaded.
 * A development tool, not the bot: it reads the environment itself (src/config.ts is the bot's).
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { config as readDotenv } from 'dotenv';
import { ZipFile } from 'yazl';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_DIR = join(ROOT, 'manifests', 'teams');
export const ZIP_PATH = join(ROOT, 'dist', 'eu-china-bot-teams.zip');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Env = Readonly<Record<string, string | undefined>>;

/** The placeholder values: BOT_ID from MicrosoftAppId / CLIENT_ID, TEAMS_APP_ID defaulting to it. */
export function manifestVariables(env: Env, appVersion: string): Record<string, string> {
  const value = (...names: string[]): string | undefined => names.map((n) => env[n]?.trim()).find((v) => v !== undefined && v !== '');
  const botId = value('MicrosoftAppId', 'CLIENT_ID', 'BOT_ID');
  if (!botId) throw new Error('MicrosoftAppId (or CLIENT_ID) is required to package the Teams app; set it in .env (see docs/teams.md)');
  const teamsAppId = value('TEAMS_APP_ID') ?? botId;
  for (const [name, id] of [['MicrosoftAppId', botId], ['TEAMS_APP_ID', teamsAppId]] as const) {
    if (!GUID.test(id)) throw new Error(`${name} must be a GUID such as 00000000-0000-0000-0000-000000000000, got "${id}"`);
  }
  const site = value('APP_WEBSITE_URL') ?? 'https://www.robert-schuman.eu/en';
  return {
    BOT_ID: botId,
    TEAMS_APP_ID: teamsAppId,
    APP_VERSION: value('APP_VERSION') ?? appVersion,
    APP_DEVELOPER_NAME: value('APP_DEVELOPER_NAME') ?? 'EU-China Bot',
    APP_WEBSITE_URL: site,
    APP_PRIVACY_URL: value('APP_PRIVACY_URL') ?? site,
    APP_TERMS_URL: value('APP_TERMS_URL') ?? site,
  };
}

/** `template` with every placeholder replaced (JSON-escaped); throws naming any left unfilled. */
export function fillManifest(template: string, vars: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(v).slice(1, -1);
  });
  if (missing.size > 0) throw new Error(`No value for manifest placeholder(s): ${[...missing].join(', ')}`);
  return filled;
}

/** Writes the zip (manifest.json, color.png, outline.png at the root) to `out`. */
export function writePackage(manifestJson: string, out: string = ZIP_PATH): Promise<string> {
  mkdirSync(dirname(out), { recursive: true });
  const zip = new ZipFile();
  const mtime = new Date('2024-03-26T00:00:00Z'); // fixed, so the same input gives the same zip
  zip.addBuffer(Buffer.from(manifestJson, 'utf8'), 'manifest.json', { mtime });
  for (const icon of ['color.png', 'outline.png']) zip.addBuffer(readFileSync(join(MANIFEST_DIR, icon)), icon, { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(out);
    stream.on('close', () => resolve(out)).on('error', reject);
    zip.outputStream.on('error', reject).pipe(stream);
  });
}

/** The whole command: environment → filled manifest → zip. */
export async function packageTeams(env: Env, out: string = ZIP_PATH): Promise<string> {
  const pkg: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '1.0.0';
  const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
  const manifest = fillManifest(template, manifestVariables(env, version));
  JSON.parse(manifest); // a value that broke the JSON would be caught here, not by Teams
  return writePackage(manifest, out);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  readDotenv({ quiet: true });
  packageTeams(process.env).then(
    (path) => process.stdout.write(`wrote ${path}: upload it in Teams (Apps > Manage your apps > Upload an app)\n`),
    (error: unknown) => {
      process.stderr.write(`package:teams failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
