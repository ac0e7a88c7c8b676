import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/conversation/commands.js';

describe('the one command vocabulary', () => {
  it('maps the view words and empty text to the static views, on every platform', () => {
    expect(parseCommand('')).toEqual({ kind: 'view', view: 'help' });
    expect(parseCommand('help')).toEqual({ kind: 'view', view: 'help' });
    expect(parseCommand(' Topics ')).toEqual({ kind: 'view', view: 'topics' });
    expect(parseCommand('source')).toEqual({ kind: 'view', view: 'source' });
  });

  it("keeps every word either adapter accepted: Slack's ?, -h, --help, usage, topic, list, paper and Teams' /commands", () => {
    for (const word of ['?', '-h', '--help', 'usage', '/help', 'help.', 'help?']) expect(parseCommand(word)).toEqual({ kind: 'view', view: 'help' });
    for (const word of ['topic', 'list', '/topics', 'topics?']) expect(parseCommand(word)).toEqual({ kind: 'view', view: 'topics' });
    for (const word of ['paper', '/source', 'Source!']) expect(parseCommand(word)).toEqual({ kind: 'view', view: 'source' });
  });

  it('reads the digest commands with or without a leading slash', () => {
    expect(parseCommand('subscribe 08:30 Europe/Paris')).toEqual({ kind: 'subscribe', args: '08:30 Europe/Paris' });
    expect(parseCommand('/Subscribe')).toEqual({ kind: 'subscribe', args: '' });
    expect(parseCommand('unsubscribe')).toEqual({ kind: 'unsubscribe' });
    expect(parseCommand('digest')).toEqual({ kind: 'digest' });
  });

  it('reads "unsubscribe" and "digest" followed by more words as questions', () => {
    expect(parseCommand('digest of the paper please')).toMatchObject({ kind: 'ask' });
    expect(parseCommand('unsubscribe me from what')).toMatchObject({ kind: 'ask' });
  });

  it("strips Teams' 'ask' prefix", () => {
    expect(parseCommand('ask Who wrote the paper?')).toEqual({ kind: 'ask', text: 'Who wrote the paper?', singleWord: false });
    expect(parseCommand('/ask Who wrote it?')).toEqual({ kind: 'ask', text: 'Who wrote it?', singleWord: false });
  });

  it('calls a word typed as a command that is none an unknown command', () => {
    expect(parseCommand('/frobnicate')).toEqual({ kind: 'unknown', word: '/frobnicate' });
    expect(parseCommand('--verbose')).toEqual({ kind: 'unknown', word: '--verbose' });
  });

  it('sends anything else to the core, noting single words', () => {
    expect(parseCommand('Who wrote the paper?')).toEqual({ kind: 'ask', text: 'Who wrote the paper?', singleWord: false });
    expect(parseCommand('frobnicate')).toEqual({ kind: 'ask', text: 'frobnicate', singleWord: true });
  });
});
