import { z } from 'zod';

/**
 * The largest id: ids are 32-bit integers on PostgreSQL (`integer`), and SQLite's are kept to the
 * same range, so that a larger one is refused as bad input on both rather than failing in SQL.
 */
export const MAX_ID = 2_147_483_647;

/** A record's id in an input. */
export const id = z.number().int().positive().max(MAX_ID);
