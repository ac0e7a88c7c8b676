/**
 * How an incoming Teams activity is authenticated. With credentials: the channel's token is
 * checked by channelToken.ts (bounded, shared key fetch; every failure a 401) instead of
 * botbuilder's validation, and the result is built as botbuilder builds it for the public cloud.
 * Without (TEAMS_LOCAL=1): nothing is checked, so the reply may only go to a loopback serviceUrl,
 * and an Authorization header is ignored rather than sent to the login host for checking.
 */
import type { Activity } from 'botbuilder';
import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import { UnauthenticatedError } from '../../core/errors.js';
import { verifyChannelToken } from './channelToken.js';
import { ConnectorReusingAuthentication } from './connectors.js';
import { SigningKeys, type SigningKeyOptions } from './signingKeys.js';

/** True for a URL on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

export class TeamsAuthentication extends ConnectorReusingAuthentication {
  private readonly keys: SigningKeys | undefined;

  /** `appId` undefined: unauthenticated local mode. */
  constructor(
    inner: BotFrameworkAuthentication,
    private readonly appId: string | undefined,
    keys: SigningKeyOptions,
  ) {
    super(inner);
    this.keys = appId === undefined ? undefined : new SigningKeys(keys);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    if (this.appId === undefined || !this.keys) {
      if (!isLoopbackUrl(activity.serviceUrl)) throw new UnauthenticatedError('TEAMS_LOCAL=1 only answers activities whose serviceUrl is on this machine (127.0.0.1)');
      return super.authenticateRequest(activity, '');
    }
    const claimsIdentity = await verifyChannelToken(authHeader, activity, { keys: this.keys, appId: this.appId });
    return this.reusing({
      claimsIdentity,
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: CallerIdConstants.PublicAzureChannel,
      connectorFactory: this.inner.createConnectorFactory(claimsIdentity),
    });
  }

  override authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return Promise.reject(new UnauthenticatedError('streaming requests are not served'));
  }
}
