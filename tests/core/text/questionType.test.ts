import { describe, expect, it } from 'vitest';
import { answerTypes, questionType, questionTypes } from '../../../src/core/text/questionType.js';
import { questionTypesIn } from '../../../src/core/lang/questionTypes.js';

describe('questionType', () => {
  it.each([
    ['When did the EU adopt its China strategy?', 'when'],
    ['in what year was the treaty signed', 'when'],
    ['Where was the summit held?', 'where'],
    ['who wrote this', 'who'],
    ['How many sanctions packages?', 'quantity'],
    ['how much was trade worth', 'quantity'],
    ['how long is the border', 'duration'],
    ['Why did China stand by Russia?', 'why'],
    ['When the Western brands left Russia, who filled the gap?', 'who'],
    ['Will China invade Taiwan?', 'future'],
    ['what was the outcome of the inquiry', 'outcome'],
  ])('reads "%s" as %s', (q, type) => {
    expect(questionType(q)).toBe(type);
  });

  it.each([
    'What does Beijing say when it comes to Ukraine?',
    'how much does Beijing value its ties with the EU',
    'russia china trade 2023',
    'Is it an alliance?',
    'would you say they are allies',
  ])('gives no type to "%s"', (q) => {
    expect(questionType(q)).toBeUndefined();
  });

  it('takes an entry\'s types from its phrasings, and a time or number from its figures', () => {
    expect([...answerTypes(['Who wrote the paper?', 'author'], 'Pierre Andrieu.')]).toEqual(['who']);
    expect(answerTypes(['What did the summit decide?'], 'In December 2023 the EU insisted ...').has('when')).toBe(true);
    expect(answerTypes(['Trade figure?'], 'It reached $240 billion.').has('quantity')).toBe(true);
    expect(answerTypes(['What did the summit decide?'], 'The EU insisted ...').size).toBe(0);
  });

  it.each([
    ['what % of russias exports to china is oil and gas?', 'share'],
    ['What provisional anti-subsidy duty rates did the EU impose?', 'quantity'],
    ['How much Russian gas did China buy in 2023?', 'quantity'],
    ['What topics did Li Qiang and von der Leyen cover in Davos?', 'content'],
    ['Which specific goods were covered by the 13th package?', 'content'],
    ['Which Chinese companies help Russia get around sanctions?', 'entity'],
    ['which chinese carmakers are named in the ev subsidy probe', 'entity'],
    ['On what date was the agreement concluded?', 'date'],
    ['What did Xi say to Zelensky during their April call?', 'content'],
    ['what did zelensky and xi actually say to each other', 'content'],
    ['What exactly did Xi tell Zelensky during their April call?', 'content'],
    ['What exactly Xi and Zelensky said in their phone call?', 'content'],
  ])('reads "%s" as a %s question', (q, type) => {
    expect(questionType(q)).toBe(type);
  });

  it.each(['What does the paper say about Lithuania?', 'what did the author say about the alliance', 'what did borrell say about chinas rise', 'what did it say on trade'])(
    'does not read "%s" as asking what was said between two people',
    (q) => {
      expect(questionType(q)).not.toBe('content');
    },
  );

  it.each([
    ['fr', 'xi a dit quoi au president finlandais au tel'],
    ["fr", "Qu'a dit Xi à Zelensky pendant leur appel ?"],
    ['de', 'Was steht konkret im 13. Sanktionspaket drin?'],
    ['de', 'Was hat Li Qiang in Davos mit von der Leyen vereinbart?'],
  ] as const)('reads the %s question "%s" as asking what was said or contained', (language, q) => {
    expect(questionTypesIn(language, q)).toContain('content');
  });

  it.each([
    ['fr', "Qu'a dit l'auteur à propos de l'alliance ?"],
    ['fr', "Qu'a dit Borrell sur la montée de la Chine ?"],
    ['de', 'Was hat die EU beim Gipfel im Dezember 2023 von China gefordert?'],
  ] as const)('does not read the %s question "%s" as asking what was said between two people', (language, q) => {
    expect(questionTypesIn(language, q)).not.toContain('content');
  });

  it('needs a unit for a length of time or distance, and a percentage for a share', () => {
    expect(answerTypes(['When did Xi call Zelensky?'], 'He held talks with President Zelensky on 26 April.').has('duration')).toBe(false);
    expect(answerTypes(['How long is the border?'], 'a 2,257km border with the EU').has('duration')).toBe(true);
    expect(answerTypes(['Trade growth?'], 'trade increased by 26.3% to reach $240 billion').has('share')).toBe(true);
    expect(answerTypes(['How much did investment fall?'], 'It dried up completely in 2022.').has('quantity')).toBe(false);
  });

  it.each([
    'Did Moscow want a proper alliance where each side has to help if the other is attacked?',
    'Would Russia have liked a pact where each side defends the other?',
  ])('does not read a relative "where" as a place question: "%s"', (q) => {
    expect(questionType(q)).toBeUndefined();
  });

  it.each(['where does russia rank for china', 'ok where is the border', 'So, where was the summit?', 'Trade ranking - where exactly?'])('still reads "%s" as where', (q) => {
    expect(questionType(q)).toBe('where');
  });

  it('reads every kind a two-part question asks, the first first', () => {
    expect(questionTypes('When was the Foundation created and who presides it?')).toEqual(['when', 'who']);
    expect(questionTypesIn('fr', 'La Fondation, elle existe depuis quand et qui la préside ?')).toEqual(['when', 'who']);
    expect(questionTypesIn('de', 'seit wann gibts den Nachbarschaftsvertrag?')).toEqual(['duration', 'when']);
    expect(questionTypes('russia china trade 2023')).toEqual([]);
  });

  it('reads a number spelt out as a figure', () => {
    const types = answerTypes(['When was the agreement signed?'], 'It was signed in December 2020 after seven years of negotiations.');
    expect(types.has('quantity')).toBe(true);
    expect(types.has('duration')).toBe(true);
    expect(answerTypes(['Is it an alliance?'], 'It is not an alliance.').has('quantity')).toBe(false);
  });

  it('does not read "quand même" as when, nor "qu\'est-ce qui" as who', () => {
    expect(questionTypesIn('fr', "Sur quels sujets l'UE et la Chine continuent quand même à se parler ?")).toEqual([]);
    expect(questionTypesIn('fr', "Qu'est-ce qui a déclenché les mesures de Pékin contre la Lituanie ?")).toEqual([]);
    expect(questionTypesIn('fr', 'Quand la Chine a-t-elle réagi ?')).toEqual(['when']);
    expect(questionTypesIn('fr', "c'est qui qui fixe les prix du gaz ?")).toEqual(['who']);
  });
});
