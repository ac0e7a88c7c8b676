import { describe, expect, it } from 'vitest';
import { answerTypes, questionType } from '../../../src/core/text/questionType.js';

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
});
