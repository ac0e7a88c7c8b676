import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/core/lang/detect.js';

describe('detectLanguage', () => {
  it.each([
    ['Qui a écrit ce document ?', 'fr'],
    ["c'est qui l'auteur du papier sur la russie", 'fr'],
    ['quel est le volume des echanges entre la chine et la russie en 2023', 'fr'],
    ['Wer hat das Papier geschrieben?', 'de'],
    ['wie hoch war der handel zwischen china und russland', 'de'],
    ['Koennten Sie mir sagen, wann das Papier erschienen ist?', 'de'],
    ['Who wrote the paper?', 'en'],
    ['which yrs did ru cn relations go bad', 'en'],
    ['why EU sanction china in 2021?', 'en'],
    // "pr", "ru", "cn" are country codes in stopwords-iso's English list, not English words.
    ["c quoi l'expression de Bobo Lo pr decrire la relation ru-cn", 'fr'],
    ['pk la ru et la cn sont proches', 'fr'],
    // "von der" in a name is no German.
    ['wat did von der leyen and xi discuss', 'en'],
  ] as const)('%s -> %s, from the text', (text, language) => {
    expect(detectLanguage(text)).toEqual({ language, by: 'text' });
  });

  it('reads a keyword query by its dictionary words, not by trigrams', () => {
    expect(detectLanguage('eu china trade deficit').language).toBe('en');
    expect(detectLanguage('frontière russie chine longueur').language).toBe('fr');
    expect(detectLanguage('Sanktionspaket Russland').language).toBe('de');
  });

  it('falls back to the platform hint, then English, when the text cannot tell', () => {
    expect(detectLanguage('ISSN?', 'de')).toEqual({ language: 'de', by: 'hint' });
    expect(detectLanguage('ISSN?')).toEqual({ language: 'en', by: 'default' });
    expect(detectLanguage('Wer hat das geschrieben?', 'fr').language).toBe('de');
  });
});
