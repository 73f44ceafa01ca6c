import type { Review } from '../../../shared/agreements/schema.js';
import type { ItemResult } from '../../imports/review-results-sheet.js';
import { putReview } from './review.js';
import type { OpContext } from './context.js';

/**
 * A review's per-item results replaced from a spreadsheet: the review is one record, so this is the
 * review's own write (one transaction, one audit entry), conditioned on the version read with the
 * preview. Every other field of the review stays as it is.
 */
export async function applyReviewResults(ctx: OpContext, id: string, review: Review, itemResults: ItemResult[]) {
  const { period: _p, kind: _k, year: _y, version, createdAt: _c, updatedAt: _u, ...fields } = review;
  return putReview(ctx, id, review.period, { ...fields, itemResults }, version);
}
