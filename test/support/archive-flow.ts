import { expect } from 'vitest';
import { documentDetailSchema, uploadTicketSchema, type DocumentDetail, type DocumentMetadataInput } from '../../shared/archive/schema.js';
import type { Harness } from './harness.js';

/** The archive's upload flow as a browser runs it (declare → presigned PUT → complete), for tests beyond archive.test.ts. */
export type Who = { headers: Record<string, string> };

export function archiveFlow(h: Harness) {
  function call(method: string, path: string, who: Who | null, body?: unknown) {
    return h.app.request(path, {
      method,
      headers: { ...(who?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  function metadata(over: Partial<DocumentMetadataInput> = {}): DocumentMetadataInput {
    return {
      type: 'QĐ',
      numberSymbol: '12/QĐ-UBND',
      issuingAgencies: ['UBND phường Tây Hồ'],
      signedOn: '2024-02-28',
      signers: [],
      summary: 'Quyết định ban hành quy chế phối hợp',
      links: [],
      tags: [],
      ...over,
    };
  }

  /** Declares, uploads and completes; returns the completion's response (201 expected by the caller). */
  async function upload(who: Who, bytes: Buffer, opts: { meta?: Partial<DocumentMetadataInput>; name?: string; contentType?: string } = {}) {
    const declared = await call('POST', '/api/archive/uploads', who, {
      file: { name: opts.name ?? 'van-ban.pdf', size: bytes.length, contentType: opts.contentType ?? 'application/pdf' },
      document: metadata(opts.meta),
    });
    expect(declared.status, await declared.clone().text()).toBe(201);
    const ticket = uploadTicketSchema.parse(await declared.json());
    const put = await fetch(ticket.put.url, { method: 'PUT', headers: ticket.put.headers, body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    return call('POST', `/api/archive/uploads/${ticket.uploadId}/complete`, who);
  }

  async function archive(who: Who, bytes: Buffer, opts: Parameters<typeof upload>[2] = {}): Promise<DocumentDetail> {
    const res = await upload(who, bytes, opts);
    expect(res.status, await res.clone().text()).toBe(201);
    return documentDetailSchema.parse(await res.json());
  }

  return { call, metadata, upload, archive };
}
