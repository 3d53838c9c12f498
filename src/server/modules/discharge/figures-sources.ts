import type { Executor } from '../../platform/db/schema';
import type { FiguresRange } from './figures.queries';

/**
 * Figures whose facts live in a module that depends on this one (the documents module asks this
 * module for the continuity gate, so this module cannot import it back). That module registers its
 * sources at start, as it registers its patient-page section: the council figures then count the
 * referral letters and the nursing summaries without this module reading the documents' tables.
 */
export type FiguresSources = {
  /** The first 紹介状 of each provider change of the municipality, issued before `before`. */
  firstReferralLetters(
    db: Executor,
    municipalityCode: string,
    before: Date,
  ): Promise<Array<{ providerChangeId: string; at: Date }>>;
  /** Per Tokyo month of sharing: nursing summaries shared, and those read by a recipient within 24 h. */
  nursingSummaryReads(
    db: Executor,
    range: FiguresRange,
  ): Promise<Array<{ month: string; shared: number; readWithin24h: number }>>;
};

let sources: FiguresSources | undefined;

export function registerFiguresSources(next: FiguresSources): void {
  sources = next;
}

/** The registered sources, or undefined when the documents module is not mounted. */
export function figuresSources(): FiguresSources | undefined {
  return sources;
}
