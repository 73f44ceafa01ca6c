import * as z from 'zod';
import { bilingual } from '../problem.js';
import { roleSchema } from '../roles.js';
import { agencySchema, emailSchema, personNameSchema, tenantSchema } from '../tenancy/schema.js';

/** Days an invitation link stays valid; DynamoDB TTL removes it some time after. */
export const INVITATION_TTL_DAYS = 7;

/**
 * Invitation token as it travels in the link: `<province>.<district|P>.<secret>`. The tenant part
 * only locates the invitation's partition; the invitation is found only when SHA-256 of the whole
 * token matches a stored hash, so the token proves itself and cannot reach another tenant.
 */
export const invitationTokenSchema = z
  .string(bilingual('Thiếu mã lời mời', 'Invitation token is missing'))
  .regex(/^\d{2}\.(?:\d{5}|\d{3}|P)\.[A-Za-z0-9_-]{43}$/, bilingual('Mã lời mời không đúng định dạng', 'Malformed invitation token'));

/** Same rule as Cognito's default policy, so the pool never refuses what the form accepted. */
export const passwordSchema = z
  .string(bilingual('Mật khẩu là chuỗi ký tự', 'Password must be text'))
  .min(8, bilingual('Mật khẩu cần ít nhất 8 ký tự', 'Password needs at least 8 characters'))
  .max(128, bilingual('Mật khẩu tối đa 128 ký tự', 'Password is at most 128 characters'))
  .regex(/[a-z]/, bilingual('Mật khẩu cần có chữ thường', 'Password needs a lower-case letter'))
  .regex(/[A-Z]/, bilingual('Mật khẩu cần có chữ hoa', 'Password needs an upper-case letter'))
  .regex(/\d/, bilingual('Mật khẩu cần có chữ số', 'Password needs a digit'))
  .regex(/[^A-Za-z0-9]/, bilingual('Mật khẩu cần có ký tự đặc biệt', 'Password needs a symbol'));

export const inviteRequestSchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema.optional(),
  role: roleSchema,
  agency: agencySchema.optional(),
});
export type InviteRequest = z.infer<typeof inviteRequestSchema>;

export const invitationTokenRequestSchema = z.strictObject({ token: invitationTokenSchema });

export const acceptInvitationRequestSchema = z.strictObject({
  token: invitationTokenSchema,
  name: personNameSchema,
  password: passwordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequestSchema>;

/** Cognito `sub` (UUID) or the local issuer's: letters, digits and dashes only. */
export const userIdParamSchema = z.strictObject({
  userId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, bilingual('Mã người dùng không hợp lệ', 'Invalid user id')),
});
export const invitationIdParamSchema = z.strictObject({
  invitationId: z.string().regex(/^[0-9a-f]{64}$/, bilingual('Mã lời mời không hợp lệ', 'Invalid invitation id')),
});

export const versionBodySchema = z.strictObject({
  version: z
    .number(bilingual('Phiên bản là số nguyên dương', 'Version is a positive integer'))
    .int(bilingual('Phiên bản là số nguyên dương', 'Version is a positive integer'))
    .positive(bilingual('Phiên bản là số nguyên dương', 'Version is a positive integer')),
});

/** Who a person is in the tenant: what a user account holds and what an invitation will give it. */
export const accountFields = {
  email: z.string(),
  name: z.string().optional(),
  role: roleSchema,
  agency: z.string().optional(),
};

export const userStatuses = ['active', 'disabled'] as const;
export const userSchema = z.object({
  userId: z.string(),
  ...accountFields,
  status: z.enum(userStatuses),
  createdAt: z.string(),
  disabledAt: z.string().optional(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const invitationStatuses = ['pending', 'accepted', 'revoked'] as const;
export const invitationSchema = z.object({
  invitationId: z.string(),
  ...accountFields,
  status: z.enum(invitationStatuses),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  invitedBy: z.object({ userId: z.string(), email: z.string(), name: z.string().optional() }),
  /** Sent back as `If-Match`; the create answers it as `ETag`. */
  version: z.number().int(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** What an admin gets back after inviting: the link to hand over (no email is sent). */
export const invitationCreatedSchema = z.object({ invitation: invitationSchema, token: z.string(), link: z.string() });
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

/** `POST /api/tenancy/signups/:locality/decision`: the tenant, and the first admin's invitation on approval. */
export const decisionResultSchema = z.object({ tenant: tenantSchema, invitation: invitationCreatedSchema.optional() });

/** `POST /api/tenancy/provinces` (operator): the new province tenant and its first admin's invitation. */
export const provinceOnboardedSchema = z.object({ tenant: tenantSchema, invitation: invitationCreatedSchema });

const tenantNameSchema = z.object({ name: z.string(), provinceName: z.string(), localityCode: z.string().nullable().optional() });

/** `GET /api/tenancy/users`: the tenant's users, open invitations and the roles the caller may grant. */
export const usersPageSchema = z.object({
  tenant: tenantNameSchema,
  users: z.array(userSchema),
  invitations: z.array(invitationSchema),
  grantableRoles: z.array(roleSchema),
});

/** `POST /api/tenancy/invitations/preview` (public): who is invited, to which tenant. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  name: z.string().optional(),
  role: roleSchema,
  agency: z.string().optional(),
  expiresAt: z.string(),
  tenant: tenantNameSchema,
});
