import type { ValidationTargets } from 'hono';
import type * as z from 'zod';

/**
 * What a middleware tells about the route it is mounted on, read from the app's route table
 * (`app.routes`: method, path, handler) without touching any route file: the OpenAPI document
 * (functions/http/openapi.ts) finds which zod schema validates which part of a request, and which
 * routes sit behind `requireAuth`. Keys are the middleware functions themselves, so nothing leaks
 * into the request path and a garbage-collected app takes its metadata with it.
 */
export type ValidatorMeta = { target: keyof ValidationTargets; schema: z.ZodType };

const validators = new WeakMap<object, ValidatorMeta>();
const authenticators = new WeakSet<object>();

export function markValidator<H extends object>(handler: H, meta: ValidatorMeta): H {
  validators.set(handler, meta);
  return handler;
}

export function validatorMeta(handler: unknown): ValidatorMeta | undefined {
  return typeof handler === 'function' ? validators.get(handler) : undefined;
}

/** Marks a middleware that demands a verified bearer token (the route is secured in the document). */
export function markAuthenticating<H extends object>(handler: H): H {
  authenticators.add(handler);
  return handler;
}

export function isAuthenticating(handler: unknown): boolean {
  return typeof handler === 'function' && authenticators.has(handler);
}
