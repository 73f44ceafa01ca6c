import * as z from 'zod';
import type { FieldError, Problem } from './problem.js';

/**
 * The problem details of `problem.ts` as zod schemas, for whoever reads a problem (the web app,
 * tests, the API reference). Apart from `problem.ts` so that the API's every-request path, which only
 * writes problems, builds no schema at a cold start.
 */
export const fieldErrorSchema = z.object({
  /** Dotted path inside its location, e.g. `items.0.title`; empty for the whole body. */
  field: z.string(),
  in: z.enum(['body', 'query', 'path', 'header']),
  code: z.string(),
  message_vi: z.string(),
  message_en: z.string(),
}) satisfies z.ZodType<FieldError>;

export const problemSchema = z.object({
  type: z.string(),
  status: z.number().int(),
  title: z.string(),
  title_vi: z.string(),
  detail: z.string().optional(),
  detail_vi: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
}) satisfies z.ZodType<Problem>;
