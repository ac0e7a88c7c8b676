// The bare-SDK baseline of `npm run bench:startup`: what any bot on these two SDKs pays to start,
// with nothing of ours. One Bolt app in HTTP mode (its own HTTPReceiver on PORT, auth.test against
// SLACK_API_URL at start, as our bot does) whose custom routes add GET /healthz and Teams'
// POST /api/messages on a botbuilder CloudAdapter without credentials, answering with an echo.
// Plain JavaScript, run by `node` like the compiled bot.
import { Buffer } from 'node:buffer';
import bolt from '@slack/bolt';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const { App, LogLevel } = bolt;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const echo = new ActivityHandler().onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  await next();
});

/** botbuilder wants an express-style request with a parsed body. */
async function messages(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  req.body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  const reply = { status: (code) => ((res.statusCode = code), reply), header: (k, v) => (res.setHeader(k, v), reply), send: (body) => (res.end(body === undefined ? undefined : JSON.stringify(body)), reply), end: () => (res.end(), reply) };
  await adapter.process(req, reply, (context) => echo.run(context));
}

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.WARN,
  customRoutes: [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}') },
    { path: '/api/messages', method: ['POST'], handler: (req, res) => void messages(req, res) },
  ],
});
app.event('app_mention', async ({ event, say }) => void (await say({ text: `echo: ${event.text}`, thread_ts: event.ts })));
await app.start(Number(process.env.PORT ?? 3978));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void app.stop().then(() => process.exit(0)));
