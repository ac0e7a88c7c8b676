/**
 * `npm run package:teams`: fills the `${{NAME}}` placeholders of manifests/teams/manifest.json
 * from the environment (and .env), refuses to package a manifest with a placeholder left, a bot id
 * that is not a GUID or no privacy / terms URL of the deployer's own (never a silent default: the
 * foundation publishes the paper, it does not run this bot), adds the personal-scope prompt starters
 * from the knowledge topics' example questions, and writes dist/eu-china-bot-teams.zip with
 * manifest.json, the two icons and the localisation files its `localizationInfo` names (fr.json,
 * de.json, see teams-localization.ts) at its root, which is the layout Teams expects on upload.
 * A development tool, not the bot: it reads the environment itself (src/config.ts is the bot's).
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { config as readDotenv } from 'dotenv';
import { ZipFile } from 'yazl';
import { createBot, type TopicSummary } from '../src/core/bot.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { localizeStrings, packageLanguages, personalListIndex } from './teams-localization.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_DIR = join(ROOT, 'manifests', 'teams');
export const ZIP_PATH = join(ROOT, 'dist', 'eu-china-bot-teams.zip');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Env = Readonly<Record<string, string | undefined>>;

/** A bot command as the manifest declares it; `type: 'prompt'` commands are prompt starters. */
export interface ManifestCommand {
  readonly title: string;
  readonly description: string;
  readonly type?: 'basic' | 'prompt';
  readonly prompt?: string;
}

/** Prompt starters shown in personal chat; the personal command list holds at most 12 commands. */
export const MAX_PROMPT_STARTERS = 6;
/** The schema's limit on a command title. */
const MAX_COMMAND_TITLE = 128;

/** The placeholder values: BOT_ID from MicrosoftAppId / CLIENT_ID, TEAMS_APP_ID defaulting to it. */
export function manifestVariables(env: Env, appVersion: string): Record<string, string> {
  const value = (...names: string[]): string | undefined => names.map((n) => env[n]?.trim()).find((v) => v !== undefined && v !== '');
  const botId = value('MicrosoftAppId', 'CLIENT_ID', 'BOT_ID');
  if (!botId) throw new Error('MicrosoftAppId (or CLIENT_ID) is required to package the Teams app; set it in .env (see docs/teams.md)');
  const teamsAppId = value('TEAMS_APP_ID') ?? botId;
  for (const [name, id] of [['MicrosoftAppId', botId], ['TEAMS_APP_ID', teamsAppId]] as const) {
    if (!GUID.test(id)) throw new Error(`${name} must be a GUID such as 00000000-0000-0000-0000-000000000000, got "${id}"`);
  }
  const required = (name: string, what: string): string => {
    const url = value(name);
    if (!url) throw new Error(`${name} is required to package the Teams app: the address of your ${what} (Teams shows it on the app's page); set it in .env (see docs/teams.md)`);
    if (!/^https:\/\/[^\s/]+/.test(url)) throw new Error(`${name} must be an https:// URL, got "${url}"`);
    return url;
  };
  const privacy = required('TEAMS_PRIVACY_URL', 'privacy statement');
  const terms = required('TEAMS_TERMS_URL', 'terms of use');
  return {
    BOT_ID: botId,
    TEAMS_APP_ID: teamsAppId,
    APP_VERSION: value('APP_VERSION') ?? appVersion,
    APP_DEVELOPER_NAME: value('APP_DEVELOPER_NAME') ?? 'EU-China Bot',
    APP_WEBSITE_URL: value('APP_WEBSITE_URL') ?? 'https://www.robert-schuman.eu/en',
    TEAMS_PRIVACY_URL: privacy,
    TEAMS_TERMS_URL: terms,
  };
}

/**
 * One prompt starter per topic (its shortest English example question), in topic order, at most
 * MAX_PROMPT_STARTERS. With `local` (the same topics in another language) each starter is the
 * translation of that same entry, so a localised starter says what the English one in its place says.
 */
export function promptStarters(topics: readonly TopicSummary[], local: readonly TopicSummary[] = topics): ManifestCommand[] {
  return topics
    .flatMap((t) => {
      const [shortest] = [...t.examples].filter((e) => e.question.length <= MAX_COMMAND_TITLE).sort((a, b) => a.question.length - b.question.length);
      if (!shortest) return [];
      const topic = local.find((l) => l.id === t.id);
      const question = topic?.examples.find((e) => e.id === shortest.id)?.question;
      if (!topic || question === undefined) throw new Error(`topic "${t.id}": no translation of its example "${shortest.id}" for the prompt starters`);
      if (question.length > MAX_COMMAND_TITLE) throw new Error(`entry "${shortest.id}": "${question}" is longer than ${MAX_COMMAND_TITLE} characters, too long for a prompt starter; shorten it in knowledge/lang/`);
      return [{ title: question, description: topic.title, type: 'prompt' as const, prompt: question }];
    })
    .slice(0, MAX_PROMPT_STARTERS);
}

/** The filled manifest with the prompt starters first in its personal-scope command list. */
export function buildManifest(template: string, vars: Readonly<Record<string, string>>, topics: readonly TopicSummary[]): string {
  const manifest: unknown = JSON.parse(fillManifest(template, vars));
  const lists = personalCommandLists(manifest);
  if (lists.length !== 1) throw new Error('manifests/teams/manifest.json needs exactly one bot command list for the "personal" scope');
  const [personal] = lists;
  if (personal) personal.commands = [...promptStarters(topics), ...personal.commands];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A localisation file (manifests/teams/<lang>.json) for the packaged manifest: placeholders filled,
 * the personal commands' keys moved past the `starters` (that language's), the starters' keys added.
 */
export function buildLocalization(template: string, vars: Readonly<Record<string, string>>, starters: readonly ManifestCommand[], personalList: number): string {
  const strings: unknown = JSON.parse(fillManifest(template, vars));
  if (typeof strings !== 'object' || strings === null || Array.isArray(strings)) throw new Error('a Teams localisation file must hold one JSON object');
  const localized = starters.map((s) => ({ title: s.title, description: s.description, prompt: s.prompt ?? s.title }));
  return `${JSON.stringify(localizeStrings(Object.fromEntries(Object.entries(strings)), localized, personalList), null, 2)}\n`;
}

interface CommandList {
  scopes: unknown[];
  commands: unknown[];
}

function personalCommandLists(manifest: unknown): CommandList[] {
  if (typeof manifest !== 'object' || manifest === null || !('bots' in manifest) || !Array.isArray(manifest.bots)) return [];
  const lists: unknown[] = manifest.bots.flatMap((b: unknown) => (typeof b === 'object' && b !== null && 'commandLists' in b && Array.isArray(b.commandLists) ? b.commandLists : []));
  return lists.filter((l): l is CommandList => typeof l === 'object' && l !== null && 'scopes' in l && Array.isArray(l.scopes) && l.scopes.includes('personal') && 'commands' in l && Array.isArray(l.commands));
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

/** Writes the zip (each of `files`, by name, at the root) to `out`. */
export function writePackage(files: ReadonlyMap<string, Buffer>, out: string = ZIP_PATH): Promise<string> {
  mkdirSync(dirname(out), { recursive: true });
  const zip = new ZipFile();
  const mtime = new Date('2024-03-26T00:00:00Z'); // fixed, so the same input gives the same zip
  for (const [name, content] of files) zip.addBuffer(content, name, { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(out);
    stream.on('close', () => resolve(out)).on('error', reject);
    zip.outputStream.on('error', reject).pipe(stream);
  });
}

/** The package's files by name: the filled manifest, its localisation files and the icons from `dir`. */
export function packageFiles(env: Env, dir: string = MANIFEST_DIR): Map<string, Buffer> {
  const pkg: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '1.0.0';
  const vars = manifestVariables(env, version);
  const template = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const languages = packageLanguages(JSON.parse(template));
  for (const { language, file } of languages) {
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)} is missing: manifest.json's localizationInfo names it for "${language}"; add the file or remove the language`);
  }
  const bot = createBot({ knowledge: loadKnowledge(join(ROOT, 'knowledge')) });
  const topics = bot.topics(3);
  const manifest = buildManifest(template, vars, topics);
  const personal = personalListIndex(JSON.parse(manifest));
  const files = new Map([['manifest.json', Buffer.from(manifest, 'utf8')]]);
  for (const { language, file } of languages) {
    const strings = buildLocalization(readFileSync(join(dir, file), 'utf8'), vars, promptStarters(topics, bot.topics(3, language)), personal);
    files.set(file, Buffer.from(strings, 'utf8'));
  }
  for (const icon of ['color.png', 'outline.png']) files.set(icon, readFileSync(join(dir, icon)));
  return files;
}

/** The whole command: environment → filled manifest and localisation files → zip. */
export async function packageTeams(env: Env, out: string = ZIP_PATH, dir: string = MANIFEST_DIR): Promise<string> {
  return writePackage(packageFiles(env, dir), out);
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
