import * as z from 'zod';
import { identitySchema } from '../../shared/identity.js';

/**
 * The schemas of signing in and of the stored session. Loaded on demand (a stored session to
 * check, a sign-in form submitted), so that the sign-in page itself draws without zod.
 */
export const sessionSchema = z.object({ token: z.string(), refreshToken: z.string().optional(), identity: identitySchema });

export const authConfigSchema = z.object({
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('local'), tokenUrl: z.string() }),
    z.object({ kind: z.literal('cognito'), region: z.string(), userPoolId: z.string(), clientId: z.string() }),
  ]),
});
export type AuthConfig = z.infer<typeof authConfigSchema>['auth'];

export const meSchema = z.object({ identity: identitySchema });
export const localTokenSchema = z.object({ id_token: z.string().min(1), refresh_token: z.string().min(1).optional() });
