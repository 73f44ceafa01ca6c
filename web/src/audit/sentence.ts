import { itemStatusInfo, statusLabels } from '../../../shared/agreements/vocabulary.js';
import { auditFieldLabels } from '../../../shared/audit/vocabulary.js';
import type { AuditEvent } from '../../../shared/audit/schema.js';
import { vietnamClock } from '../../../shared/dates.js';
import { formatDate } from '../../../shared/format.js';
import { planStatusLabels, recommendationStatusLabels } from '../../../shared/supervision/labels.js';
import type { Text } from '../../../shared/text.js';
import { tenantStatusLabels } from '../tenancy/labels.js';

type Lang = 'vi' | 'en';

/** dd/mm/yyyy hh:mm in Vietnam time. */
export function auditTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const local = vietnamClock(d);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mi = String(local.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(d)} ${hh}:${mi}`;
}

const statusWords: Record<string, Text> = { ...tenantStatusLabels, ...statusLabels, ...planStatusLabels, ...recommendationStatusLabels, ...itemStatusInfo };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const changed = (e: AuditEvent, field: string): unknown => e.changes[field]?.after ?? e.changes[field]?.before;

/** What the entry is about, by name: the record's title, number or name as the change carries it. */
function objectName(e: AuditEvent, known?: string): string | undefined {
  for (const field of ['name', 'title', 'topic', 'numberSymbol', 'number', 'email', 'summary']) {
    const v = str(changed(e, field));
    if (v) return v.length > 90 ? `${v.slice(0, 90)}…` : v;
  }
  return known;
}

/** The number of a supervision finding, recommendation or agreement item in a target id (…/R002, …/ITEM#003). */
const subNumber = (id: string, marker: string): number | undefined => {
  const m = new RegExp(`/${marker}(\\d+)`).exec(id);
  return m ? Number(m[1]) : undefined;
};

const quoted = (name: string | undefined) => (name ? ` “${name}”` : '');

/** The verb and object of an entry, e.g. "phê duyệt đăng ký của Phường Ba Đình". */
function predicate(e: AuditEvent, lang: Lang, known?: string): string {
  const name = objectName(e, known);
  const vi = lang === 'vi';
  const n = quoted(name);
  const a = e.action;
  switch (e.target.entity) {
    case 'tenant': {
      const unit = name ?? (vi ? 'một đơn vị' : 'a unit');
      const map: Record<string, Text> = {
        'sign-up': { vi: `đăng ký sử dụng cho ${unit}`, en: `signed up ${unit}` },
        approve: { vi: `phê duyệt đăng ký của ${unit}`, en: `approved the sign-up of ${unit}` },
        reject: { vi: `từ chối đăng ký của ${unit}`, en: `rejected the sign-up of ${unit}` },
        create: { vi: `tạo đơn vị ${unit}`, en: `created the unit ${unit}` },
        'open-data-entry': { vi: `mở nhập liệu hồ sơ lịch sử của ${unit}`, en: `opened ${unit}'s history for data entry` },
        'close-data-entry': { vi: `đóng nhập liệu hồ sơ lịch sử của ${unit}`, en: `closed ${unit}'s history for data entry` },
      };
      if (map[a]) return map[a]![lang];
      break;
    }
    case 'invitation': {
      const who = str(changed(e, 'email')) ?? (vi ? 'một người dùng' : 'a user');
      if (a === 'invite') return vi ? `mời ${who} tham gia` : `invited ${who}`;
      if (a === 'revoke') return vi ? `thu hồi lời mời gửi ${who}` : `revoked the invitation of ${who}`;
      if (a === 'reissue') return vi ? `cấp lại đường dẫn mời cho ${who}` : `re-issued the invitation link of ${who}`;
      break;
    }
    case 'user': {
      const who = name ?? (vi ? 'một người dùng' : 'a user');
      if (a === 'accept') return vi ? `nhận lời mời, tạo tài khoản ${who}` : `accepted the invitation as ${who}`;
      if (a === 'disable') return vi ? `vô hiệu hoá tài khoản ${who}` : `disabled the account of ${who}`;
      if (a === 'enable') return vi ? `mở lại tài khoản ${who}` : `re-enabled the account of ${who}`;
      break;
    }
    case 'agreement': {
      const map: Record<string, Text> = {
        create: { vi: `soạn văn bản phối hợp${n}`, en: `drafted the agreement${n}` },
        update: { vi: `sửa văn bản phối hợp${n}`, en: `edited the agreement${n}` },
        delete: { vi: `xoá dự thảo${n}`, en: `deleted the draft${n}` },
        sign: { vi: `ghi nhận ký kết văn bản phối hợp${n}`, en: `recorded the signing of the agreement${n}` },
        supersede: { vi: `ghi nhận văn bản phối hợp${n} bị thay thế`, en: `marked the agreement${n} superseded` },
        transition: { vi: `chuyển trạng thái văn bản phối hợp${n}`, en: `changed the status of the agreement${n}` },
        amend: { vi: `sửa đổi, bổ sung văn bản phối hợp${n}`, en: `amended the agreement${n}` },
      };
      if (map[a]) return map[a]![lang];
      break;
    }
    case 'agreement-review': {
      const period = /REVIEW#(\d{4})-(H1|Y)/.exec(e.target.id);
      const which = period
        ? period[2] === 'H1'
          ? { vi: `sơ kết 6 tháng đầu năm ${period[1]}`, en: `the half-year review of ${period[1]}` }
          : { vi: `tổng kết năm ${period[1]}`, en: `the annual review of ${period[1]}` }
        : { vi: 'sơ kết, tổng kết', en: 'a review' };
      if (a === 'create') return vi ? `ghi ${which.vi}` : `wrote ${which.en}`;
      if (a === 'update') return vi ? `sửa ${which.vi}` : `edited ${which.en}`;
      break;
    }
    case 'agreement-item': {
      const no = subNumber(e.target.id, 'ITEM#');
      if (a === 'progress') return vi ? `cập nhật tiến độ nội dung số ${no ?? ''}`.trim() : `updated the progress of item ${no ?? ''}`.trim();
      break;
    }
    case 'supervision': {
      const finding = subNumber(e.target.id, 'F');
      const rec = subNumber(e.target.id, 'R');
      const response = rec !== undefined && /\/R\d+\/./.test(e.target.id);
      if (response) return vi ? `ghi nhận trả lời kiến nghị số ${rec}` : `recorded an answer to recommendation ${rec}`;
      if (a === 'undo')
        return rec !== undefined
          ? vi
            ? `hoàn tác thay đổi trạng thái của kiến nghị số ${rec}`
            : `undid the change of status of recommendation ${rec}`
          : vi
            ? `hoàn tác bước chuyển của kế hoạch giám sát${n}`
            : `undid a step of the supervision plan${n}`;
      if (rec !== undefined)
        return a === 'create'
          ? vi
            ? `ghi nhận kiến nghị số ${rec}`
            : `recorded recommendation ${rec}`
          : vi
            ? `cập nhật kiến nghị số ${rec}`
            : `updated recommendation ${rec}`;
      if (finding !== undefined) return vi ? `ghi nhận kết quả giám sát số ${finding}` : `recorded finding ${finding}`;
      if (a === 'create') return vi ? `lập kế hoạch giám sát${n}` : `drew up the supervision plan${n}`;
      if (a === 'update') return vi ? `cập nhật kế hoạch giám sát${n}` : `updated the supervision plan${n}`;
      break;
    }
    case 'document': {
      const map: Record<string, Text> = {
        create: { vi: `lưu vào kho văn bản${n}`, en: `archived the document${n}` },
        update: { vi: `sửa thông tin văn bản${n}`, en: `corrected the details of the document${n}` },
        'new-version': { vi: `tải lên bản đính chính của văn bản${n}`, en: `uploaded a correction of the document${n}` },
        delete: { vi: `xoá văn bản${n} khỏi kho`, en: `deleted the document${n}` },
        restore: { vi: `khôi phục văn bản${n}`, en: `restored the document${n}` },
        'verify-signature': { vi: `kiểm tra chữ ký số của văn bản${n}`, en: `checked the digital signature of the document${n}` },
      };
      if (map[a]) return map[a]![lang];
      break;
    }
  }
  return vi ? 'thực hiện một thay đổi' : 'made a change';
}

/** A unit's entry (`01-00145`) whose change does not carry the unit's name: the code to look it up by. */
export function tenantCodeOf(e: AuditEvent): { provinceCode: string; localityCode: string } | null {
  if (e.target.entity !== 'tenant' || objectName(e)) return null;
  const m = /^(\d{2})-(\d{5})$/.exec(e.target.id);
  return m ? { provinceCode: m[1]!, localityCode: m[2]! } : null;
}

/** "Hoàng Anh Tuấn phê duyệt đăng ký của Phường Ba Đình, 30/11/2026 09:12". */
export function auditSentence(e: AuditEvent, lang: Lang, targetName?: string): string {
  const who = e.actor.name ?? e.actor.email;
  return `${who} ${predicate(e, lang, targetName)}, ${auditTime(e.at)}`;
}

/** A field by its label (never by its code). */
export function fieldLabel(field: string, lang: Lang): string {
  return auditFieldLabels[field]?.[lang] ?? (lang === 'vi' ? 'Thông tin khác' : 'Other details');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** A before/after value in words: dates day first, statuses by name, lists counted, long text cut. */
export function auditValue(v: unknown, lang: Lang): string {
  const vi = lang === 'vi';
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? (vi ? 'Có' : 'Yes') : vi ? 'Không' : 'No';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (ISO_DATE.test(v)) return formatDate(v);
    if (ISO_TIME.test(v)) return auditTime(v);
    if (statusWords[v]) return statusWords[v]![lang];
    if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(v)) return vi ? '(bản ghi liên kết)' : '(linked record)';
    // The preview of a long structured value (a digested audit field) is JSON text: not for reading.
    if (/^[[{]/.test(v) && v.includes('"')) return vi ? '(nội dung dài, đã rút gọn)' : '(long content, shortened)';
    return v.length > 120 ? `${v.slice(0, 120)}…` : v;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return auditValue(v.join(', '), lang);
    return vi ? `${v.length} mục` : `${v.length} entr${v.length === 1 ? 'y' : 'ies'}`;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Large values kept only as a digest: say so rather than show the digest.
    if ('digest' in o || 'sha256' in o || o.digested === true) return vi ? '(nội dung dài, chỉ lưu dấu kiểm)' : '(long content, kept as a digest)';
    const named = str(o.name) ?? str(o.email) ?? str(o.title);
    if (named) return named;
    if (typeof o.from === 'string' || typeof o.from === 'number') return `${auditValue(o.from, lang)} – ${auditValue(o.to, lang)}`;
    return vi ? '(đã thay đổi)' : '(changed)';
  }
  return vi ? '(đã thay đổi)' : '(changed)';
}
