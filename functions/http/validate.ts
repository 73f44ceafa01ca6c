import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type * as z from 'zod';
import { fieldErrorsFromZod, type FieldError } from '../../shared/problem.js';
import { ProblemError } from './problem.js';
import { markValidator } from './route-meta.js';

const locationOf: Record<string, FieldError['in']> = { json: 'body', form: 'body', query: 'query', param: 'path', header: 'header' };

/**
 * zod validation for any part of a request. On failure: 400 problem+json listing each field with a
 * Vietnamese and an English message. Handlers read the parsed value with `c.req.valid(target)`.
 */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  // The returned middleware carries its schema (route-meta.ts): the OpenAPI document reads it.
  return markValidator(
    validator(target, async (value) => {
      const result = await schema.safeParseAsync(value, { reportInput: true });
      if (!result.success) {
        throw new ProblemError(
          'validation',
          { vi: 'Vui lòng kiểm tra các trường được nêu', en: 'Check the fields listed in errors' },
          fieldErrorsFromZod(result.error.issues, locationOf[target] ?? 'body'),
        );
      }
      return result.data as z.output<S>;
    }),
    { target, schema },
  );
}
