import { beforeAll, describe, expect, it } from 'vitest';
import { harnessSuite } from '../support/harness.js';
import { caller, samplePlan } from '../support/supervision-fixtures.js';

/** A create answers with the new record's version in the body and as `ETag`, ready to send back as `If-Match`. */

let call: ReturnType<typeof caller>;
let editor: Record<string, string>;
const TAY_HO = { provinceCode: '01', localityCode: '00103' };

const h = harnessSuite({ now: () => new Date('2026-03-20T02:00:00Z') });

beforeAll(async () => {
  call = caller(h);
  editor = (await h.userToken({ role: 'locality_editor', ...TAY_HO })).headers;
});

describe('ETag of creates', () => {
  it('a supervision plan carries its version as ETag, and the ETag works as If-Match', async () => {
    const plan = await call('POST', '/api/supervision/plans', editor, samplePlan());
    expect(plan.status, plan.text).toBe(201);
    expect(plan.res.headers.get('etag')).toBe(`"${plan.json.plan.version}"`);
    const moved = await call(
      'POST',
      `/api/supervision/plans/${plan.json.plan.id}/transitions`,
      { ...editor, 'if-match': plan.res.headers.get('etag')! },
      { to: 'notified' },
    );
    expect(moved.status, moved.text).toBe(200);
  });

  it('an invitation answers its version as ETag, and a revoke moves the version on', async () => {
    const admin = (await h.userToken({ role: 'locality_admin', ...TAY_HO })).headers;
    const invited = await call('POST', '/api/tenancy/invitations', admin, { email: 'etag-moi@example.vn', role: 'locality_viewer' });
    expect(invited.status, invited.text).toBe(201);
    expect(invited.json.invitation.version).toBe(1);
    expect(invited.res.headers.get('etag')).toBe('"1"');
    const revoked = await call('POST', `/api/tenancy/invitations/${invited.json.invitation.invitationId}/revoke`, admin, {});
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.json.invitation).toMatchObject({ status: 'revoked', version: 2 });
  });
});
