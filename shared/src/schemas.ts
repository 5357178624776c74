import { z } from 'zod';
import { isoDate, isoDateTime } from './dateWindow';
import { historyDay } from './progressOverTime';
import { id, MAX_ID } from './ids';
import { isStorableText } from './storableText';
import {
  ACTION_STATUSES,
  ATTENDANCE_STATUSES,
  AXES,
  COMMENTABLE_ENTITY_TYPES,
  COMMITTEE_KINDS,
  COMMITTEE_MEMBER_ROLES,
  DECISION_KINDS,
  DECISION_STATUSES,
  ENTITY_TYPES,
  GLOBAL_ROLES,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  LOCALES,
  MEETING_MODES,
  MEETING_STATUSES,
  ORGANISATION_KINDS,
  PARTNER_ROLES,
  PRIORITIES,
  STAGE_KINDS,
  TERRITORY_ROLES,
} from './vocabulary';
import { requiresComment } from './status';
import { isDirectionConsistent } from './indicator';

// ---- Building blocks -------------------------------------------------------------------------

export { id, MAX_ID };
/** Text both databases store as typed (storableText.ts) or bad input: the message. */
const STORABLE_MESSAGE = 'Text may not contain the NUL character or half of a character';
const text = (max: number) => z.string().trim().max(max).refine(isStorableText, STORABLE_MESSAGE);
const requiredText = (max: number) =>
  z.string().trim().min(1).max(max).refine(isStorableText, STORABLE_MESSAGE);
export const cents = z.number().int().min(0).max(1e13);
/** An indicator's value: any finite number a spreadsheet would show in full (± a trillion). */
const measure = z.number().finite().min(-1e12).max(1e12);
/** A count of firms or jobs in a territory. */
const headcount = z.number().int().min(0).max(10_000_000);
/** A record's version, for optimistic locking: an `integer` column too. */
const version = z.number().int().positive().max(MAX_ID);

export const pageInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type PageInput = z.infer<typeof pageInput>;

export const sortDirection = z.enum(['asc', 'desc']).default('asc');

export const byIdInput = z.object({ id });

/** The keys that name the record an update applies to, not a change. */
const RECORD_KEYS: readonly string[] = ['id', 'version'];

/**
 * An update must change something: with no field besides `id` (and `version`), it is refused with
 * the same error on each field it could have given, before any SQL is built (an empty change
 * would build `UPDATE … SET WHERE`).
 */
function requireAChange<S extends z.ZodObject>(schema: S): S {
  const fields = Object.keys(schema.shape).filter((key) => !RECORD_KEYS.includes(key));
  return schema.superRefine((value: Record<string, unknown>, ctx) => {
    if (fields.some((field) => value[field] !== undefined)) return;
    for (const field of fields)
      ctx.addIssue({ code: 'custom', message: 'Give at least one field to change', path: [field] });
  });
}

// ---- Auth and users --------------------------------------------------------------------------

export const loginInput = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

/** The shortest password accepted, from the CLI, the account page and any future screen. */
export const PASSWORD_MIN_LENGTH = 10;

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Changing one's own password: the current one first, counted as a sign-in attempt. */
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: 'The new password must differ from the current one',
    path: ['newPassword'],
  });

export const userCreateInput = z.object({
  email: z.email().max(254),
  name: requiredText(120),
  /** Without one, the user is invited: they set theirs with a one-time link. */
  password: passwordSchema.optional(),
  organisationId: id.nullable().default(null),
  locale: z.enum(LOCALES).default('fr'),
  globalRole: z.enum(GLOBAL_ROLES).nullable().default(null),
  observedRegionIds: z.array(id).max(20).default([]),
});

export const userUpdateInput = requireAChange(
  z.object({
    id,
    name: requiredText(120).optional(),
    organisationId: id.nullable().optional(),
    locale: z.enum(LOCALES).optional(),
    globalRole: z.enum(GLOBAL_ROLES).nullable().optional(),
    observedRegionIds: z.array(id).max(20).optional(),
    disabled: z.boolean().optional(),
  }),
);

export const PASSWORD_LINK_PURPOSES = ['invitation', 'reset'] as const;

/** An administrator asks for a one-time link to set a user's password. */
export const issuePasswordLinkInput = z.object({ id, purpose: z.enum(PASSWORD_LINK_PURPOSES) });

/** The token of a one-time link: 32 random bytes, base64url. */
const passwordLinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a link token');
export const passwordLinkInput = z.object({ token: passwordLinkToken });
export const setPasswordWithLinkInput = z.object({
  token: passwordLinkToken,
  password: passwordSchema,
});

export const userListInput = pageInput.extend({
  search: text(120).optional(),
  territoryId: id.optional(),
});

export const membershipListInput = pageInput.extend({ territoryId: id });
export const membershipCreateInput = z.object({
  territoryId: id,
  userId: id,
  role: z.enum(TERRITORY_ROLES),
});
export const membershipUpdateInput = z.object({ id, role: z.enum(TERRITORY_ROLES) });
/** A coordinator invites someone into their territory: a new account, mailed a one-time link. */
export const membershipInviteInput = z.object({
  territoryId: id,
  email: z.email().max(254),
  name: requiredText(120),
  locale: z.enum(LOCALES).default('fr'),
  role: z.enum(TERRITORY_ROLES),
});

// ---- Territories and organisations -----------------------------------------------------------

export const territoryListInput = pageInput.extend({
  regionId: id.optional(),
  search: text(120).optional(),
  sort: z.enum(['name', 'code', 'region']).default('name'),
  direction: sortDirection,
});

const territoryFields = {
  name: requiredText(160),
  phase: requiredText(40),
  joinedOn: isoDate.nullable(),
  industrialFirms: headcount.nullable(),
  industrialJobs: headcount.nullable(),
  electedChair: text(160).nullable(),
  industrialChair: text(160).nullable(),
  projectLeadName: text(160).nullable(),
  epciIds: z.array(id).max(100),
};

export const territoryCreateInput = z.object({
  regionId: id,
  code: requiredText(40),
  ...territoryFields,
});
/** Days before an update request's due date when the leads who have not updated are reminded. */
export const reminderDays = z.number().int().min(0).max(30);
export const territoryUpdateInput = requireAChange(
  z
    .object({ id })
    .extend(z.object(territoryFields).partial().shape)
    .extend({ reminderDays: reminderDays.optional() }),
);

export const organisationListInput = pageInput.extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  search: text(120).optional(),
});
const siren = z
  .string()
  .regex(/^\d{9}$/, 'A SIREN number has 9 digits')
  .nullable();
export const organisationCreateInput = z.object({
  name: requiredText(200),
  kind: z.enum(ORGANISATION_KINDS),
  siren: siren.default(null),
});
// Not `.partial()` of the create schema: zod would still apply its default and erase the SIREN.
export const organisationUpdateInput = requireAChange(
  z.object({
    id,
    name: requiredText(200).optional(),
    kind: z.enum(ORGANISATION_KINDS).optional(),
    siren: siren.optional(),
  }),
);

// ---- Plans -----------------------------------------------------------------------------------

export const planListInput = pageInput.extend({
  territoryId: id.optional(),
  axis: z.enum(AXES).optional(),
  search: text(120).optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(['code', 'title', 'progress', 'updatedAt']).default('code'),
  direction: sortDirection,
});

const planFields = {
  code: requiredText(20),
  title: requiredText(200),
  summary: text(4000),
  axis: z.enum(AXES),
  priority: z.enum(PRIORITIES),
  leadOrganisationId: id.nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  budgetCents: cents.nullable(),
  territoryIds: z.array(id).min(1).max(20),
  partners: z.array(z.object({ organisationId: id, role: z.enum(PARTNER_ROLES) })).max(100),
  leadUserIds: z.array(id).max(20),
};

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;
const datesMessage = { message: 'The end date must not precede the start date', path: ['endDate'] };

export const planCreateInput = z
  .object({
    ...planFields,
    summary: planFields.summary.default(''),
    leadOrganisationId: planFields.leadOrganisationId.default(null),
    startDate: planFields.startDate.default(null),
    endDate: planFields.endDate.default(null),
    budgetCents: planFields.budgetCents.default(null),
    partners: planFields.partners.default([]),
    leadUserIds: planFields.leadUserIds.default([]),
  })
  .refine(datesInOrder, datesMessage);
export const planUpdateInput = requireAChange(
  z.object({ id, version }).extend(z.object(planFields).partial().shape),
).refine(datesInOrder, datesMessage);

export const fundingLineListInput = pageInput.extend({ planId: id });
export const fundingLineCreateInput = z
  .object({
    planId: id,
    funderOrganisationId: id,
    scheme: requiredText(200),
    requestedCents: cents.default(0),
    grantedCents: cents.default(0),
    paidCents: cents.default(0),
  })
  .refine((v) => v.paidCents <= v.grantedCents, {
    message: 'Paid cannot exceed granted',
    path: ['paidCents'],
  });
export const fundingLineUpdateInput = requireAChange(
  z.object({
    id,
    funderOrganisationId: id.optional(),
    scheme: requiredText(200).optional(),
    requestedCents: cents.optional(),
    grantedCents: cents.optional(),
    paidCents: cents.optional(),
  }),
);

export const stageListInput = z.object({ planId: id });
export const stageUpdateInput = requireAChange(
  z.object({
    id,
    plannedStart: isoDate.nullable().optional(),
    plannedEnd: isoDate.nullable().optional(),
    actualStart: isoDate.nullable().optional(),
    actualEnd: isoDate.nullable().optional(),
  }),
);

// ---- Actions ---------------------------------------------------------------------------------

export const actionSort = z.enum(['title', 'status', 'progress', 'dueDate', 'updatedAt', 'plan']);
export const actionListInput = pageInput.extend({
  territoryId: id.optional(),
  planId: id.optional(),
  stageId: id.optional(),
  stageKind: z.enum(STAGE_KINDS).optional(),
  statuses: z.array(z.enum(ACTION_STATUSES)).max(8).optional(),
  ownerUserId: id.optional(),
  mine: z.boolean().optional(),
  overdue: z.boolean().optional(),
  search: text(120).optional(),
  includeArchived: z.boolean().default(false),
  sort: actionSort.default('dueDate'),
  direction: sortDirection,
});

export const actionCreateInput = z
  .object({
    stageId: id,
    title: requiredText(300),
    description: text(4000).default(''),
    ownerUserId: id.nullable().default(null),
    status: z.enum(ACTION_STATUSES).default('not_started'),
    progress: z.number().int().min(0).max(100).default(0),
    statusComment: text(2000).nullable().default(null),
    startDate: isoDate.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
  })
  .refine((v) => !requiresComment(v.status) || !!v.statusComment, {
    message: 'This status needs a comment',
    path: ['statusComment'],
  })
  .refine((v) => !v.startDate || !v.dueDate || v.startDate <= v.dueDate, {
    message: 'The due date must not precede the start date',
    path: ['dueDate'],
  });

export const actionUpdateInput = requireAChange(
  z.object({
    id,
    version,
    title: requiredText(300).optional(),
    description: text(4000).optional(),
    ownerUserId: id.nullable().optional(),
    stageId: id.optional(),
    startDate: isoDate.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
  }),
);

export const actionSetStatusInput = z
  .object({
    id,
    version,
    status: z.enum(ACTION_STATUSES),
    progress: z.number().int().min(0).max(100).optional(),
    comment: text(2000).optional(),
  })
  .refine((v) => !requiresComment(v.status) || !!v.comment, {
    message: 'This status needs a comment',
    path: ['comment'],
  });

export const archiveInput = z.object({ id, version });

// ---- Indicators and measurements -------------------------------------------------------------

const indicatorFields = {
  name: requiredText(200),
  unit: requiredText(40),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baselineValue: measure,
  baselineDate: isoDate,
  baselineSource: text(300).default(''),
  targetValue: measure,
  targetDate: isoDate,
};
const indicatorDirectionRule = {
  message:
    'The target must lie above the baseline for a rising indicator, below it for a falling one',
  path: ['targetValue'],
};
const indicatorDateRule = {
  message: 'The target date must follow the baseline date',
  path: ['targetDate'],
};

export const indicatorListInput = pageInput.extend({
  planId: id.optional(),
  territoryId: id.optional(),
  includeArchived: z.boolean().default(false),
});
export const indicatorCreateInput = z
  .object({
    planId: id.nullable().default(null),
    territoryId: id.nullable().default(null),
    ...indicatorFields,
  })
  .refine((v) => (v.planId === null) !== (v.territoryId === null), {
    message: 'An indicator belongs to a plan or to a territory, exactly one of them',
    path: ['planId'],
  })
  .refine(isDirectionConsistent, indicatorDirectionRule)
  .refine((v) => v.baselineDate < v.targetDate, indicatorDateRule);
// Direction consistency on update is checked against the merged row on the server.
// baselineSource is redeclared: `.partial()` would keep its default and erase the stored source.
export const indicatorUpdateInput = requireAChange(
  z
    .object({ id })
    .extend(z.object(indicatorFields).partial().shape)
    .extend({ baselineSource: text(300).optional() }),
);

export const measurementListInput = pageInput.extend({ indicatorId: id });
export const measurementCreateInput = z.object({
  indicatorId: id,
  measuredOn: isoDate,
  value: measure,
  source: text(300).default(''),
  comment: text(2000).default(''),
});
// A correction names the measurement and restates every field, as the form shows them all.
export const measurementUpdateInput = measurementCreateInput
  .omit({ indicatorId: true })
  .extend({ id });

// ---- Committees and meetings -----------------------------------------------------------------

export const committeeListInput = pageInput.extend({ territoryId: id.optional() });
export const committeeCreateInput = z.object({
  territoryId: id,
  kind: z.enum(COMMITTEE_KINDS),
  name: requiredText(200),
});
export const committeeUpdateInput = z.object({ id, name: requiredText(200) });

export const committeeMemberCreateInput = z.object({
  committeeId: id,
  userId: id.nullable().default(null),
  personName: requiredText(160),
  organisationId: id.nullable().default(null),
  role: z.enum(COMMITTEE_MEMBER_ROLES),
});
export const committeeMemberUpdateInput = requireAChange(
  z.object({
    id,
    personName: requiredText(160).optional(),
    organisationId: id.nullable().optional(),
    role: z.enum(COMMITTEE_MEMBER_ROLES).optional(),
  }),
);

export const meetingListInput = pageInput.extend({
  territoryId: id.optional(),
  committeeId: id.optional(),
  statuses: z.array(z.enum(MEETING_STATUSES)).max(4).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  direction: sortDirection,
});
export const meetingCreateInput = z.object({
  committeeId: id,
  scheduledAt: isoDateTime,
  place: text(200).default(''),
  mode: z.enum(MEETING_MODES),
});
export const meetingUpdateInput = requireAChange(
  z.object({
    id,
    version,
    scheduledAt: isoDateTime.optional(),
    place: text(200).optional(),
    mode: z.enum(MEETING_MODES).optional(),
  }),
);
/** The minutes' text: paragraphs, "- " lists and **bold**, nothing else is interpreted. */
export const MINUTES_MAX = 20_000;
export const meetingMinutesInput = z.object({
  id,
  version,
  minutes: z
    .string()
    .max(MINUTES_MAX)
    .refine(isStorableText, STORABLE_MESSAGE)
    .transform((v) => v.replaceAll('\r\n', '\n').trim()),
});
export const meetingSetStatusInput = z.object({
  id,
  version,
  status: z.enum(MEETING_STATUSES),
});

export const attendanceSetInput = z.object({
  meetingId: id,
  entries: z
    .array(
      z
        .object({
          committeeMemberId: id.nullable().default(null),
          personName: requiredText(160),
          organisationId: id.nullable().default(null),
          status: z.enum(ATTENDANCE_STATUSES),
          representedBy: text(160).nullable().default(null),
        })
        .refine((e) => e.status !== 'represented' || !!e.representedBy, {
          message: 'Say who represents this person',
          path: ['representedBy'],
        }),
    )
    .max(200),
});

export const agendaItemCreateInput = z.object({
  meetingId: id,
  title: requiredText(300),
  notes: text(4000).default(''),
  planId: id.nullable().default(null),
  stageId: id.nullable().default(null),
  actionId: id.nullable().default(null),
});
export const agendaItemUpdateInput = requireAChange(
  z.object({
    id,
    title: requiredText(300).optional(),
    notes: text(4000).optional(),
  }),
);
export const agendaReorderInput = z.object({
  meetingId: id,
  itemIds: z.array(id).max(200),
});

export const decisionListInput = pageInput.extend({
  territoryId: id.optional(),
  committeeId: id.optional(),
  meetingId: id.optional(),
  followUpStatuses: z.array(z.enum(DECISION_STATUSES)).max(5).optional(),
  kinds: z.array(z.enum(DECISION_KINDS)).max(DECISION_KINDS.length).optional(),
  planId: id.optional(),
});
export const decisionCreateInput = z.object({
  meetingId: id,
  text: requiredText(4000),
  kind: z.enum(DECISION_KINDS),
  planId: id.nullable().default(null),
  stageId: id.nullable().default(null),
  actionId: id.nullable().default(null),
  ownerName: text(160).default(''),
  dueDate: isoDate.nullable().default(null),
});
export const decisionUpdateInput = requireAChange(
  z.object({
    id,
    text: requiredText(4000).optional(),
    kind: z.enum(DECISION_KINDS).optional(),
    ownerName: text(160).optional(),
    dueDate: isoDate.nullable().optional(),
    followUpStatus: z.enum(DECISION_STATUSES).optional(),
  }),
);

export const agendaProposeInput = z.object({ meetingId: id });
export const agendaAddManyInput = z.object({
  meetingId: id,
  items: z
    .array(agendaItemCreateInput.omit({ meetingId: true }))
    .min(1)
    .max(50),
});

export const updateRequestCreateInput = z.object({
  meetingId: id,
  message: requiredText(2000),
  dueDate: isoDate.nullable().default(null),
});
export const updateRequestStatusInput = z.object({ meetingId: id });

// ---- Comments, history, dashboards -----------------------------------------------------------

export const commentListInput = pageInput.extend({
  entityType: z.enum(COMMENTABLE_ENTITY_TYPES),
  entityId: id,
});
export const commentCreateInput = z.object({
  entityType: z.enum(COMMENTABLE_ENTITY_TYPES),
  entityId: id,
  body: requiredText(4000),
});

export const historyInput = pageInput.extend({
  entityType: z.enum(ENTITY_TYPES),
  entityId: id,
});

/** A plan's whole history: the plan and its stages, actions, indicators, measurements… */
export const planHistoryInput = pageInput.extend({ planId: id });

/** What changed in a territory from a day on (the dashboard's recent changes, page by page). */
export const territoryHistoryInput = pageInput.extend({ territoryId: id, since: isoDate });

export const territoryOverviewInput = z.object({
  territoryId: id,
  changesSince: isoDate.optional(),
  listLimit: z.number().int().min(1).max(100).default(20),
});

/** What moved since the last held meeting of a kind of committee (COPIL by default). */
export const territoryMovementInput = z.object({
  territoryId: id,
  committeeKind: z.enum(COMMITTEE_KINDS).default('copil'),
  /** A day to compare with instead of the last meeting (a day after today counts as today). */
  since: historyDay.optional(),
});

export const portfolioInput = pageInput.extend({
  regionId: id.optional(),
  sort: z.enum(['name', 'progress', 'overdue']).default('name'),
  direction: sortDirection,
});

// ---- Mail --------------------------------------------------------------------------------------

export const MAIL_STATUSES = ['queued', 'sent', 'kept', 'failed'] as const;
export const mailListInput = pageInput.extend({
  status: z.enum(MAIL_STATUSES).optional(),
  to: z.email().max(254).optional(),
});
export const mailPreferencesInput = z.object({
  mailUpdateRequests: z.boolean(),
  mailReminders: z.boolean(),
});
