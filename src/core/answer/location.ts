/**
 * Where a cited paragraph sits, as a reader cites a text: "Section '<title>', paragraph 3 of 7", or
 * "Footnote 1". Paragraph ids such as `invasion-4` are stable keys for curators, not something a
 * reader can find in the paper, so they stay in JSON and never reach a person. Positions are counted
 * over the paper's paragraphs in file order; footnote paragraphs (`fn-N`) are not counted in a section.
 */
import { fill, LABELS } from '../lang/labels.js';
import type { Language } from '../lang/languages.js';
import type { Knowledge } from '../types.js';

const FOOTNOTE = /^fn-(\d+)$/;

export interface Location {
  /** "Section '<title>', paragraph 3 of 7" or "Footnote 1". */
  readonly label: string;
  /** The place within the section alone, for tight spaces: "Paragraph 3 of 7" or "Footnote 1". */
  readonly position: string;
}

/** Paragraph id -> human location, for every paragraph of `k`, in `language` (the section titles are the paper's). */
export function paragraphLocations(k: Pick<Knowledge, 'sections' | 'paragraphs'>, language: Language = 'en'): ReadonlyMap<string, Location> {
  const l = LABELS[language];
  const titles = new Map(k.sections.map((s) => [s.id, s.title]));
  const bySection = new Map<string, string[]>();
  const locations = new Map<string, Location>();
  for (const p of k.paragraphs) {
    const footnote = FOOTNOTE.exec(p.id);
    if (footnote) {
      const label = fill(l.locationFootnote, { n: footnote[1] ?? '' });
      locations.set(p.id, { label, position: label });
      continue;
    }
    const ids = bySection.get(p.sectionId) ?? [];
    ids.push(p.id);
    bySection.set(p.sectionId, ids);
  }
  for (const [sectionId, ids] of bySection) {
    const title = titles.get(sectionId) ?? sectionId;
    ids.forEach((id, i) => {
      const place = { n: i + 1, total: ids.length };
      locations.set(id, { label: fill(l.locationSection, { ...place, section: title }), position: fill(l.locationPosition, place) });
    });
  }
  return locations;
}
