// Ids per `in (…)` list: far below every engine's limit on bound parameters.
const IDS_PER_QUERY = 1_000;

/** Distinct `ids` in lists short enough for one `in (…)` each. */
export function chunksOf(ids: Iterable<number>): number[][] {
  const unique = [...new Set(ids)];
  const chunks: number[][] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    chunks.push(unique.slice(i, i + IDS_PER_QUERY));
  }
  return chunks;
}
