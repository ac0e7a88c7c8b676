import { afterEach, describe, expect, it } from 'vitest';
import { createDigestCommands, parseSubscribe } from '../../../src/core/digest/commands.js';
import { fakeClock, tempStore, tinyBot } from './fakes.js';

const defaults = { time: '09:00', timeZone: 'UTC' };

describe('parseSubscribe', () => {
  it.each([
    ['', { time: '09:00', timeZone: 'UTC' , language: 'en' }],
    ['8:30', { time: '08:30', timeZone: 'UTC' , language: 'en' }],
    ['europe/paris', { time: '09:00', timeZone: 'Europe/Paris' , language: 'en' }],
    ['08:30 Europe/Paris', { time: '08:30', timeZone: 'Europe/Paris' , language: 'en' }],
    ['America/New_York 07:15', { time: '07:15', timeZone: 'America/New_York' , language: 'en' }],
  ])('reads %j', (args, expected) => {
    expect(parseSubscribe(args, defaults)).toEqual({ ok: true, ...expected });
  });

  it('explains an invalid time with an example', () => {
    expect(parseSubscribe('25:00', defaults, '/eu-china subscribe')).toEqual({ ok: false, message: 'Invalid time "25:00". Use HH:MM, e.g. /eu-china subscribe 08:30 Europe/Paris' });
    expect(parseSubscribe('9am', defaults, 'subscribe')).toEqual({ ok: false, message: 'Invalid time "9am". Use HH:MM, e.g. subscribe 08:30 Europe/Paris' });
  });

  it('takes the language from the defaults (DIGEST_LANGUAGE) when none is given, and refuses two', () => {
    expect(parseSubscribe('08:30', { ...defaults, language: 'de' })).toEqual({ ok: true, time: '08:30', timeZone: 'UTC', language: 'de' });
    expect(parseSubscribe('fr de', defaults)).toMatchObject({ ok: false, message: expect.stringMatching(/one language only \(en, fr or de\)/) });
    expect(parseSubscribe('08:30 francais', defaults)).toMatchObject({ ok: true, language: 'fr' });
  });

  it('explains an unknown zone, and two times or two zones', () => {
    expect(parseSubscribe('08:30 Paris', defaults, '/eu-china subscribe')).toMatchObject({ ok: false, message: expect.stringMatching(/^Unknown time zone "Paris"\. Use an IANA time zone name, e\.g\. \/eu-china subscribe 08:30 Europe\/Paris$/) });
    expect(parseSubscribe('08:30 09:30', defaults)).toMatchObject({ ok: false, message: expect.stringMatching(/one time only/) });
    expect(parseSubscribe('UTC Europe/Paris', defaults)).toMatchObject({ ok: false, message: expect.stringMatching(/one time zone only/) });
  });
});

describe('the digest commands', () => {
  const opened: { close(): void }[] = [];
  afterEach(() => opened.splice(0).forEach((s) => s.close()));

  function setup(now = '2024-03-01T10:00:00Z') {
    const clock = fakeClock(now);
    const store = tempStore(clock);
    opened.push(store);
    return { clock, store, commands: createDigestCommands({ bot: tinyBot(), store, clock, defaults, command: (platform, words) => (platform === 'slack' ? `/eu-china ${words}` : words) }) };
  }
  const slack = { platform: 'slack', channel: 'slack:C1' };
  const teams = { platform: 'teams', channel: 'teams:19:abc@thread.tacv2' };

  it('subscribes with defaults, says when the first digest comes, and updates on a second subscribe', async () => {
    const { store, commands } = setup();
    expect((await commands.subscribe(slack, '')).text).toBe(
      'Subscribed: the EU-China digest will be posted here every day at 09:00 (UTC) in English (en), from tomorrow. See today\'s with /eu-china digest; stop with /eu-china unsubscribe.',
    );
    expect((await commands.subscribe(slack, '18:00 Europe/Paris')).text).toMatch(/^Updated: .* at 18:00 \(Europe\/Paris\) in English \(en\), from today\./);
    expect(await store.subscription('slack:C1')).toMatchObject({ time: '18:00', timeZone: 'Europe/Paris', platform: 'slack' });
  });

  it('answers invalid input with the example for the platform, and subscribes nothing', async () => {
    const { store, commands } = setup();
    expect((await commands.subscribe(teams, '25:00')).text).toBe('Invalid time "25:00". Use HH:MM, e.g. subscribe 08:30 Europe/Paris');
    expect(await store.subscriptions()).toEqual([]);
  });

  it('unsubscribes, and says so when there was nothing to stop', async () => {
    const { commands } = setup();
    await commands.subscribe(slack, '');
    expect((await commands.unsubscribe(slack)).text).toMatch(/^Unsubscribed/);
    expect((await commands.unsubscribe(slack)).text).toMatch(/was not subscribed/);
  });

  it('previews today\'s digest in the channel\'s zone, the same entry the channel will get', async () => {
    const { commands } = setup('2024-03-01T23:30:00Z');
    await commands.subscribe(slack, '09:00 Asia/Tokyo');
    const preview = await commands.preview(slack);
    expect(preview.digest?.day).toBe('2024-03-02');
    expect(preview.text).toContain('EU-China digest · 2 March 2024');
    expect((await commands.preview(slack)).digest?.insight.entry?.id).toBe(preview.digest?.insight.entry?.id);
  });

  it('routes typed commands and leaves other text to the question answering', async () => {
    const { store, commands } = setup();
    expect((await commands.handle(teams, 'Subscribe 07:00 Europe/Paris'))?.text).toMatch(/^Subscribed/);
    expect((await store.subscription(teams.channel))?.platform).toBe('teams');
    expect((await commands.handle(teams, 'digest'))?.digest).toBeDefined();
    expect((await commands.handle(teams, 'UNSUBSCRIBE'))?.text).toMatch(/^Unsubscribed/);
    expect(await commands.handle(teams, 'digest about the EU')).toBeUndefined();
    expect(await commands.handle(teams, 'Who wrote the paper?')).toBeUndefined();
  });
});
