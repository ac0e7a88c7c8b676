/**
 * The only reader of process.env. Variables are validated with zod, an empty value counts as
 * unset (as in a freshly copied .env.example), and every error names the variable and where to
 * set it. The result is frozen; secrets are never logged (see `describeConfig`).
 */
import { z } from 'zod';
import { ConfigError } from './core/errors.js';

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
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: optional.pipe(z.url().optional()),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional,
  MicrosoftAppTenantId: optional,
  TEAMS_LOCAL: optional,
});

export interface Config {
  readonly knowledgeDir: string;
  readonly paperUrl: string | undefined;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly port: number;
  readonly dataDir: string;
  readonly slack: { readonly botToken: string; readonly appToken?: string; readonly signingSecret?: string; readonly apiUrl?: string } | undefined;
}

const WHERE = 'set it in .env (see .env.example) or in the environment';

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
    slack: slackConfig(e),
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
