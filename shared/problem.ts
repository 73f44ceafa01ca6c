import type * as z from 'zod';
// One file per locale: `z.locales` would bundle all ~50 languages (~230 KB) into the Lambda.
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import type { Text } from './text.js';

/**
 * RFC 9457 problem details, bilingual. `type` is stable: clients branch on it, never on text.
 * Every field error names the field (dotted path) and says what is wrong in Vietnamese and English.
 */
export const problemTypes = {
  validation: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  malformed: { status: 400, vi: 'Nội dung yêu cầu không đọc được', en: 'Malformed request body' },
  unauthenticated: { status: 401, vi: 'Chưa đăng nhập hoặc phiên đã hết hạn', en: 'Not signed in or session expired' },
  forbidden: { status: 403, vi: 'Không có quyền thực hiện', en: 'Not allowed' },
  'not-found': { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  'method-not-allowed': { status: 405, vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  conflict: { status: 409, vi: 'Dữ liệu đã bị thay đổi hoặc đã tồn tại', en: 'Conflict with the current state' },
  'historical-read-only': { status: 409, vi: 'Hồ sơ lịch sử chỉ để xem', en: 'Historical records are read-only' },
  'locality-ended': { status: 409, vi: 'Đơn vị hành chính đã kết thúc hoạt động', en: 'The administrative unit has ceased to exist' },
  'too-large': { status: 413, vi: 'Nội dung quá lớn', en: 'Payload too large' },
  'unsupported-media-type': { status: 415, vi: 'Định dạng không được hỗ trợ', en: 'Unsupported media type' },
  throttled: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, retry later' },
  internal: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
  'storage-unavailable': { status: 503, vi: 'Kho dữ liệu tạm thời không sẵn sàng', en: 'Storage temporarily unavailable' },
} as const;
export type ProblemType = keyof typeof problemTypes;

export const PROBLEM_TYPE_BASE = 'urn:phoi-hop:problem:';

/** One field's error; `problem-schema.ts` holds the zod schema of the same shape (for clients and the API reference). */
export type FieldError = {
  /** Dotted path inside its location, e.g. `items.0.title`; empty for the whole body. */
  field: string;
  in: 'body' | 'query' | 'path' | 'header';
  code: string;
  message_vi: string;
  message_en: string;
};

export type Problem = {
  type: string;
  status: number;
  title: string;
  title_vi: string;
  detail?: string;
  detail_vi?: string;
  instance?: string;
  errors?: FieldError[];
};

export function makeProblem(type: ProblemType, opts: { detail?: Text; errors?: FieldError[]; instance?: string } = {}): Problem {
  const t = problemTypes[type];
  return {
    type: PROBLEM_TYPE_BASE + type,
    status: t.status,
    title: t.en,
    title_vi: t.vi,
    ...(opts.detail ? { detail: opts.detail.en, detail_vi: opts.detail.vi } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.errors ? { errors: opts.errors } : {}),
  };
}

// Built on the first validation error, not at every cold start.
type LocaleError = ReturnType<typeof vi>['localeError'];
let locales: { vi: LocaleError; en: LocaleError } | undefined;
const localeOf = (lang: 'vi' | 'en') => (locales ??= { vi: vi().localeError, en: en().localeError })[lang];

function localeMessage(lang: 'vi' | 'en', issue: z.core.$ZodIssue): string {
  const r = localeOf(lang)(issue as never);
  return typeof r === 'string' ? r : (r?.message ?? issue.message);
}

const BILINGUAL_SEPARATOR = ' ‖ ';

/**
 * A schema's own wording for an error, in both languages: `z.string().regex(re, bilingual(vi, en))`.
 * The pair travels as one zod message and is split again by `fieldErrorsFromZod`.
 */
export function bilingual(vi: string, en: string): { error: string } {
  return { error: `${vi}${BILINGUAL_SEPARATOR}${en}` };
}

function splitBilingual(message: string): Text | null {
  const i = message.indexOf(BILINGUAL_SEPARATOR);
  return i < 0 ? null : { vi: message.slice(0, i), en: message.slice(i + BILINGUAL_SEPARATOR.length) };
}

/**
 * zod issues → bilingual field errors. A schema may word its own errors with `bilingual(vi, en)`;
 * otherwise zod's own vi/en locales word the message.
 */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[], location: FieldError['in']): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join('.');
    // An unknown key is an error on that key, so name it.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        field: base ? `${base}.${k}` : k,
        in: location,
        code: issue.code,
        message_vi: `Trường "${k}" không được chấp nhận`,
        message_en: `Field "${k}" is not allowed`,
      }));
    }
    const own = splitBilingual(issue.message);
    return [
      {
        field: base,
        in: location,
        code: issue.code,
        message_vi: own?.vi ?? capitalise(localeMessage('vi', issue)),
        message_en: own?.en ?? (issue.code === 'custom' ? issue.message : localeMessage('en', issue)),
      },
    ];
  });
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
