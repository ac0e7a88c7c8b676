import { describe, expect, it } from 'vitest';
import { buildEngine, entryTypes } from '../../../src/core/answer/engine.js';
import { DECISION_MODELS } from '../../../src/core/answer/model.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { createTokenizer } from '../../../src/core/text/normalize.js';

describe('the tokenizer', () => {
  // French "UE" is rewritten to the canonical "eu", which is also French's past participle of
  // avoir and so on its stop list: the alias must survive, the verb must not.
  const tokenize = createTokenizer({
    aliases: [
      { canonical: 'eu', variants: ['ue', 'union europeenne'] },
      { canonical: 'what', variants: ['wat'] },
    ],
    stopwords: ['eu', 'le', 'a', 'what'],
    aliasStopwords: ['what'],
  });

  it('keeps a word an alias produced even when the same word is a stop word', () => {
    expect(tokenize('le commerce UE Russie')).toEqual(['commerce', 'eu', 'russie']);
    expect(tokenize("l'Union européenne")).toEqual(['eu']);
  });

  it('still drops the stop word when the asker wrote it, and an alias word on the alias stop list', () => {
    expect(tokenize('le sommet a eu lieu')).toEqual(['sommet', 'lieu']);
    expect(tokenize('wat sommet')).toEqual(['sommet']);
  });
});

describe('French and German words the aliases write', () => {
  const knowledge = loadKnowledge('knowledge');
  const types = entryTypes(knowledge.entries);
  const french = buildEngine(knowledge, 'fr', { model: DECISION_MODELS.fr }, types);
  const german = buildEngine(knowledge, 'de', { model: DECISION_MODELS.de }, types);

  it('reads "UE" as the EU, a name the entry must mention', () => {
    expect(french?.matcher.names('Quel est le volume des échanges commerciaux UE-Russie en 2023 ?')).toContain('eu');
  });

  it('reads "Krieg" as the war, not as a form of sein', () => {
    expect(german?.matcher.terms('Wie hat der Krieg die Beziehungen verändert?')).toContain('war');
    expect(german?.matcher.terms('Wer war Gorbatschow?')).not.toContain('war');
  });
});
