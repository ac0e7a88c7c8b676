import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLACK_SAME_AS_ENGLISH, SLACK_STRINGS } from '../../../src/adapters/slack/strings.js';
import { TEAMS_SAME_AS_ENGLISH, TEAMS_STRINGS } from '../../../src/adapters/teams/strings.js';
import { CLI_SAME_AS_ENGLISH, CLI_STRINGS } from '../../../src/cli/strings.js';
import { fill, LABELS, SAME_AS_ENGLISH } from '../../../src/core/lang/labels.js';
import { LANGUAGES } from '../../../src/core/lang/languages.js';

type AnyTable = Readonly<Record<(typeof LANGUAGES)[number], object>>;

const TABLES: readonly { readonly name: string; readonly table: AnyTable; readonly same: Readonly<Record<'fr' | 'de', readonly string[]>> }[] = [
  { name: 'core labels', table: LABELS, same: SAME_AS_ENGLISH },
  { name: 'Slack strings', table: SLACK_STRINGS, same: SLACK_SAME_AS_ENGLISH },
  { name: 'Teams strings', table: TEAMS_STRINGS, same: TEAMS_SAME_AS_ENGLISH },
  { name: 'terminal strings', table: CLI_STRINGS, same: CLI_SAME_AS_ENGLISH },
];

const entries = (o: object): [string, string][] => Object.entries(o).map(([k, v]) => [k, String(v)]);
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
/** What typography applies to: the text without code spans, URLs, times and placeholders. */
const prose = (text: string): string => text.replace(/`[^`]*`/g, 'X').replace(/\{\w+\}/g, 'X').replace(/\b\d{1,2}:\d{2}\b/g, '').replace(/\[HH:MM\]/g, '');

describe('the user-facing strings', () => {
  for (const { name, table, same } of TABLES) {
    describe(name, () => {
      const english = entries(table.en);

      it('have every key, non-empty, in English, French and German', () => {
        for (const language of LANGUAGES) {
          const keys = entries(table[language]).filter(([, v]) => v.trim() !== '').map(([k]) => k);
          expect(keys, language).toEqual(english.map(([k]) => k));
        }
      });

      it('take the same placeholders in every language', () => {
        for (const language of LANGUAGES) {
          const values = Object.fromEntries(entries(table[language]));
          for (const [key, en] of english) expect(placeholders(values[key] ?? ''), `${language}.${key}`).toEqual(placeholders(en));
        }
      });

      it('are translated, except the few listed as rightly the same as the English', () => {
        for (const language of ['fr', 'de'] as const) {
          const values = Object.fromEntries(entries(table[language]));
          const identical = english.filter(([key, en]) => values[key] === en).map(([key]) => key);
          expect(identical, language).toEqual([...same[language]]);
        }
      });

      it('put a space before ? ! : ; and inside « » in French, as the French answers do, and none in English or German', () => {
        for (const [key, text] of entries(table.fr)) {
          const p = prose(text);
          expect(p, `fr.${key}`).not.toMatch(/[^\s(][?!:;]/);
          expect(p, `fr.${key}`).not.toMatch(/«\S|\S»/);
        }
        for (const language of ['en', 'de'] as const) {
          for (const [key, text] of entries(table[language])) expect(prose(text), `${language}.${key}`).not.toMatch(/\s[?!:;]/);
        }
      });
    });
  }

  it('fill every placeholder and leave an unknown one as written', () => {
    expect(fill('{a} and {b}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(fill('{a} {missing}', { a: 'x' })).toBe('x {missing}');
  });

  it('agree with the French knowledge answers on the space before a question mark', () => {
    const dir = 'knowledge/lang/fr/qa';
    const text = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(text).toMatch(/ \?/);
    expect(text).not.toMatch(/[^\s"'(]\?/);
  });
});

/** Files that turn replies into what a person sees; their words must come from the tables above. */
const RENDERERS = [
  'src/adapters/slack/render.ts',
  'src/adapters/slack/views.ts',
  'src/adapters/slack/reply.ts',
  'src/adapters/slack/listeners.ts',
  'src/adapters/slack/actions.ts',
  'src/adapters/slack/send.ts',
  'src/adapters/slack/blocks.ts',
  'src/adapters/teams/render.ts',
  'src/adapters/teams/reply.ts',
  'src/adapters/teams/welcome.ts',
  'src/adapters/teams/messageExtension.ts',
  'src/adapters/teams/citations.ts',
  'src/cli/format.ts',
  'src/cli/chat.ts',
];

/** Literals there that are no words for people: log lines, API names, Block Kit field values. */
const NOT_FOR_PEOPLE = /^(?:slack [a-z ].*|teams: .*|assistant\.threads\.setSuggestedPrompts|application\/vnd\.microsoft\.card\.thumbnail|Decision: .*|Candidates \(best first\):|\s+\(none\)|No Slack or Teams credentials set: .*)$/;

describe('the renderers', () => {
  it('hold no sentence of their own for people: every one comes from a strings table', () => {
    const found = RENDERERS.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(?:\*|\/\/|\/\*\*)/.test(line) && !/logger\.(?:debug|info|warn|error)\(/.test(line))
        .flatMap((line) => [...line.matchAll(/'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? ''))
        .filter((literal) => /[A-Za-zÀ-ÿ]{2,}[ ,][A-Za-zÀ-ÿ]{2,}/.test(literal.replace(/\$\{[^}]*\}/g, '')) && !NOT_FOR_PEOPLE.test(literal))
        .map((literal) => `${file}: ${literal}`),
    );
    expect(found).toEqual([]);
  });
});
