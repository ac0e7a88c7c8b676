/**
 * The whole log of a production process at LOG_LEVEL=debug holds no secret: `node dist/main.js`
 * with Slack (HTTP mode, against a fake Web API), Teams with credentials, and PostgreSQL
 * (DATABASE_URL with a password, PSEUDONYM_SALT), each set to a recognisable fake value. Traffic:
 * a mention, a DM, a slash command, a redelivery on Slack; Teams requests carrying a bearer that
 * is refused (no Bot Framework token can be made here, and the refusal path is where a token would
 * be printed); a scrape of /metrics; then SIGTERM. Every stderr and stdout line must be JSON, and
 * none may contain any of the secret values.
 */
import { afterEach, expect, it } from 'vitest';
import { tempDir } from './core/digest/fakes.js';
import { startBot, type BotProcess } from './helpers/botProcess.js';
import { startFakeSlackApi, type FakeSlackApi } from './helpers/slackFakeApi.js';
import { fixtureJson, fixtureText, postCommand, postEvent, withEvent } from './helpers/slackRequests.js';
import { post, teamsFixture } from './helpers/teams.js';
import { describeWithPg } from './store/pgServer.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-9999999999-8888888888-SecretBotTokenMarker01',
  SLACK_SIGNING_SECRET: 'SecretSigningSecretMarker0123456789ab',
  MicrosoftAppPassword: 'Secret~App~Password~Marker~01',
  PSEUDONYM_SALT: 'SecretPseudonymSaltMarker0123456789',
  databasePassword: 'SecretDbPasswordMarker01',
  bearer: 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.SecretBearerSignatureMarker01',
};

let fake: FakeSlackApi | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.close();
  bot = fake = undefined;
});

/** `url` with SECRETS.databasePassword as the password (the throwaway server trusts loopback, so any password is accepted). */
function withPassword(url: string): string {
  const u = new URL(url);
  u.password = SECRETS.databasePassword;
  return u.toString();
}

async function traffic(base: string, api: FakeSlackApi): Promise<void> {
  const events = `${base}/slack/events`;
  const sign = { secret: SECRETS.SLACK_SIGNING_SECRET };
  const mention = withEvent(fixtureJson('app_mention.json'), {}, 'EvSECRETS01');
  expect((await postEvent(events, mention, sign)).status).toBe(200);
  expect((await postEvent(events, mention, { ...sign, headers: { 'x-slack-retry-num': '1' } })).status).toBe(200);
  expect((await postEvent(events, withEvent(fixtureJson('message_im.json'), {}, 'EvSECRETS02'), sign)).status).toBe(200);
  const form = new URLSearchParams(fixtureText('slash_command.txt'));
  form.set('response_url', api.responseUrl('secrets1'));
  expect((await postCommand(events, form.toString(), sign)).status).toBe(200);
  expect((await postEvent(events, mention, { secret: 'a-wrong-signing-secret' })).status).toBe(401);
  await api.waitFor('chat.postMessage', 2, 60_000);
  await api.waitFor('response_url', 1, 60_000);
  const activity = teamsFixture('personal_message', { id: 'secrets-1', serviceUrl: 'http://127.0.0.1:9/' });
  expect((await post(`${base}/api/messages`, activity, { authorization: `Bearer ${SECRETS.bearer}` })).status).toBe(401);
  expect((await post(`${base}/api/messages`, activity)).status).toBe(401);
  expect((await fetch(`${base}/metrics`)).status).toBe(200);
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
}

await describeWithPg('the debug log of a full run', (admin) => {
  it('is JSON lines and holds no token, signing secret, app password, salt or database password', { timeout: 240_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      fake = await startFakeSlackApi();
      bot = await startBot({
        LOG_LEVEL: 'debug',
        DATA_DIR: tempDir(),
        SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        MicrosoftAppId: '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        MicrosoftAppPassword: SECRETS.MicrosoftAppPassword,
        MicrosoftAppTenantId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        DATABASE_URL: withPassword(schema.url),
        PSEUDONYM_SALT: SECRETS.PSEUDONYM_SALT,
      });
      let stdout = '';
      bot.child.stdout?.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
      await traffic(`http://127.0.0.1:${bot.port}`, fake);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);

      const lines = [...bot.lines, ...stdout.split('\n')].filter((l) => l.trim() !== '' && !l.startsWith('!!!'));
      expect(lines.filter((l) => !isJsonObject(l))).toEqual([]);
      expect(lines.some((l) => l.includes('"level":"debug"'))).toBe(true); // it really ran at debug
      expect(lines.some((l) => l.includes('"message":"store opened"'))).toBe(true);
      const log = lines.join('\n');
      for (const [name, secret] of Object.entries({ ...SECRETS, bearerSignature: SECRETS.bearer.split('.')[2] ?? '' })) {
        expect({ name, logged: log.includes(secret) }).toEqual({ name, logged: false });
      }
    } finally {
      await schema.drop();
    }
  });
});

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
