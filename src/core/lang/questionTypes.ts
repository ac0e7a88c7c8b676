/**
 * The kind of answer a French or German question asks for, from its question words, with the same
 * types as English (../text/questionType.ts): "quand" / "wann" a time, "qui" / "wer" a person or
 * body, "combien" / "wie viel" a number, "pourquoi" / "warum" a reason... Read on folded text
 * (German umlauts spelt out); a question with several question words asks each kind, the earliest first.
 */
import { fold } from '../text/normalize.js';
import { questionTypes, typesIn, type QuestionType } from '../text/questionType.js';
import type { Language } from './languages.js';
import { foldGerman } from '../text/fold.js';

type Patterns = readonly (readonly [QuestionType, RegExp])[];

const FRENCH: Patterns = [
  ['share', /\b(quel(le)?s? (pourcentage|part|proportion)|combien de pour ?cent|quelle fraction)\b/],
  ['duration', /\b(combien de temps|depuis combien|pendant combien|quelle duree|quelle longueur)\b/],
  ['quantity', /\b(combien|quel(le)?s? (montant|volume|somme|quantite|prix|taux|chiffre))\b/],
  ['date', /\b(quel(le)? (date|jour|mois)|a quelle date|quand exactement)\b/],
  // Not "quand meme" (all the same).
  ['when', /\b(quand(?! meme)|en quelle annee|quelle annee|a quel moment|depuis quand)\b/],
  ['where', /\b(ou (se|a|est|sont|ont|s est|etait|se trouve)|dans quel(le)? (ville|pays|lieu|endroit)|a quel endroit|^ou\b)/],
  // Not "ce qui" ("qu'est-ce qui a declenche ..." asks what, not who).
  ['who', /\b((?<!ce )qui|par qui|de qui|comment s appelle(nt)?|quel est le nom|quels sont les noms|nom de)\b/],
  ['entity', /\b(quel(le)?s? (entreprises?|societes?|pays|etats membres|villes?|banques?|fabricants?|constructeurs?|responsables?))\b/],
  ['why', /\b(pourquoi|pour quelle raison|pour quelles raisons)\b/],
  ['future', /^(est ce que .* (va|vont|sera|seront)|va t il|vont ils|sera t il)\b/],
  ['outcome', /\b(resultat|issue|abouti|comment (s est|ca s est) (termine|fini)|qui a gagne)\b/],
  ['content', /\b(de quoi (ont ils|ils ont) (parle|discute)|(qu ont ils|ils ont|se sont ils|ils se sont) (dit|discute|convenu)|se sont dit|contenu|que contient|qu y a t il dans|quelles mesures|de quoi .{0,60}\b(parle|discute)|qu est ce qu(e|il|ils|elle) .{0,60}\b(a|ont) (dit|declare)|quel(le)?s? (secteurs|produits|biens|marchandises)( precis)?|qu est ce qu il y a (precisement |exactement )?dans|(a|ont) dit quoi|qu (a|ont) dit (?!(l auteur|le papier|le texte|andrieu)\b)(\w+ ){1,4}(a|au|aux)\b(?! propos))\b/],
];

const GERMAN: Patterns = [
  ['share', /\b(welche[rn]? anteil|wie viel prozent|wieviel prozent|wie hoch (ist|war) der anteil|welcher prozentsatz)\b/],
  ['duration', /\b(wie lange|wie lang|seit wann|wie viele jahre)\b/],
  ['quantity', /\b(wie viele?|wieviele?|wie hoch|welche[rns]? (betrag|summe|volumen|menge|preis|wert|umfang))\b/],
  ['date', /\b(an welchem (tag|datum)|welche[ns]? datum|in welchem monat|wann genau)\b/],
  ['when', /\b(wann|in welchem jahr|welches jahr|seit welchem jahr)\b/],
  ['where', /\b(wo|wohin|in welche[mr]? (stadt|land|ort))\b/],
  ['who', /\b(wer|von wem|wem|wen|wie heisst|wie heissen|welchen namen|name des|namen der)\b/],
  ['entity', /\b(welche[nrs]? (unternehmen|firmen?|laender|land|mitgliedstaaten|staaten|staedte|stadt|banken|hersteller|konzerne))\b/],
  ['why', /\b(warum|wieso|weshalb|weswegen|aus welchem grund)\b/],
  ['future', /^(wird|werden|wie wird|was wird)\b/],
  ['outcome', /\b(ausgegangen|ausgang|ergebnis|wie endete|wer hat gewonnen)\b/],
  ['content', /\b(worueber (haben|wurde|sprachen|redeten)|was (wurde|haben sie|haben die beiden) (besprochen|vereinbart|gesagt)|besprochen|was (steht|ist|stand|war) (genau |konkret |eigentlich )?(im|in dem)|welche massnahmen|inhalt|enthaelt|enthielt|welche[nrs]? (konkreten |genauen )?(sektoren|branchen|produkte|waren|gueter)|was hat .{0,60}\b(gesagt|besprochen|vereinbart))\b/],
];

const PATTERNS: Readonly<Record<Exclude<Language, 'en'>, { readonly fold: (t: string) => string; readonly patterns: Patterns }>> = {
  fr: { fold, patterns: FRENCH },
  de: { fold: foldGerman, patterns: GERMAN },
};

/** The types of the question words of `text` in `language`, the earliest first (see questionTypes). */
export function questionTypesIn(language: Language, text: string): readonly QuestionType[] {
  if (language === 'en') return questionTypes(text);
  const { fold: foldText, patterns } = PATTERNS[language];
  return typesIn(foldText(text), patterns);
}
