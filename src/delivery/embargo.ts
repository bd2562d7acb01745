/** Filters for an article the public may read: this slug, and no embargo or one that has lifted by `now`. */
export const deliverableFilters = (slug: string, now: Date = new Date()) => ({
  slug,
  $or: [{ embargoedUntil: { $null: true } }, { embargoedUntil: { $lte: now.toISOString() } }],
});
