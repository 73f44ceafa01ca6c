import type { FindingKind, OwnerBody, PlanStatus, PlanType, RecommendationStatus, SupervisionMethod } from './schema.js';

type Text = { vi: string; en: string };

/** Vietnamese and English names of the supervision vocabularies (DESIGN.md glossary). */
export const ownerBodyLabels: Record<OwnerBody, Text> = {
  hdnd_standing: { vi: 'Thường trực HĐND', en: 'People’s Council standing committee' },
  hdnd_committee: { vi: 'Ban của HĐND', en: 'People’s Council committee' },
  delegate_group: { vi: 'Tổ đại biểu HĐND', en: 'Delegate group' },
  mttq: { vi: 'Ủy ban MTTQ Việt Nam', en: 'Fatherland Front committee' },
  joint: { vi: 'Phối hợp liên tịch', en: 'Joint' },
};

export const planTypeLabels: Record<PlanType, Text> = {
  thematic: { vi: 'Giám sát chuyên đề', en: 'Thematic supervision' },
  document_review: { vi: 'Giám sát văn bản quy phạm pháp luật', en: 'Review of legal documents' },
  social_criticism: { vi: 'Phản biện xã hội', en: 'Social criticism' },
  voter_followup: { vi: 'Giám sát giải quyết kiến nghị cử tri', en: 'Follow-up of voters’ petitions' },
};

export const planStatusLabels: Record<PlanStatus, Text> = {
  planned: { vi: 'Đã lập kế hoạch', en: 'Planned' },
  notified: { vi: 'Đã thông báo', en: 'Notified' },
  in_progress: { vi: 'Đang giám sát', en: 'In progress' },
  reported: { vi: 'Đã báo cáo kết quả', en: 'Reported' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

/** Button text for moving a plan into a status. */
export const planStatusActions: Record<PlanStatus, Text> = {
  planned: { vi: 'Lập kế hoạch', en: 'Plan' },
  notified: { vi: 'Gửi thông báo giám sát', en: 'Notify supervised units' },
  in_progress: { vi: 'Bắt đầu giám sát', en: 'Start supervision' },
  reported: { vi: 'Ghi nhận báo cáo kết quả', en: 'Record the team report' },
  closed: { vi: 'Kết thúc kế hoạch', en: 'Close the plan' },
};

export const methodLabels: Record<SupervisionMethod, Text> = {
  document_study: { vi: 'Nghiên cứu, xem xét văn bản, báo cáo', en: 'Study of documents and reports' },
  working_session: { vi: 'Làm việc trực tiếp với đối tượng giám sát', en: 'Working sessions with supervised units' },
  field_survey: { vi: 'Khảo sát thực tế', en: 'Field survey' },
  conference: { vi: 'Hội nghị, tọa đàm', en: 'Conference or round table' },
  written_comment: { vi: 'Gửi dự thảo lấy ý kiến bằng văn bản', en: 'Written comments on a draft' },
  dialogue: { vi: 'Đối thoại trực tiếp', en: 'Direct dialogue' },
};

export const findingKindLabels: Record<FindingKind, Text> = {
  result: { vi: 'Kết quả đạt được', en: 'Result' },
  shortcoming: { vi: 'Tồn tại, hạn chế', en: 'Shortcoming' },
  other: { vi: 'Nội dung khác', en: 'Other' },
};

export const recommendationStatusLabels: Record<RecommendationStatus, Text> = {
  open: { vi: 'Chưa trả lời', en: 'Open' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  accepted: { vi: 'Đã tiếp thu, đang giải quyết', en: 'Accepted' },
  resolved: { vi: 'Đã giải quyết xong', en: 'Resolved' },
};

export const overdueLabel: Text = { vi: 'Quá hạn', en: 'Overdue' };
