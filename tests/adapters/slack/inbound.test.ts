import { describe, expect, it } from 'vitest';
import type { SlackBlockActionPayload, SlackMessageEvent } from '../../../src/adapters/slack/inbound.js';
import { commandToInbound, replyTarget, slackToPlain, toClick, toInbound } from '../../../src/adapters/slack/inbound.js';
import { fixtureJson, fixtureText } from '../../helpers/slackRequests.js';

const SELF = { userId: 'U0BOT0001', botId: 'B0BOT0001' };

/** The inner event of an Events API fixture. */
function eventOf(name: string): SlackMessageEvent {
  const event: SlackMessageEvent = JSON.parse(JSON.stringify(fixtureJson(name)['event']));
  return event;
}

function clickOf(name: string): SlackBlockActionPayload {
  const payload: SlackBlockActionPayload = JSON.parse(fixtureText(name));
  return payload;
}

describe('toInbound', () => {
  it('turns an app_mention into a message without the mention, threaded under it, in its channel', () => {
    expect(toInbound(eventOf('app_mention.json'), SELF)).toEqual({
      text: 'Who wrote the paper?',
      asker: 'U0ASKER001',
      conversation: 'slack:C0GENERAL01:1712345678.000100',
      channel: 'slack:C0GENERAL01',
      place: 'channel',
    });
  });

  it('turns a direct message into a message in the DM, the DM being one conversation (its thread, in a thread)', () => {
    expect(toInbound({ ...eventOf('message_im.json'), thread_ts: '1712345600.000100' }, SELF)?.conversation).toBe('slack:D0DIRECT001:1712345600.000100');
    expect(toInbound(eventOf('message_im.json'), SELF)).toEqual({
      text: 'When was the paper published?',
      asker: 'U0ASKER001',
      conversation: 'slack:D0DIRECT001:dm',
      channel: 'slack:D0DIRECT001',
      place: 'dm',
    });
  });

  it('ignores an edit (message_changed)', () => {
    expect(toInbound(eventOf('message_changed.json'), SELF)).toBeUndefined();
  });

  it("ignores the bot's own messages, by bot id and by user id", () => {
    const own = eventOf('message_im_bot.json');
    expect(toInbound(own, SELF)).toBeUndefined();
    expect(toInbound({ ...own, bot_id: undefined }, SELF)).toBeUndefined();
  });

  it('ignores other bots and Slackbot', () => {
    const dm = eventOf('message_im.json');
    expect(toInbound({ ...dm, bot_id: 'B0OTHER' }, SELF)).toBeUndefined();
    expect(toInbound({ ...dm, user: 'USLACKBOT' }, SELF)).toBeUndefined();
  });

  // Unified with Teams: a bare mention asks what the bot does (it used to be ignored on Slack).
  it('reads a mention with no text besides the mention as empty text, which the core answers with help', () => {
    expect(toInbound({ ...eventOf('app_mention.json'), text: '<@U0BOT0001>   ' }, SELF)?.text).toBe('');
  });

  it('ignores channel messages that do not mention the bot', () => {
    expect(toInbound({ ...eventOf('message_im.json'), channel: 'C0GENERAL01', channel_type: 'channel' }, SELF)).toBeUndefined();
  });

  it('keeps a file-share DM that has text', () => {
    expect(toInbound({ ...eventOf('message_im.json'), subtype: 'file_share' }, SELF)?.text).toBe('When was the paper published?');
  });
});

describe('replyTarget', () => {
  it('answers a top-level mention in a new thread under it', () => {
    expect(replyTarget(eventOf('app_mention.json'))).toEqual({ channel: 'C0GENERAL01', threadTs: '1712345678.000100' });
  });

  it('answers a mention inside a thread in that thread', () => {
    const inThread = { ...eventOf('app_mention.json'), ts: '1712345699.000900', thread_ts: '1712345600.000001' };
    expect(replyTarget(inThread)).toEqual({ channel: 'C0GENERAL01', threadTs: '1712345600.000001' });
  });

  it('answers a DM in the DM itself', () => {
    expect(replyTarget(eventOf('message_im.json'))).toEqual({ channel: 'D0DIRECT001' });
  });
});

describe('slackToPlain', () => {
  it('turns Slack markup back into what the person saw', () => {
    const text = '<@U0BOT0001> <!channel> see <https://evil.example|the paper> in <#C0GENERAL01|general> &lt;b&gt; R&amp;D';
    expect(slackToPlain(text)).toBe('@channel see the paper in #general <b> R&D');
  });

  it('keeps bare links and special mentions readable', () => {
    expect(slackToPlain('<https://example.org> <!here> <!subteam^S0TEAM|@experts> <mailto:a@b.c|a@b.c>')).toBe(
      'https://example.org @here @experts a@b.c',
    );
  });
});

describe('commandToQuestion', () => {
  it('reads the question from the slash command form body', () => {
    const form = Object.fromEntries(new URLSearchParams(fixtureText('slash_command.txt')));
    const command = { command: form['command'] ?? '', text: form['text'] ?? '', user_id: form['user_id'] ?? '', channel_id: form['channel_id'] ?? '' };
    expect(command.command).toBe('/eu-china');
    expect(commandToInbound(command)).toEqual({ text: 'Who wrote the paper?', asker: 'U0ASKER001', channel: 'slack:C0GENERAL01', place: 'command' });
  });

  it('gives empty text for an empty command (the core answers it with help)', () => {
    expect(commandToInbound({ command: '/eu-china', text: '  ', user_id: 'U1', channel_id: 'C1' }).text).toBe('');
  });
});

describe('toClick', () => {
  it('reads a Related click on a threaded answer: entry id and the thread to answer in', () => {
    expect(toClick(clickOf('block_actions.json'))).toEqual({
      actionId: 'related_0',
      value: 'author-background',
      userId: 'U0ASKER001',
      teamId: 'T0TEST0001',
      ephemeral: false,
      target: { channel: 'C0GENERAL01', threadTs: '1712345678.000100' },
    });
  });

  it('marks a click on an ephemeral reply, which has no message to thread under', () => {
    const click = toClick(clickOf('block_actions_ephemeral.json'));
    expect(click).toMatchObject({ actionId: 'share', value: 'entry:paper-author', ephemeral: true });
    expect(click?.target).toBeUndefined();
  });

  it('ignores a click without a value', () => {
    const payload = clickOf('block_actions.json');
    expect(toClick({ ...payload, actions: [{ action_id: 'related_0' }] })).toBeUndefined();
  });
});
