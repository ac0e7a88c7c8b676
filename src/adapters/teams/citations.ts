/**
 * Teams' native citations: a schema.org `Message` entity whose `Claim`s are matched by position to
 * `[n]` markers in the message text. Teams drops the whole entity when a limit is broken (more
 * than 20 claims, a name over 80 characters, an abstract over 160), so the limits are applied
 * here, in one place, and the markers are generated from the same list as the claims.
 */
import type { Language } from '../../core/lang/languages.js';
import type { Citation } from '../../core/types.js';
import { neutralize, truncate } from './cards.js';
import { TEAMS_STRINGS } from './strings.js';

export const MAX_CLAIMS = 20;
export const MAX_CLAIM_NAME = 80;
export const MAX_CLAIM_ABSTRACT = 160;
export const MAX_KEYWORD = 28;

export interface Claim {
  readonly '@type': 'Claim';
  readonly position: number;
  readonly appearance: {
    readonly '@type': 'DigitalDocument';
    readonly name: string;
    readonly abstract: string;
    readonly url: string;
    readonly keywords: readonly string[];
  };
}

export interface MessageEntity {
  readonly type: 'https://schema.org/Message';
  readonly '@type': 'Message';
  readonly '@context': 'https://schema.org';
  readonly '@id': '';
  readonly citation: readonly Claim[];
}

/** The claims for `citations`, numbered from 1, at most MAX_CLAIMS; our words in them (the position) in `language`, the citations' own. */
export function claims(citations: readonly Citation[], language: Language = 'en'): Claim[] {
  return citations.slice(0, MAX_CLAIMS).map((c, i) => ({
    '@type': 'Claim',
    position: i + 1,
    appearance: {
      '@type': 'DigitalDocument',
      name: neutralize(c.section || TEAMS_STRINGS[language].citationFallback, MAX_CLAIM_NAME),
      abstract: neutralize(`“${c.quote}”`, MAX_CLAIM_ABSTRACT),
      url: c.url,
      keywords: c.position ? [truncate(c.position, MAX_KEYWORD)] : [],
    },
  }));
}

/** The Message entity carrying `claims`, or undefined when there is nothing to cite. */
export function citationEntity(list: readonly Claim[]): MessageEntity | undefined {
  if (list.length === 0) return undefined;
  return { type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '', citation: list };
}

/** ` [1] [2]` for the given claims (appended after the cited text). */
export function markers(list: readonly Claim[]): string {
  return list.map((c) => ` [${c.position}]`).join('');
}
