// `ask` in-process through its exported main; one real process (node dist/cli/ask.js) checks the
// entry point itself, and `npm start` without credentials runs as the real dist/main.js.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/ask.js';
import { runDist, runInProcess } from '../helpers/cli.js';

const ask = (args: string[], input = '', env: Record<string, string> = {}) => runInProcess('ask', main, args, { input, env });
const start = (input: string, env: Record<string, string>) => runDist('src/main.ts', [], { input, env });

describe('ask', { timeout: 60_000 }, () => {
  it('prints one JSON object per stdin line, in order, and nothing else (a real process)', () => {
    const questions = ['Who wrote the paper?', '', 'what is the capital of peru', 'thanks', '{"q": "x"}', 'ISSN'];
    const out = runDist('src/cli/ask.ts', ['--jsonl'], { input: `${questions.join('\n')}\n` });
    expect(out.status).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(questions.length);
    const objects = lines.map((l) => JSON.parse(l) as { question: string; matched: boolean; decision: string; answer?: { citations: unknown[] }; suggestions: unknown[] });
    objects.forEach((o, i) => {
      expect(o.question).toBe(questions[i]);
      expect(o.matched).toBe(o.decision === 'answer');
      expect(o.answer !== undefined).toBe(o.matched);
      expect(Array.isArray(o.suggestions)).toBe(true);
    });
    expect(objects[0]?.answer).toMatchObject({ id: 'paper-author', citations: expect.arrayContaining([expect.objectContaining({ paragraph: 'author-1', section: 'About the author', location: "Section 'About the author', paragraph 1 of 1" })]) });
    expect(objects[3]?.decision).toBe('smalltalk');
  });

  it('replays a conversation from JSON lines: a follow-up uses the context of its own conversation only', async () => {
    const turns = [
      { conversation: 'c1', text: 'has xi talked to zelensky since the invasion?' },
      { conversation: 'c2', text: 'Who wrote the paper?' },
      { conversation: 'c1', text: 'when?' },
      { conversation: 'c2', text: 'when?' },
    ];
    const out = await ask(['--jsonl'], `${turns.map((t) => JSON.stringify(t)).join('\n')}\nwhen?\n`);
    const objects = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { conversation?: string; followUp?: boolean; decision: string; answer?: { id: string } });
    expect(objects.map((o) => o.followUp)).toEqual([false, false, true, true, undefined]);
    expect(objects[2]).toMatchObject({ conversation: 'c1', decision: 'answer', answer: { id: 'xi-zelensky-call' } });
    expect(objects[3]?.answer?.id).not.toBe('xi-zelensky-call');
    expect(objects[4]?.decision).not.toBe('answer');
  });

  it('explains a decision with the candidates and their features', async () => {
    const out = await ask(['--explain', 'How long is the Russia-China border?']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^Decision: suggest \(not given: eu-russia-border-length~not-given-1\)/);
    expect(out.stdout).toMatch(/1\. eu-russia-border-length~not-given-1 {2}p=[0-9.]+ {2}score=/);
  });

  it('prints the answer with numbered citations and the link for people', async () => {
    const out = await ask(['What is the ISSN of the paper?']);
    expect(out.stdout).toContain('2402-614X');
    expect(out.stdout).toContain(`[1] Section 'Publication details', paragraph 4 of 5: "ISSN 2402-614X"`);
    expect(out.stdout).toContain('  Read the paper: https://www.robert-schuman.eu/en\n');
  });

  it("links each citation to its quote when PAPER_URL is the paper's own page", async () => {
    const out = await ask(['--json', 'What is the ISSN of the paper?'], '', { PAPER_URL: 'https://example.org/p742' });
    const parsed = JSON.parse(out.stdout) as { answer?: { citations: { paragraph: string; location: string; url: string }[] } };
    expect(parsed.answer?.citations[0]).toEqual(expect.objectContaining({ paragraph: 'pub-4', location: "Section 'Publication details', paragraph 4 of 5", url: 'https://example.org/p742#:~:text=ISSN%202402%2D614X' }));
    const text = await ask(['What is the ISSN of the paper?'], '', { PAPER_URL: 'https://example.org/p742' });
    expect(text.stdout).toContain('https://example.org/p742#:~:text=ISSN%202402%2D614X');
  });

  it('rejects an unknown option with usage and exit code 2', async () => {
    const out = await ask(['--yaml', 'x']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/Unknown option --yaml/);
  });
});

describe('npm start without credentials', { timeout: 60_000 }, () => {
  it('says how to connect, answers each stdin line and exits at the end of input', () => {
    const out = start('who wrote it\ntopics\n', { SLACK_BOT_TOKEN: '', MicrosoftAppId: '', TEAMS_LOCAL: '' });
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toMatch(/No Slack or Teams credentials.*SLACK_BOT_TOKEN/);
    expect(out.stdout).toContain('Pierre Andrieu');
    expect(out.stdout).toContain('Topics I can answer about');
  });

  it('refuses to start on an invalid setting, naming the variable', () => {
    const out = start('', { PAPER_URL: 'not a url' });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/PAPER_URL.*\.env/);
  });

  it('refuses to start on a MicrosoftAppId that is not a GUID, naming the variable', () => {
    const out = start('', { SLACK_BOT_TOKEN: '', MicrosoftAppId: 'hello', MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: '4b1e8c0a-2f3d-4e6a-9b7c-1d2e3f4a5b6c' });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/MicrosoftAppId \(or CLIENT_ID\) must be a GUID.*\.env/);
  });

  it('refuses to start on a broken knowledge set with the validate report', () => {
    const out = start('', { KNOWLEDGE_DIR: 'tests/fixtures/no-such-dir' });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/paper\.yaml: cannot be read/);
  });
});
