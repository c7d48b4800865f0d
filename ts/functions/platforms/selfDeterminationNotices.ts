import { toVietnamTime } from '../core/clock';
import type { Notification, Recipient } from '../notifications/notification';
import type { Classification } from './classification';
import { vietnamDate } from './cycles';

/** The notifications of a self-determination, Vietnamese first then English. Pure. */
export type NoticeKind = 'started' | 'reminder' | 'overdue' | 'reported' | 'determined' | 'returned';

export interface NoticeFacts {
  /** Unique within the orchestration instance, stable across replays. */
  eventId: string;
  instanceId: string;
  platformId: string;
  platformName: string;
  cycle: number;
  deadline: Date;
  at: Date;
  daysBefore?: number;
  classification?: Classification;
  version?: number;
  late?: boolean;
  reason?: string;
}

const SCALE_VI = {
  none: 'dưới ngưỡng quy mô lớn',
  large: 'quy mô lớn',
  particularlyLarge: 'quy mô rất lớn',
} as const;
const SCALE_EN = {
  none: 'below the large-scale threshold',
  large: 'large-scale',
  particularlyLarge: 'particularly large-scale',
} as const;

/** The last day still in time, as dd/mm/yyyy. */
function lastDay(deadline: Date): string {
  const { year, month, day } = vietnamDate(new Date(deadline.getTime() - 1));
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

function texts(
  kind: NoticeKind,
  f: NoticeFacts,
): { recipients: Recipient[]; vi: [string, string]; en: [string, string] } {
  const due = lastDay(f.deadline);
  const scale = f.classification?.scale ?? 'none';
  const share = f.classification ? `${f.classification.sharePercent}%` : '';
  // Vietnamese writes the decimal separator as a comma.
  const shareVi = share.replace('.', ',');
  switch (kind) {
    case 'started':
      return {
        recipients: ['platform'],
        vi: [
          `Tự xác định quy mô kỳ ${f.cycle}`,
          `Nền tảng ${f.platformName} cần gửi số người dùng hoạt động hằng tháng để tự xác định quy mô kỳ ${f.cycle}, chậm nhất ngày ${due} (Điều 18 Nghị định 137/2024/NĐ-CP).`,
        ],
        en: [
          `Self-determination of scale, cycle ${f.cycle}`,
          `${f.platformName} must send its monthly active users to self-determine its scale for cycle ${f.cycle} by ${due} (Decree 137/2024/ND-CP, Art. 18).`,
        ],
      };
    case 'reminder':
      return {
        recipients: ['platform'],
        vi: [
          `Nhắc hạn: còn ${f.daysBefore ?? 0} ngày`,
          `Còn ${f.daysBefore ?? 0} ngày đến hạn tự xác định quy mô kỳ ${f.cycle} (chậm nhất ngày ${due}).`,
        ],
        en: [
          `Reminder: ${f.daysBefore ?? 0} days left`,
          `${f.daysBefore ?? 0} days remain to self-determine the scale for cycle ${f.cycle} (due by ${due}).`,
        ],
      };
    case 'overdue':
      return {
        recipients: ['platform', 'regulator'],
        vi: [
          `Quá hạn tự xác định quy mô kỳ ${f.cycle}`,
          `Nền tảng ${f.platformName} chưa gửi số liệu kỳ ${f.cycle} đến hết ngày ${due}. Số liệu gửi muộn vẫn được tiếp nhận và ghi nhận là muộn.`,
        ],
        en: [
          `Self-determination overdue, cycle ${f.cycle}`,
          `${f.platformName} had not sent its statistics for cycle ${f.cycle} by ${due}. Late statistics are still accepted and marked late.`,
        ],
      };
    case 'reported':
      return {
        recipients: ['platform', 'regulator'],
        vi: [
          `Báo cáo nền tảng ${SCALE_VI[scale]}`,
          `Nền tảng ${f.platformName} tự xác định là nền tảng ${SCALE_VI[scale]} (${shareVi} dân số) kỳ ${f.cycle}${f.late ? ', gửi muộn' : ''}; chờ Bộ xem xét.`,
        ],
        en: [
          `Report of a ${SCALE_EN[scale]} platform`,
          `${f.platformName} self-determined as ${SCALE_EN[scale]} (${share} of the population) for cycle ${f.cycle}${f.late ? ', sent late' : ''}; awaiting the Ministry's review.`,
        ],
      };
    case 'determined':
      return {
        recipients: ['platform'],
        vi: [
          `Đã xác định quy mô kỳ ${f.cycle}`,
          `Quy mô của nền tảng ${f.platformName} kỳ ${f.cycle}: ${SCALE_VI[scale]} (${shareVi} dân số).${f.reason ? ` Ý kiến của Bộ: ${f.reason}` : ''}`,
        ],
        en: [
          `Scale determined, cycle ${f.cycle}`,
          `The scale of ${f.platformName} for cycle ${f.cycle}: ${SCALE_EN[scale]} (${share} of the population).${f.reason ? ` The Ministry noted: ${f.reason}` : ''}`,
        ],
      };
    case 'returned':
      return {
        recipients: ['platform'],
        vi: [
          `Báo cáo kỳ ${f.cycle} bị trả lại`,
          `Bộ trả lại báo cáo kỳ ${f.cycle} của nền tảng ${f.platformName} để bổ sung, sửa đổi: ${f.reason ?? ''}`,
        ],
        en: [
          `Report for cycle ${f.cycle} returned`,
          `The Ministry returned the report of ${f.platformName} for cycle ${f.cycle} for correction: ${f.reason ?? ''}`,
        ],
      };
  }
}

export function selfDeterminationNotice(kind: NoticeKind, facts: NoticeFacts): Notification {
  const { recipients, vi, en } = texts(kind, facts);
  const data: Record<string, unknown> = {
    instanceId: facts.instanceId,
    cycle: facts.cycle,
    deadline: facts.deadline.toISOString(),
    deadlineVietnam: toVietnamTime(facts.deadline),
  };
  if (facts.daysBefore !== undefined) data.daysBefore = facts.daysBefore;
  if (facts.version !== undefined) data.submissionVersion = facts.version;
  if (facts.late !== undefined) data.late = facts.late;
  if (facts.classification) {
    data.scale = facts.classification.scale;
    data.sharePercent = facts.classification.sharePercent;
    data.averageMonthlyActiveUsers = facts.classification.averageMonthlyActiveUsers;
  }
  if (facts.reason !== undefined) data.reason = facts.reason;
  return {
    id: `${facts.instanceId}.${facts.eventId}`,
    type: `selfDetermination.${kind}`,
    occurredAt: facts.at.toISOString(),
    occurredAtVietnam: toVietnamTime(facts.at),
    recipients,
    platformId: facts.platformId,
    subject: { vi: vi[0], en: en[0] },
    text: { vi: vi[1], en: en[1] },
    data,
  };
}
