/**
 * One place that turns the Teams configuration into a botbuilder CloudAdapter, so the HTTP
 * endpoint and `npm run digest -- run-due` (which posts proactively without serving anything)
 * authenticate the same way and reuse connector clients alike. Without credentials the adapter
 * exists only when TEAMS_LOCAL=1 was given explicitly.
 */
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Config } from '../../config.js';
import { ConfigError } from '../../core/errors.js';
import { TeamsAuthentication } from './authentication.js';
import { keepEntityProperties } from './entities.js';

export type TeamsAdapterConfig = Pick<Config, 'teams' | 'teamsLocal'>;

export interface TeamsAuthOptions {
  /** The Bot Framework channel's OpenID metadata document (tests point it at a fake login host). */
  readonly metadataUrl: string;
  /** Longest wait for the metadata and the keys together; past it a request gets 503. */
  readonly deadlineMs: number;
  /** How long keys are kept when the key document sends no Cache-Control max-age. */
  readonly maxAgeMs: number;
  /** Shortest time between two refreshes caused by an unknown key id. */
  readonly minRefreshMs: number;
}

/** 5 s leaves Bot Framework's 15 s for the turn; 24 h is the refresh botbuilder and the protocol use. */
export const DEFAULT_TEAMS_AUTH: TeamsAuthOptions = {
  metadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  deadlineMs: 5000,
  maxAgeMs: 24 * 3600_000,
  minRefreshMs: 5 * 60_000,
};

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
export function createCloudAdapter(config: TeamsAdapterConfig, authOptions: Partial<TeamsAuthOptions> = {}): TeamsCloudAdapter {
  const auth = { ...DEFAULT_TEAMS_AUTH, ...authOptions };
  if (!teamsEnabled(config)) {
    throw new ConfigError('Teams needs MicrosoftAppId (or CLIENT_ID), or TEAMS_LOCAL=1 for unauthenticated local testing; set it in .env (see .env.example)');
  }
  const t = config.teams;
  const configured = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: t?.appId ?? '',
    MicrosoftAppPassword: t?.appPassword ?? '',
    MicrosoftAppType: t?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: t?.tenantId ?? '',
    // Any one of these set means all are taken as given (BotFrameworkAuthenticationFactory): the public cloud's.
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: auth.metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  });
  keepEntityProperties();
  return new TeamsCloudAdapter(new TeamsAuthentication(configured, t?.appId, auth));
}
