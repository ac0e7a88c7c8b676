/**
 * CloudAdapter builds a new ConnectorClient and a new UserTokenClient for every incoming activity;
 * each brings a new HTTP pipeline, and the connector its own keep-alive agent, so every reply
 * opened a fresh TLS connection to Teams' connector and a third of a turn's CPU went into
 * building pipelines. This wrapper around the authentication keeps one connector client per
 * (bot app id, service URL, audience) and one token client per bot app id; credentials refresh
 * their tokens inside the clients. Each client is rebuilt once with the deadline policy of
 * replyBudget.ts (botbuilder's factory replaces any policies passed to it).
 */
import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorClient,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type UserTokenClient,
} from 'botframework-connector';
import { acceptPolicy, deadlinePolicy } from './replyBudget.js';

/** How many service URLs keep a client (Teams uses a handful of regional ones). */
const MAX_CLIENTS = 64;

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}|${serviceUrl}|${audience ?? ''}`;
    const cached = this.clients.get(key);
    if (cached) return cached;
    const created = this.inner.create(serviceUrl, audience).then(
      (client) => new ConnectorClient(client.credentials, { baseUri: serviceUrl, requestPolicyFactories: [acceptPolicy, deadlinePolicy] }),
    );
    created.catch(() => this.clients.delete(key)); // never keep a failed creation
    this.clients.set(key, created);
    if (this.clients.size > MAX_CLIENTS) {
      const oldest = this.clients.keys().next();
      if (!oldest.done) this.clients.delete(oldest.value);
    }
    return created;
  }
}

/** `inner`, with connector clients reused across turns. */
export class ConnectorReusingAuthentication extends BotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(protected readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.clients);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    const cached = this.tokenClients.get(key);
    if (cached) return cached;
    const created = this.inner.createUserTokenClient(claimsIdentity);
    created.catch(() => this.tokenClients.delete(key));
    this.tokenClients.set(key, created);
    return created;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  protected reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    if (!factory) return result;
    return { ...result, connectorFactory: new CachingConnectorFactory(factory, appIdOf(result.claimsIdentity), this.clients) };
  }
}

function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}
