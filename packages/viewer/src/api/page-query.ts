import { z } from 'zod';

/** The largest page any list answers, so one request cannot ask a large corpus for everything. */
export const maxPageSize = 500;

/** `?offset=&limit=` of a list request: non-negative integers, the limit capped at `maxPageSize`. */
export function pageQuery(defaultLimit: number) {
  return z.object({
    offset: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().positive().max(maxPageSize).default(defaultLimit),
  });
}

/** `?offset=&limit=` parsed, with the limit a page defaults to. */
export type PageQuery = z.infer<ReturnType<typeof pageQuery>>;
