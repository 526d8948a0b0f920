import { z } from 'zod';

/** A check's name as the corpus stores it. */
export const checkNameSchema = z.string().min(1).max(200);
