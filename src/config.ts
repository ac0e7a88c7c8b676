/**
 * The only reader of process.env. Variables are validated with zod, an empty value counts as
 * unset (as in a freshly copied .env.example), and every error names the variable and where to
 * set it. The result is frozen; secrets are never logged (see `describeConfig`).
 */
import { z } from 'zod';
import { ConfigError } from './core/errors.js';
import { digestLanguage } from './core/digest/language.js';
import { canonicalTimeZone, parseTime } from './core/digest/time.js';
import type { Language } from './core/lang/languages.js';

const optional = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());
const port = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number().int().min(0).max(65535).default(3978),
);

const envSchema = z.object({
  KNOWLEDGE_DIR: optional,
  PAPER_URL: optional.pipe(z.url().optional()),
  LOG_LEVEL: optional.pipe(z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
  PORT: port,
  DATA_DIR: optional,
  DATABASE_URL: optional,
  PSEUDONYM_SALT: optional,
  DIGEST_TIME: optional,
  DIGEST_TZ: optional,
  DIGEST_LANGUAGE: optional,
  DIGEST_SLACK_CHANNELS: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: optional.pipe(z.url().optional()),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: optional,
  CLIENT_ID: optional,
  CLIENT_SECRET: optional,
  TENANT_ID: optional,
  TEAMS_LOCAL: optional.pipe(z.enum(['0', '1', 'true', 'false']).optional()),
});

export interface Config {
  readonly knowledgeDir: string;
  readonly paperUrl: string | undefined;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly port: number;
  readonly dataDir: string;
  /** DATABASE_URL and PSEUDONYM_SALT: the shared PostgreSQL store; undefined means SQLite in DATA_DIR. */
  readonly database: DatabaseConfig | undefined;
  /** Daily digest defaults and the Slack channels subscribed by configuration. */
  readonly digest: DigestConfig;
  readonly slack: { readonly botToken: string; readonly appToken?: string; readonly signingSecret?: string; readonly apiUrl?: string } | undefined;
  /** Bot Framework credentials for Teams; undefined when no app id is set. */
  readonly teams: TeamsConfig | undefined;
  /** TEAMS_LOCAL=1: serve /api/messages without authentication (local testing only). */
  readonly teamsLocal: boolean;
}

export interface DigestConfig {
  /** DIGEST_TIME, `HH:MM` (default 09:00). */
  readonly time: string;
  /** DIGEST_TZ, a canonical IANA zone (default UTC). */
  readonly timeZone: string;
  /** DIGEST_LANGUAGE, en / fr / de (default en): the language of a digest whose `subscribe` named none. */
  readonly language: Language;
  /** DIGEST_SLACK_CHANNELS: Slack channel ids subscribed at the defaults on first start. */
  readonly slackChannels: readonly string[];
}

export interface DatabaseConfig {
  /** postgres:// or postgresql:// URL; it holds the password, so never log it (see redactUrl). */
  readonly url: string;
  /** The salt every replica hashes people's ids with; kept out of the database. */
  readonly pseudonymSalt: string;
}

export interface TeamsConfig {
  readonly appId: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly appPassword?: string;
  readonly tenantId?: string;
}

const WHERE = 'set it in .env (see .env.example) or in the environment';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses `env` (process.env by default); throws ConfigError naming the bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}; ${WHERE}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    knowledgeDir: e.KNOWLEDGE_DIR ?? 'knowledge',
    paperUrl: e.PAPER_URL,
    logLevel: e.LOG_LEVEL ?? 'info',
    port: e.PORT,
    dataDir: e.DATA_DIR ?? 'data',
    database: databaseConfig(e),
    digest: digestConfig(e),
    slack: slackConfig(e),
    teams: teamsConfig(e),
    teamsLocal: e.TEAMS_LOCAL === '1' || e.TEAMS_LOCAL === 'true',
  });
}

function slackConfig(e: z.infer<typeof envSchema>): Config['slack'] {
  if (!e.SLACK_BOT_TOKEN) {
    if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
      throw new ConfigError(`SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set; ${WHERE}`);
    }
    return undefined;
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      `SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode); ${WHERE}`,
    );
  }
  return Object.freeze({
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
  });
}

/**
 * MicrosoftAppId & co., or the newer CLIENT_ID / CLIENT_SECRET / TENANT_ID names. A tenant id means
 * SingleTenant; there is no silent MultiTenant default, since new Azure Bot resources no longer offer it.
 */
function teamsConfig(e: z.infer<typeof envSchema>): Config['teams'] {
  const pick = (name: string, a: string | undefined, alt: string, b: string | undefined): string | undefined => {
    if (a && b && a !== b) throw new ConfigError(`${name} and ${alt} are both set and differ; keep one of them; ${WHERE}`);
    return a ?? b;
  };
  const appId = pick('MicrosoftAppId', e.MicrosoftAppId, 'CLIENT_ID', e.CLIENT_ID);
  const appPassword = pick('MicrosoftAppPassword', e.MicrosoftAppPassword, 'CLIENT_SECRET', e.CLIENT_SECRET);
  const tenantId = pick('MicrosoftAppTenantId', e.MicrosoftAppTenantId, 'TENANT_ID', e.TENANT_ID);
  if (!appId) {
    if (appPassword || tenantId || e.MicrosoftAppType) {
      throw new ConfigError(`MicrosoftAppId (or CLIENT_ID) is required when the other Microsoft* / CLIENT_* / TENANT_ID variables are set; ${WHERE}`);
    }
    return undefined;
  }
  if (!GUID.test(appId)) {
    throw new ConfigError(
      `MicrosoftAppId (or CLIENT_ID) must be a GUID such as 00000000-0000-0000-0000-000000000000: copy the Microsoft App ID from the Azure Bot resource (Settings > Configuration); ${WHERE}`,
    );
  }
  const appType = e.MicrosoftAppType ?? (tenantId ? 'SingleTenant' : undefined);
  if (!appType) {
    throw new ConfigError(
      `MicrosoftAppTenantId (or TENANT_ID) is required: new Azure Bot resources are single-tenant (MultiTenant is no longer offered for new Azure Bot resources), so set it to the Directory (tenant) ID shown on the bot's Configuration page; for an existing multi-tenant bot set MicrosoftAppType=MultiTenant; ${WHERE}`,
    );
  }
  if (appType !== 'UserAssignedMSI' && !appPassword) {
    throw new ConfigError(`MicrosoftAppPassword (or CLIENT_SECRET) is required for MicrosoftAppType=${appType}; ${WHERE}`);
  }
  if (appType !== 'MultiTenant' && !tenantId) {
    throw new ConfigError(`MicrosoftAppTenantId (or TENANT_ID) is required for MicrosoftAppType=${appType}; ${WHERE}`);
  }
  return Object.freeze({
    appId,
    appType,
    ...(appPassword ? { appPassword } : {}),
    ...(tenantId ? { tenantId } : {}),
  });
}

const MIN_SALT_CHARS = 16;

/** DATABASE_URL chooses PostgreSQL, which needs PSEUDONYM_SALT; neither value is ever put in a message. */
function databaseConfig(e: z.infer<typeof envSchema>): Config['database'] {
  if (!e.DATABASE_URL) {
    if (e.PSEUDONYM_SALT) {
      throw new ConfigError(`PSEUDONYM_SALT is only used with DATABASE_URL (SQLite keeps its salt in DATA_DIR/asker-salt); unset it, or set DATABASE_URL; ${WHERE}`);
    }
    return undefined;
  }
  if (!/^postgres(ql)?:\/\/[^/]/i.test(e.DATABASE_URL) || !URL.canParse(e.DATABASE_URL)) {
    throw new ConfigError(`DATABASE_URL must be a PostgreSQL URL such as postgres://USER:PASSWORD@HOST:5432/DATABASE (postgres:// or postgresql://); ${WHERE}`);
  }
  if (!e.PSEUDONYM_SALT) {
    throw new ConfigError(
      `PSEUDONYM_SALT is required when DATABASE_URL is set: the secret every replica hashes people's ids with, kept outside the database; generate one with \`openssl rand -hex 32\` and give all replicas the same value; ${WHERE}`,
    );
  }
  if (e.PSEUDONYM_SALT.length < MIN_SALT_CHARS) {
    throw new ConfigError(`PSEUDONYM_SALT is too short (${MIN_SALT_CHARS} characters at least); generate one with \`openssl rand -hex 32\`; ${WHERE}`);
  }
  return Object.freeze({ url: e.DATABASE_URL, pseudonymSalt: e.PSEUDONYM_SALT });
}

function digestConfig(e: z.infer<typeof envSchema>): DigestConfig {
  const time = parseTime(e.DIGEST_TIME ?? '09:00');
  if (!time) throw new ConfigError(`DIGEST_TIME "${e.DIGEST_TIME}" is not a time; use HH:MM, e.g. DIGEST_TIME=08:30; ${WHERE}`);
  const timeZone = canonicalTimeZone(e.DIGEST_TZ ?? 'UTC');
  if (!timeZone) throw new ConfigError(`DIGEST_TZ "${e.DIGEST_TZ}" is not an IANA time zone; use a name such as DIGEST_TZ=Europe/Paris; ${WHERE}`);
  const language = digestLanguage(e.DIGEST_LANGUAGE ?? 'en');
  if (!language) throw new ConfigError(`DIGEST_LANGUAGE "${e.DIGEST_LANGUAGE}" is not a digest language; use en, fr or de, e.g. DIGEST_LANGUAGE=fr; ${WHERE}`);
  const slackChannels = (e.DIGEST_SLACK_CHANNELS ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  const bad = slackChannels.find((c) => !/^[CGD][A-Z0-9]{5,}$/.test(c));
  if (bad) throw new ConfigError(`DIGEST_SLACK_CHANNELS: "${bad}" is not a Slack channel id (like C0123456789, shown at the bottom of the channel's About tab); ${WHERE}`);
  return Object.freeze({ time, timeZone, language, slackChannels: Object.freeze(slackChannels) });
}
