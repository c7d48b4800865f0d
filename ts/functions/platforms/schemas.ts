import { z } from 'zod';

/**
 * Shapes of the platforms API bodies. Shapes only: rules that need the clock, the population figure or
 * the cycle (future dates, absurd counts, the months of a cycle) are checked in the domain, and their
 * problems are reported together with these.
 */
const text = (max: number) =>
  z.string().trim().min(1, 'Required, not empty.').max(max, `At most ${max} characters.`);

const focalPoint = z.strictObject({
  name: text(200),
  email: z.email('Not an e-mail address.').max(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{5,24}$/, 'A telephone number: digits, spaces, + ( ) . - allowed.'),
  address: text(500),
});

const administrator = z.strictObject({
  name: text(300),
  country: text(100),
  /** Contact focal point in Vietnam (Art. 19.1.b). */
  focalPoint,
});

const website = z
  .url({ protocol: /^https?$/, error: 'An http(s) address such as https://example.vn.' })
  .max(500);
const isoDate = z.iso.date('A date as YYYY-MM-DD.');

export const platformRegistrationSchema = z.strictObject({
  name: text(200),
  administrator,
  website,
  /** An intermediary platform whose administrator is independent of the transacting parties (Art. 18.1). */
  intermediary: z.boolean(),
  operatingSince: isoDate,
});
export type PlatformRegistration = z.output<typeof platformRegistrationSchema>;

export const platformPatchSchema = z
  .strictObject({
    name: text(200),
    administrator: z
      .strictObject({
        name: text(300),
        country: text(100),
        focalPoint: focalPoint.partial(),
      })
      .partial(),
    website,
    intermediary: z.boolean(),
    operatingSince: isoDate,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type PlatformPatch = z.output<typeof platformPatchSchema>;

export const monthlyUsersSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM.'),
  activeUsers: z.number('A number of users.'),
});

export const statisticsSchema = z.strictObject({
  /** Monthly active users in Vietnam, oldest first. The count and values are checked in the domain. */
  months: z.array(monthlyUsersSchema).max(60, 'At most 60 months.'),
  intermediary: z.boolean(),
  measurement: z.strictObject({ method: text(1000), tool: text(300) }),
  declarant: z.strictObject({ name: text(200), position: text(200) }),
  /** Needed to change statistics after the regulator has accepted them. */
  reason: text(2000).optional(),
});
export type StatisticsBody = z.output<typeof statisticsSchema>;

export const reviewSchema = z.strictObject({
  decision: z.enum(['accept', 'return'], 'Either "accept" or "return".'),
  reason: text(2000),
});
export type ReviewBody = z.output<typeof reviewSchema>;

export const populationSchema = z.strictObject({
  value: z
    .number()
    .int('A whole number.')
    .positive('Above 0.')
    .max(10_000_000_000, 'Not a population figure.'),
  source: text(500),
  announcedOn: isoDate,
});
export type PopulationBody = z.output<typeof populationSchema>;
