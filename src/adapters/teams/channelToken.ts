/**
 * Checks the Bot Framework channel's token on an incoming activity, with node:crypto and the keys
 * of signingKeys.ts. botbuilder's check let jsonwebtoken's errors through (a forged token became a
 * 500 and a console.error naming the keys) and fetched keys without a deadline. Every failure
 * here is an UnauthenticatedError whose message says what was wrong, never what the token was.
 * Only channel tokens (issuer api.botframework.com) are accepted: Teams sends no other kind.
 */
import { verify } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { UnauthenticatedError } from '../../core/errors.js';
import type { SigningKeys } from './signingKeys.js';

// A Map, not an object literal: `alg: "constructor"` must not find Object.prototype's.
const ALGORITHMS: ReadonlyMap<unknown, string> = new Map([['RS256', 'sha256'], ['RS384', 'sha384'], ['RS512', 'sha512']]);
/** The clock skew botbuilder allows too. */
const CLOCK_TOLERANCE_S = 5 * 60;
const JWT = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]*)$/;

export interface ChannelTokenCheck {
  readonly keys: SigningKeys;
  /** The bot's app id: the token's audience. */
  readonly appId: string;
  readonly now?: () => number;
}

/** The identity the token in `authHeader` proves for `activity`; rejects with UnauthenticatedError. */
export async function verifyChannelToken(authHeader: string, activity: Activity, check: ChannelTokenCheck): Promise<ClaimsIdentity> {
  const parts = JWT.exec(authHeader.trim());
  if (!parts) throw new UnauthenticatedError('no Bearer JWT in the Authorization header');
  const [, head = '', body = '', signature = ''] = parts;
  const header = decodePart(head, 'header');
  const claims = decodePart(body, 'payload');
  const hash = ALGORITHMS.get(header['alg']);
  if (!hash) throw new UnauthenticatedError(`signing algorithm ${printable(header['alg'])} is not accepted`);
  if (claims['iss'] !== AuthenticationConstants.ToBotFromChannelTokenIssuer) throw new UnauthenticatedError('the token was not issued by the Bot Framework channel');
  const kid = typeof header['kid'] === 'string' ? header['kid'] : '';
  const key = await check.keys.key(kid);
  if (!key) throw new UnauthenticatedError(`signing key ${printable(kid)} is not published by the channel`);
  if (key.endorsements.length > 0 && !key.endorsements.includes(activity.channelId)) throw new UnauthenticatedError(`signing key is not endorsed for channel ${printable(activity.channelId)}`);
  if (!verify(hash, Buffer.from(`${head}.${body}`), key.key, Buffer.from(signature, 'base64url'))) throw new UnauthenticatedError('the token signature is invalid');
  checkClaims(claims, activity, check);
  return new ClaimsIdentity(Object.entries(claims).map(([type, value]) => ({ type, value: typeof value === 'string' ? value : JSON.stringify(value) })), true);
}

/** The claims a valid signature does not prove by itself: lifetime, audience, serviceUrl. */
function checkClaims(claims: Record<string, unknown>, activity: Activity, check: ChannelTokenCheck): void {
  const now = Math.floor((check.now ?? Date.now)() / 1000);
  const { exp, nbf } = claims;
  if (typeof exp !== 'number') throw new UnauthenticatedError('the token has no expiry');
  if (now > exp + CLOCK_TOLERANCE_S) throw new UnauthenticatedError('the token has expired');
  if (nbf !== undefined && (typeof nbf !== 'number' || now + CLOCK_TOLERANCE_S < nbf)) throw new UnauthenticatedError('the token is not valid yet');
  if (claims['aud'] !== check.appId) throw new UnauthenticatedError('the token is for another app');
  if (claims[AuthenticationConstants.ServiceUrlClaim] !== activity.serviceUrl) throw new UnauthenticatedError('the serviceUrl claim does not match the activity');
}

function decodePart(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.fromEntries(Object.entries(value));
  } catch {
    // falls through to the error below
  }
  throw new UnauthenticatedError(`the token ${what} is not a JSON object`);
}

/** A short, safe rendering of a header value for the log (never the token itself). */
function printable(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
