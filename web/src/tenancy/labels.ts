import type { TenantStatus } from '../../../shared/tenancy/schema.js';
import type { Text } from '../i18n.js';

export const tenantStatusLabels: Record<TenantStatus, Text> = {
  pending: { vi: 'Chờ duyệt', en: 'Pending' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended' },
};

export const noEmailNotice: Text = {
  vi: 'Hệ thống chưa gửi thư điện tử. Hãy sao chép đường dẫn này và chuyển cho người được mời (qua thư công vụ, tin nhắn…). Đường dẫn dùng được một lần, hết hạn sau 7 ngày.',
  en: 'No email is sent by the system. Copy this link and hand it to the invitee (official mail, message…). It works once and expires in 7 days.',
};
