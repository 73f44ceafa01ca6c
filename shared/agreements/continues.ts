import * as z from 'zod';
import { bilingual } from '../problem.js';
import { agreementIdSchema } from './fields.js';
import { agreementKindSchema, agreementStatusSchema } from './vocabulary.js';

/**
 * A commune's program or regulation may continue an agreement of its predecessor district (the 2025
 * district its code lay in): the reference names that district's tenant and the agreement. The API
 * checks that the district is the tenant's predecessor and that the agreement exists there.
 */
export const continuesInputSchema = z.strictObject({
  provinceCode: z.string().regex(/^\d{2}$/, bilingual('Mã tỉnh gồm 2 chữ số', 'Province code has 2 digits')),
  localityCode: z.string().regex(/^\d{3}$/, bilingual('Mã quận, huyện gồm 3 chữ số (danh mục 2025)', 'District code has 3 digits (2025 list)')),
  agreementId: agreementIdSchema,
});
export type ContinuesInput = z.infer<typeof continuesInputSchema>;

/** As stored on the header and returned: the reference plus what the link shows (the district's record is read-only history). */
export const continuesRefSchema = continuesInputSchema.extend({
  localityName: z.string(),
  kind: agreementKindSchema,
  number: z.string(),
  title: z.string(),
  period: z.string(),
});
export type ContinuesRef = z.infer<typeof continuesRefSchema>;

/** `GET /api/agreements/continuable`: the caller's predecessor district and what of it may be continued. */
export const continuableSchema = z.object({
  predecessor: z.object({ provinceCode: z.string(), localityCode: z.string(), name: z.string() }).nullable(),
  items: z.array(
    z.object({ id: z.string(), kind: agreementKindSchema, number: z.string(), title: z.string(), period: z.string(), status: agreementStatusSchema }),
  ),
});
export type Continuable = z.infer<typeof continuableSchema>;
