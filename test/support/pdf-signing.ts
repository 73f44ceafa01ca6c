import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * Signed-PDF fixtures made in the tests (nothing downloaded, nothing shipped): a test PKI (root CA,
 * signers) and CMS signatures from pkijs — an implementation independent of the verifier under
 * test — applied as PDF incremental updates the way signing software does (signature dictionary
 * with a `/ByteRange` placeholder, widget, catalog with `/AcroForm`, xref).
 */
const crypto = webcrypto as unknown as Crypto;
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto }));

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

export type Party = { cert: pkijs.Certificate; keys: CryptoKeyPair; chain: pkijs.Certificate[] };
export type TestPki = { root: Party; signer: Party; otherRoot: Party; otherSigner: Party; rootPem: string; otherRootPem: string };

const year = (n: number) => new Date(Date.UTC(n, 0, 1));
const NAME_OIDS = { CN: '2.5.4.3', O: '2.5.4.10', C: '2.5.4.6' } as const;

function name(parts: Partial<Record<keyof typeof NAME_OIDS, string>>): pkijs.RelativeDistinguishedNames {
  const rdn = new pkijs.RelativeDistinguishedNames();
  for (const [key, value] of Object.entries(parts)) {
    const type = NAME_OIDS[key as keyof typeof NAME_OIDS];
    rdn.typesAndValues.push(
      new pkijs.AttributeTypeAndValue({ type, value: key === 'C' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }) }),
    );
  }
  return rdn;
}

function extension(extnID: string, value: { toSchema(): asn1js.AsnType }): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical: true, extnValue: value.toSchema().toBER(false) });
}

async function certificate(opts: {
  subject: pkijs.RelativeDistinguishedNames;
  issuer?: Party;
  serial: string;
  ca: boolean;
  notBefore: Date;
  notAfter: Date;
}): Promise<Party> {
  const keys = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: new Uint8Array(Buffer.from(opts.serial, 'hex')) });
  cert.subject = opts.subject;
  cert.issuer = opts.issuer ? opts.issuer.cert.subject : opts.subject;
  cert.notBefore.value = opts.notBefore;
  cert.notAfter.value = opts.notAfter;
  const usage = opts.ca ? 0x06 : 0xc0; // keyCertSign|cRLSign, or digitalSignature|nonRepudiation
  cert.extensions = [
    extension('2.5.29.19', new pkijs.BasicConstraints({ cA: opts.ca })),
    extension('2.5.29.15', { toSchema: () => new asn1js.BitString({ valueHex: new Uint8Array([usage]), unusedBits: 1 }) }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign((opts.issuer ?? { keys }).keys.privateKey, 'SHA-256');
  return { cert, keys, chain: opts.issuer ? [opts.issuer.cert] : [] };
}

export function pem(cert: pkijs.Certificate): string {
  const b64 = Buffer.from(cert.toSchema().toBER(false)).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export async function makeTestPki(): Promise<TestPki> {
  const rootCa = { serial: '01', ca: true, notBefore: year(2020), notAfter: year(2040) };
  const root = await certificate({ subject: name({ CN: 'Phoi Hop Test Root CA', O: 'Phoi Hop Test', C: 'VN' }), ...rootCa });
  const otherRoot = await certificate({ subject: name({ CN: 'Unknown Test CA', O: 'Nobody', C: 'VN' }), ...rootCa });
  const leaf = { ca: false, notBefore: year(2021), notAfter: year(2035) };
  const signer = await certificate({ subject: name({ CN: 'Nguyễn Văn An', O: 'UBND phường Tây Hồ', C: 'VN' }), issuer: root, serial: '0a1b2c3d4e', ...leaf });
  const otherSigner = await certificate({ subject: name({ CN: 'Trần Thị Bình', O: 'Đơn vị lạ', C: 'VN' }), issuer: otherRoot, serial: '77', ...leaf });
  return { root, signer, otherRoot, otherSigner, rootPem: pem(root.cert), otherRootPem: pem(otherRoot.cert) };
}

/** A detached CMS SignedData over `parts`, with content type, signing time and message digest signed. */
export async function cmsSign(parts: Buffer[], party: Party, signingTime: Date): Promise<Buffer> {
  const cert = party.cert;
  const digest = createHash('sha256');
  for (const p of parts) digest.update(p);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest.digest()) })] }),
          ],
        }),
      }),
    ],
    certificates: [cert, ...party.chain],
  });
  await signedData.sign(party.keys.privateKey, 0, 'SHA-256');
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

const last = (pdf: string, re: RegExp) => [...pdf.matchAll(re)].pop();

/**
 * Signs a PDF as an incremental update: appends a signature dictionary, its widget, the catalog
 * with every signature field so far, an xref section and a trailer pointing at the previous one.
 */
export async function signPdf(pdf: Buffer, party: Party, opts: { signingTime?: Date; reason?: string; contentsBytes?: number } = {}): Promise<Buffer> {
  const text = pdf.toString('latin1');
  const size = Number(last(text, /\/Size (\d+)/g)![1]);
  const root = Number(last(text, /\/Root (\d+) 0 R/g)![1]);
  const prev = Number(last(text, /startxref\s+(\d+)/g)![1]);
  const pages = last(text, /\/Type \/Catalog \/Pages (\d+) 0 R/g)![1];
  const fields = [...text.matchAll(/(\d+) 0 obj\n<< \/Type \/Annot \/Subtype \/Widget \/FT \/Sig/g)].map((m) => `${m[1]} 0 R`);
  const sigNo = size;
  const widgetNo = size + 1;
  fields.push(`${widgetNo} 0 R`);
  const signingTime = opts.signingTime ?? new Date(Date.UTC(2024, 1, 28, 3, 0, 0));
  const placeholder = `[0 ${' '.repeat(33)}]`;
  const hexLength = 2 * (opts.contentsBytes ?? 8192);
  let out = text;
  const offsets: Record<number, number> = {};
  const add = (no: number, body: string) => {
    offsets[no] = out.length;
    out += `${no} 0 obj\n${body}\nendobj\n`;
  };
  add(
    sigNo,
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange ${placeholder} /Contents <${'0'.repeat(hexLength)}> /M (D:20240228100000+07'00') /Reason (${opts.reason ?? 'Ky ban hanh'}) >>`,
  );
  add(widgetNo, `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /V ${sigNo} 0 R /T (Signature${fields.length}) /F 132 /P 3 0 R >>`);
  add(root, `<< /Type /Catalog /Pages ${pages} 0 R /AcroForm << /Fields [${fields.join(' ')}] /SigFlags 3 >> >>`);
  const xref = out.length;
  const entry = (no: number) => `${String(offsets[no]).padStart(10, '0')} 00000 n \n`;
  out += `xref\n0 1\n0000000000 65535 f \n${root} 1\n${entry(root)}${sigNo} 2\n${entry(sigNo)}${entry(widgetNo)}`;
  out += `trailer\n<< /Size ${size + 2} /Root ${root} 0 R /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;

  const gapStart = out.indexOf('/Contents <', offsets[sigNo]) + '/Contents '.length;
  const gapEnd = gapStart + hexLength + 2;
  const range = `[0 ${gapStart} ${gapEnd} ${out.length - gapEnd}`;
  const byteRangeAt = out.indexOf(placeholder, offsets[sigNo]);
  out = out.slice(0, byteRangeAt) + range.padEnd(placeholder.length - 1, ' ') + ']' + out.slice(byteRangeAt + placeholder.length);
  const bytes = Buffer.from(out, 'latin1');
  const cms = await cmsSign([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)], party, signingTime);
  const hex = cms.toString('hex');
  if (hex.length > hexLength) throw new Error('signature placeholder too small');
  bytes.write(hex.padEnd(hexLength, '0'), gapStart + 1, 'latin1');
  return bytes;
}

/** An incremental update after signing: a new page content object, as an editor would append it. */
export function appendUpdate(pdf: Buffer, line: string): Buffer {
  const text = pdf.toString('latin1');
  const size = Number(last(text, /\/Size (\d+)/g)![1]);
  const root = Number(last(text, /\/Root (\d+) 0 R/g)![1]);
  const prev = Number(last(text, /startxref\s+(\d+)/g)![1]);
  const stream = `BT /F1 18 Tf 60 700 Td (${line}) Tj ET`;
  const at = pdf.length;
  let out = `${size} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
  const xref = at + out.length;
  out += `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${size + 1} /Root ${root} 0 R /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(out, 'latin1')]);
}

/** The same file with one byte of the signed content changed (inside the first page's text). */
export function flipByte(pdf: Buffer, marker: string): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}
