/**
 * One place that turns the Teams configuration into a botbuilder CloudAdapter, so the HTTP
 * endpoint and `npm run digest -- run-due` (which posts proactively without serving anything)
 * authenticate the same way and reuse connector clients alike. Without credentials the adapter
 * exists only when TEAMS_LOCAL=1 was given explicitly.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../../config.js';
import { ConfigError } from '../../core/errors.js';
import { ConnectorReusingAuthentication } from './connectors.js';
import { keepEntityProperties } from './entities.js';

export type TeamsAdapterConfig = Pick<Config, 'teams' | 'teamsLocal'>;

/** CloudAdapter with an entry point for an activity the caller has already parsed. */
export class TeamsCloudAdapter extends CloudAdapter {
  /** Authenticates `authHeader` for `activity` and runs one turn; rejects with AuthenticationError. */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** True when Teams is configured (credentials, or TEAMS_LOCAL=1 without them). */
export function teamsEnabled(config: TeamsAdapterConfig): boolean {
  return config.teams !== undefined || config.teamsLocal;
}

/** The bot's app id ('' in local mode), which proactive sends authenticate as. */
export function teamsAppId(config: TeamsAdapterConfig): string {
  return config.teams?.appId ?? '';
}

/** The adapter for `config`; throws ConfigError when Teams is not configured. */
export function createCloudAdapter(config: TeamsAdapterConfig): TeamsCloudAdapter {
  if (!teamsEnabled(config)) {
    throw new ConfigError('Teams needs MicrosoftAppId (or CLIENT_ID), or TEAMS_LOCAL=1 for unauthenticated local testing; set it in .env (see .env.example)');
  }
  const t = config.teams;
  const configured = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: t?.appId ?? '',
    MicrosoftAppPassword: t?.appPassword ?? '',
    MicrosoftAppType: t?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: t?.tenantId ?? '',
  });
  keepEntityProperties();
  return new TeamsCloudAdapter(new ConnectorReusingAuthentication(configured));
}
