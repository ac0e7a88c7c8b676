import { readFileSync } from 'node:fs';
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { EVENTS_PATH } from '../../../src/adapters/slack/receiver.js';
import { COMMAND } from '../../../src/adapters/slack/render.js';

/** The Web API's own type for an app manifest (the one apps.manifest.create takes). */
type Manifest = webApi.AppsManifestCreateArguments['manifest'];

function load(name: string): Manifest {
  const manifest: Manifest = JSON.parse(readFileSync(`manifests/slack/${name}`, 'utf8'));
  return manifest;
}

const REQUIRED_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write'];
const EVENTS = ['app_home_opened', 'app_mention', 'message.im'];

describe.each(['manifest.json', 'manifest.http.json'])('Slack app manifest %s', (name) => {
  const manifest = load(name);

  it('declares the bot user, the scopes and the events the app listens to', () => {
    expect(manifest.features?.bot_user?.display_name).toBeTruthy();
    expect(manifest.oauth_config?.scopes?.bot).toEqual(expect.arrayContaining(REQUIRED_SCOPES));
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual(expect.arrayContaining(EVENTS));
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
