import { readFileSync } from 'node:fs';
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { EVENTS_PATH } from '../../../src/adapters/slack/receiver.js';
import { COMMAND } from '../../../src/adapters/slack/render.js';
import { ASK_SHORTCUT } from '../../../src/adapters/slack/listeners.js';
import { helpBlocks } from '../../../src/adapters/slack/views.js';
import { helpText } from '../../../src/core/conversation/commands.js';
import { strings } from '../../helpers/slackBlocks.js';
import { realBot } from '../../helpers/slackHarness.js';

/** The Web API's own type for an app manifest (the one apps.manifest.create takes). */
type Manifest = webApi.AppsManifestCreateArguments['manifest'];

function load(name: string): Manifest {
  const manifest: Manifest = JSON.parse(readFileSync(`manifests/slack/${name}`, 'utf8'));
  return manifest;
}

/**
 * Every scope the code needs, and what for; the manifest asks for exactly these. No `im:read` or
 * `im:write`: the bot never looks up or opens a DM (conversations.*), it answers in the DM an
 * event came from or posts to a user id, which `chat:write` covers.
 */
const SCOPES: Readonly<Record<string, string>> = {
  'app_mentions:read': 'the app_mention event',
  'assistant:write': 'assistant.threads.setSuggestedPrompts in the agent messaging experience',
  'chat:write': 'chat.postMessage / chat.postEphemeral for answers, thanks and the digest',
  commands: 'the /eu-china command and the message shortcut',
  'im:history': 'the message.im event (DMs and assistant threads)',
  'users:read': 'users.info with include_locale: the asker’s locale, the language hint for short questions',
};
const EVENTS = ['app_home_opened', 'app_mention', 'assistant_thread_started', 'message.im'];

describe.each(['manifest.json', 'manifest.http.json'])('Slack app manifest %s', (name) => {
  const manifest = load(name);

  it('declares the bot user, the scopes and the events the app listens to', () => {
    expect(manifest.features?.bot_user?.display_name).toBeTruthy();
    expect([...(manifest.oauth_config?.scopes?.bot ?? [])].sort()).toEqual(Object.keys(SCOPES).sort());
    expect([...(manifest.settings?.event_subscriptions?.bot_events ?? [])].sort()).toEqual(EVENTS);
  });

  it('lists every subcommand of the help text in the usage hint', () => {
    const help = strings(helpBlocks(helpText(realBot().about(), true))).join('\n');
    const subcommands = [...new Set([...help.matchAll(new RegExp(`${COMMAND} ([a-z]+)\\b`, 'g'))].flatMap((m) => (m[1] ? [m[1]] : [])))];
    expect(subcommands).toEqual(expect.arrayContaining(['help', 'topics', 'source', 'subscribe', 'unsubscribe', 'digest']));
    const hint = manifest.features?.slash_commands?.[0]?.usage_hint ?? '';
    for (const word of subcommands) expect(hint.split(/[\s|]+/)).toContain(word);
  });

  it('turns on the agent messaging experience with suggested prompts taken from the topics', () => {
    const view = manifest.features?.assistant_view;
    const examples = realBot().topics().flatMap((t) => t.examples.map((e) => e.question));
    expect(view?.assistant_description).toBeTruthy();
    expect(view?.suggested_prompts?.length).toBeGreaterThanOrEqual(1);
    for (const prompt of view?.suggested_prompts ?? []) expect(examples).toContain(prompt.message);
  });

  it('declares the "Ask the paper about this" message shortcut the app registers', () => {
    expect(manifest.features?.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: ASK_SHORTCUT, name: 'Ask the paper about this' })]);
  });

  it('declares the /eu-china command the app registers, interactivity and the Home tab', () => {
    expect(manifest.features?.slash_commands?.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.features?.app_home?.home_tab_enabled).toBe(true);
    expect(manifest.features?.app_home?.messages_tab_enabled).toBe(true);
  });
});

describe('Socket Mode and HTTP mode manifests', () => {
  it('turns Socket Mode on in the default manifest, with no request URLs', () => {
    const manifest = load('manifest.json');
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain('request_url');
  });

  it('points every request URL of the HTTP variant at /slack/events', () => {
    const manifest = load('manifest.http.json');
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
    const urls = [
      manifest.settings?.event_subscriptions?.request_url,
      manifest.settings?.interactivity?.request_url,
      ...(manifest.features?.slash_commands ?? []).map((c) => c.url),
    ];
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(new RegExp(`^https://[^/]+${EVENTS_PATH}$`));
  });

  it('differs from the default only in the request URLs and Socket Mode', () => {
    const strip = (m: Manifest): string =>
      JSON.stringify(m, (key, value: unknown) => (key === 'url' || key === 'request_url' || key === 'socket_mode_enabled' ? undefined : value));
    expect(strip(load('manifest.http.json'))).toBe(strip(load('manifest.json')));
  });
});
