/**
 * The bare Bolt app the Slack bench compares the bot with: Bolt's own HTTPReceiver on PORT, one
 * app_mention listener that posts a fixed text in the event's thread through chat.postMessage
 * (to SLACK_API_URL, the bench's fake Web API). Nothing else: no store, no answer, no logging.
 */
import { App } from '@slack/bolt';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const app = new App({ token: env('SLACK_BOT_TOKEN'), signingSecret: env('SLACK_SIGNING_SECRET'), clientOptions: { slackApiUrl: env('SLACK_API_URL') } });
app.event('app_mention', async ({ event, client }) => {
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'Thanks for your question.' });
});
await app.start(Number(env('PORT')));
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
process.stdout.write('listening\n');
