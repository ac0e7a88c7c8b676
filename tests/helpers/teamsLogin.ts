/**
 * A fake Microsoft login host for the Teams authentication tests: the Bot Framework OpenID
 * metadata document and its signing keys on 127.0.0.1, with a real RSA key pair from node:crypto
 * that signs tokens as the Bot Framework channel would. It counts what it is asked and can be
 * told to accept connections and never answer. Nothing here leaves the loopback interface.
 */
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const TRUSTED_KID = 'trusted-key-1';

export interface FakeLogin {
  readonly metadataUrl: string;
  /** Requests for the metadata document and for the keys so far. */
  readonly asked: { metadata: number; keys: number };
  /** While true, requests are accepted and never answered. */
  hang(on: boolean): void;
  /** Requests held unanswered so far. */
  held(): number;
  /** A token signed with the trusted key (RS256), `claims` over the defaults. */
  token(claims: Record<string, unknown>, header?: Record<string, unknown>): string;
  /** Forgeries of a token for `claims`, by name. */
  forgeries(claims: Record<string, unknown>): Record<string, string>;
  close(): Promise<void>;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function signed(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}

/** Starts the fake login host; `appId` is the audience of the tokens it signs. */
export async function startFakeLogin(appId: string): Promise<FakeLogin> {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = trusted.publicKey.export({ format: 'jwk' });
  const asked = { metadata: 0, keys: 0 };
  let hanging = false;
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    if (hanging) return void held.push(res);
    const json = (body: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/v1/.well-known/openidconfiguration') {
      asked.metadata++;
      return json({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.url === '/v1/.well-known/keys') {
      asked.keys++;
      return json({ keys: [{ kty: 'RSA', use: 'sig', kid: TRUSTED_KID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const now = (): number => Math.floor(Date.now() / 1000);
  const full = (claims: Record<string, unknown>): Record<string, unknown> => ({ iss: CHANNEL_ISSUER, aud: appId, nbf: now() - 60, exp: now() + 3600, ...claims });
  const token = (claims: Record<string, unknown>, header: Record<string, unknown> = {}): string =>
    signed({ alg: 'RS256', typ: 'JWT', kid: TRUSTED_KID, ...header }, full(claims), trusted.privateKey);
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    asked,
    hang: (on) => {
      hanging = on;
    },
    held: () => held.length,
    token,
    forgeries: (claims) => {
      const pem = trusted.publicKey.export({ format: 'pem', type: 'spki' });
      const hsBody = `${b64({ alg: 'HS256', typ: 'JWT', kid: TRUSTED_KID })}.${b64(full(claims))}`;
      const [h, p, s] = token(claims).split('.');
      const flipped = Buffer.from(s ?? '', 'base64url');
      flipped[10] = (flipped[10] ?? 0) ^ 0xff;
      return {
        'alg none with the trusted key id': `${b64({ alg: 'none', typ: 'JWT', kid: TRUSTED_KID })}.${b64(full(claims))}.`,
        'HS256 signed with the public key': `${hsBody}.${createHmac('sha256', pem).update(hsBody).digest('base64url')}`,
        'an unknown key': signed({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' }, full(claims), stranger.privateKey),
        'a flipped signature': `${h}.${p}.${flipped.toString('base64url')}`,
        'nbf in the future': token({ ...claims, nbf: now() + 3600, exp: now() + 7200 }),
        'alg naming an Object property': token(claims, { alg: 'constructor' }),
      };
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
