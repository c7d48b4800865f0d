import type { MonthlyUsers, PopulationFigure } from '../../../functions/platforms/classification';

/** 101,300,000: a population figure of the right size, easy to reason about in tests. */
export const POPULATION: PopulationFigure = {
  year: 2024,
  version: 1,
  value: 101_300_000,
  source: 'Tổng cục Thống kê / General Statistics Office',
  announcedOn: '2025-01-06',
};

/** Twelve months from `first` (YYYY-MM), each with `users` active users (or users[i]). */
export function months(first: string, users: number | number[], count = 12): MonthlyUsers[] {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + month - 1 + i;
    const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    return { month: label, activeUsers: Array.isArray(users) ? (users[i] ?? 0) : users };
  });
}

export function statisticsBody(first: string, users: number | number[], extra: Record<string, unknown> = {}) {
  return {
    months: months(first, users),
    intermediary: true,
    measurement: { method: 'Đếm tài khoản đăng nhập / logged-in accounts', tool: 'Google Analytics 4' },
    declarant: { name: 'Nguyễn Thị Hương', position: 'Giám đốc vận hành / COO' },
    ...extra,
  };
}

export function registration(
  name = 'Chợ Tốt Điện Tử',
  website = 'https://chotot.example.vn',
  extra: Record<string, unknown> = {},
) {
  return {
    name,
    administrator: {
      name: 'Công ty TNHH Chợ Tốt',
      country: 'Việt Nam',
      focalPoint: {
        name: 'Trần Văn Bình',
        email: 'binh.tran@chotot.example.vn',
        phone: '+84 28 3822 0000',
        address: '123 Đường Lê Lợi, Quận 1, Thành phố Hồ Chí Minh',
      },
    },
    website,
    intermediary: true,
    operatingSince: '2015-03-01',
    ...extra,
  };
}
