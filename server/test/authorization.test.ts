import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/routers/_app';
import {
  buildWorld,
  callerAs,
  WORLD_USERS,
  WORLD_PASSWORD,
  type World,
  type WorldUser,
  WORLD_CREATED_AT,
} from './support/world';
import { codeOf } from './support/expectations';
import { auditFieldKind } from '@jalon/shared';

/**
 * The authorization matrix: every procedure of the router, called as every role of the world,
 * inside and outside its scope. A procedure added without a case here fails the first test, so
 * none can escape the matrix. Each call runs in a fresh world, so one role's write never changes
 * what the next role sees. Every successful mutation must leave an audit event, a refused one none.
 */

type Input = (world: World) => unknown;
interface Case {
  label: string;
  input: Input;
  /** The callers that succeed; every other signed-in caller gets FORBIDDEN. */
  allowed: readonly WorldUser[];
}

const EVERYONE = WORLD_USERS;
const READ_NL: WorldUser[] = [
  'admin',
  'national',
  'regionGE',
  'coordinatorNL',
  'lead',
  'otherLead',
  'memberNL',
  'observerNL',
];
const COMMENT_NL: WorldUser[] = ['admin', 'coordinatorNL', 'lead', 'otherLead', 'memberNL'];
const MANAGE_NL: WorldUser[] = ['admin', 'coordinatorNL'];
const WORK_NL1: WorldUser[] = ['admin', 'coordinatorNL', 'lead'];
const READ_CH: WorldUser[] = ['admin', 'national', 'coordinatorCH'];
const MANAGE_CH: WorldUser[] = ['admin', 'coordinatorCH'];
const ADMIN: WorldUser[] = ['admin'];
const COORDINATORS: WorldUser[] = ['admin', 'coordinatorNL', 'coordinatorCH'];

// Rows some cases need beyond the world, inserted into that case's fresh world.
const insertId = (q: { executeTakeFirstOrThrow(): Promise<{ id: number }> }) =>
  q.executeTakeFirstOrThrow().then((r) => r.id);
const membershipOf = (w: World, user: WorldUser) =>
  w.db
    .selectFrom('memberships')
    .select('id')
    .where('userId', '=', w.users[user])
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
const fundingLine = (w: World) =>
  insertId(
    w.db
      .insertInto('fundingLines')
      .values({
        planId: w.plans.NL1,
        funderOrganisationId: w.orgs.bpi,
        scheme: 'France 2030',
        requestedCents: 100,
        grantedCents: 50,
        paidCents: 0,
      })
      .returning('id'),
  );
const committeeMember = (w: World) =>
  insertId(
    w.db
      .insertInto('committeeMembers')
      .values({
        committeeId: w.committees.copilNL,
        userId: null,
        personName: 'Jeanne Martin',
        organisationId: null,
        role: 'member',
      })
      .returning('id'),
  );
const agendaItem = (w: World, position = 1) =>
  insertId(
    w.db
      .insertInto('agendaItems')
      .values({
        meetingId: w.meetings.NL,
        position,
        title: `Point ${position}`,
        notes: '',
        planId: null,
        stageId: null,
        actionId: null,
      })
      .returning('id'),
  );
const decision = (w: World) =>
  insertId(
    w.db
      .insertInto('decisions')
      .values({
        createdAt: WORLD_CREATED_AT,
        updatedAt: WORLD_CREATED_AT,
        meetingId: w.meetings.NL,
        number: 1,
        text: 'Lancer l’étude',
        kind: 'arbitration',
        planId: null,
        stageId: null,
        actionId: null,
        ownerName: '',
        dueDate: null,
        followUpStatus: 'todo',
      })
      .returning('id'),
  );
const measurement = (w: World) =>
  w.db
    .selectFrom('measurements')
    .select('id')
    .where('indicatorId', '=', w.indicators.NL1)
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

/** A measurement of an indicator of Nord Lorraine itself (no plan). */
const territoryMeasurement = async (w: World) => {
  const indicatorId = await insertId(
    w.db
      .insertInto('indicators')
      .values({
        createdAt: WORLD_CREATED_AT,
        planId: null,
        territoryId: w.territories.NL,
        name: 'Emplois industriels',
        unit: 'emplois',
        kind: 'impact',
        direction: 'increase',
        baselineValue: 1000,
        baselineDate: '2024-01-01',
        baselineSource: '',
        targetValue: 1200,
        targetDate: '2027-12-31',
        archivedAt: null,
      })
      .returning('id'),
  );
  return insertId(
    w.db
      .insertInto('measurements')
      .values({
        createdAt: WORLD_CREATED_AT,
        indicatorId,
        measuredOn: '2024-06-30',
        value: 1000,
        source: '',
        comment: '',
        recordedBy: w.users.coordinatorNL,
      })
      .returning('id'),
  );
};

/** A mail given up after its retries, to the Nord Lorraine member. */
const failedMail = (w: World) =>
  insertId(
    w.db
      .insertInto('mailQueue')
      .values({
        kind: 'convocation',
        userId: w.users.memberNL,
        toAddress: 'member@example.org',
        locale: 'fr',
        subject: 'Convocation',
        textBody: 'Bonjour',
        htmlBody: '<p>Bonjour</p>',
        status: 'failed',
        attempts: 7,
        nextAttemptAt: WORLD_CREATED_AT,
        createdAt: WORLD_CREATED_AT,
      })
      .returning('id'),
  );

const indicatorInput = (planId: number) => ({
  planId,
  name: 'Emplois créés',
  unit: 'emplois',
  kind: 'outcome',
  direction: 'increase',
  baselineValue: 0,
  baselineDate: '2024-01-01',
  targetValue: 50,
  targetDate: '2027-01-01',
});

const cases: Record<string, Case[] | 'public'> = {
  'auth.login': 'public',
  'auth.session': 'public',
  'auth.signInOptions': 'public',
  'auth.passwordLink': 'public',
  'auth.setPasswordWithLink': 'public',
  'auth.logout': [{ label: 'own session', input: () => undefined, allowed: EVERYONE }],
  'auth.me': [{ label: 'self', input: () => undefined, allowed: EVERYONE }],
  'auth.setLocale': [{ label: 'self', input: () => ({ locale: 'de' }), allowed: EVERYONE }],
  'auth.changePassword': [
    {
      label: 'own password',
      input: () => ({ currentPassword: WORLD_PASSWORD, newPassword: 'matrix-new-password' }),
      allowed: EVERYONE,
    },
  ],

  'region.list': [{ label: 'all', input: () => undefined, allowed: EVERYONE }],
  'territory.list': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],
  'territory.byId': [
    { label: 'Nord Lorraine', input: (w) => ({ id: w.territories.NL }), allowed: READ_NL },
    { label: 'Chartres', input: (w) => ({ id: w.territories.CH }), allowed: READ_CH },
  ],
  'territory.create': [
    {
      label: 'national data',
      input: (w) => ({
        regionId: w.regions.GE,
        code: 'NEW',
        name: 'Nouveau territoire',
        phase: '2023-2027',
        joinedOn: null,
        industrialFirms: null,
        industrialJobs: null,
        electedChair: null,
        industrialChair: null,
        projectLeadName: null,
        epciIds: [],
      }),
      allowed: ADMIN,
    },
  ],
  'territory.update': [
    {
      label: 'Nord Lorraine',
      input: (w) => ({ id: w.territories.NL, name: 'Nord Lorraine (révisé)' }),
      allowed: MANAGE_NL,
    },
  ],
  'territory.archive': [
    { label: 'Nord Lorraine', input: (w) => ({ id: w.territories.NL }), allowed: ADMIN },
  ],

  'organisation.list': [{ label: 'reference data', input: () => ({}), allowed: EVERYONE }],
  'organisation.byId': [
    { label: 'reference data', input: (w) => ({ id: w.orgs.metz }), allowed: EVERYONE },
  ],
  'organisation.create': [
    {
      label: 'reference data',
      input: () => ({ name: 'Forge de Lorraine', kind: 'company' }),
      allowed: COORDINATORS,
    },
  ],
  'organisation.update': [
    {
      label: 'reference data',
      input: (w) => ({ id: w.orgs.bpi, name: 'Bpifrance SA' }),
      allowed: COORDINATORS,
    },
  ],

  'user.list': [
    { label: 'members of managed territories', input: () => ({}), allowed: COORDINATORS },
  ],
  'user.byId': [
    {
      label: 'a Nord Lorraine member',
      input: (w) => ({ id: w.users.memberNL }),
      allowed: ['admin', 'coordinatorNL', 'memberNL'],
    },
  ],
  'user.create': [
    {
      label: 'national data',
      input: () => ({
        email: 'new@world.test',
        name: 'Nouvelle',
        password: 'a-long-enough-password',
      }),
      allowed: ADMIN,
    },
  ],
  'user.update': [
    {
      label: 'national data',
      input: (w) => ({ id: w.users.memberNL, name: 'Renommée' }),
      allowed: ADMIN,
    },
  ],
  'user.issuePasswordLink': [
    {
      label: 'national data',
      input: (w) => ({ id: w.users.memberNL, purpose: 'reset' }),
      allowed: ADMIN,
    },
  ],

  'membership.list': [
    { label: 'Nord Lorraine', input: (w) => ({ territoryId: w.territories.NL }), allowed: READ_NL },
  ],
  'membership.create': [
    {
      label: 'Nord Lorraine',
      input: (w) => ({ territoryId: w.territories.NL, userId: w.users.outsider, role: 'observer' }),
      allowed: MANAGE_NL,
    },
  ],
  'membership.invite': [
    {
      label: 'a new person into Nord Lorraine',
      input: (w) => ({
        territoryId: w.territories.NL,
        email: 'nouvelle.personne@example.org',
        name: 'Nouvelle Personne',
        role: 'committee_member',
      }),
      allowed: MANAGE_NL,
    },
  ],
  'membership.update': [
    {
      label: 'Nord Lorraine',
      input: async (w) => ({ id: await membershipOf(w, 'memberNL'), role: 'observer' }),
      allowed: MANAGE_NL,
    },
  ],
  'membership.delete': [
    {
      label: 'Nord Lorraine',
      input: async (w) => ({ id: await membershipOf(w, 'observerNL') }),
      allowed: MANAGE_NL,
    },
  ],

  'plan.list': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],
  'plan.byId': [
    { label: 'Nord Lorraine', input: (w) => ({ id: w.plans.NL1 }), allowed: READ_NL },
    { label: 'shared NL + CL', input: (w) => ({ id: w.plans.SHARED }), allowed: READ_NL },
    { label: 'Chartres', input: (w) => ({ id: w.plans.CH1 }), allowed: READ_CH },
  ],
  'plan.create': [
    {
      label: 'in Nord Lorraine',
      input: (w) => ({
        code: 'FA-9',
        title: 'Nouvelle fiche',
        axis: 'innovation',
        priority: 'low',
        territoryIds: [w.territories.NL],
      }),
      allowed: MANAGE_NL,
    },
    {
      label: 'in NL and Chartres',
      input: (w) => ({
        code: 'FA-9',
        title: 'Fiche commune',
        axis: 'innovation',
        priority: 'low',
        territoryIds: [w.territories.NL, w.territories.CH],
      }),
      allowed: ADMIN,
    },
  ],
  'plan.update': [
    {
      label: 'Nord Lorraine',
      input: (w) => ({ id: w.plans.NL1, version: 1, title: 'Titre révisé' }),
      allowed: MANAGE_NL,
    },
    {
      label: 'Chartres',
      input: (w) => ({ id: w.plans.CH1, version: 1, title: 'Titre révisé' }),
      allowed: MANAGE_CH,
    },
  ],
  'plan.archive': [
    { label: 'Nord Lorraine', input: (w) => ({ id: w.plans.NL1, version: 1 }), allowed: MANAGE_NL },
  ],

  'stage.list': [{ label: 'NL-1', input: (w) => ({ planId: w.plans.NL1 }), allowed: READ_NL }],
  'stage.update': [
    {
      label: 'NL-1 (led by lead)',
      input: (w) => ({ id: w.stages.NL1[0], plannedStart: '2024-01-01', plannedEnd: '2024-12-31' }),
      allowed: WORK_NL1,
    },
    {
      label: 'NL-2 (no lead)',
      input: (w) => ({ id: w.stages.NL2[0], plannedStart: '2024-01-01' }),
      allowed: MANAGE_NL,
    },
  ],

  'fundingLine.list': [
    { label: 'NL-1', input: (w) => ({ planId: w.plans.NL1 }), allowed: READ_NL },
  ],
  'fundingLine.create': [
    {
      label: 'NL-1',
      input: (w) => ({
        planId: w.plans.NL1,
        funderOrganisationId: w.orgs.region,
        scheme: 'Fonds régional',
        requestedCents: 1000,
        grantedCents: 500,
      }),
      allowed: MANAGE_NL,
    },
  ],
  'fundingLine.update': [
    {
      label: 'NL-1',
      input: async (w) => ({ id: await fundingLine(w), paidCents: 25 }),
      allowed: MANAGE_NL,
    },
  ],
  'fundingLine.delete': [
    { label: 'NL-1', input: async (w) => ({ id: await fundingLine(w) }), allowed: MANAGE_NL },
  ],

  'action.list': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],
  'action.byId': [
    { label: 'NL-1', input: (w) => ({ id: w.actions.NL1a }), allowed: READ_NL },
    { label: 'Chartres', input: (w) => ({ id: w.actions.CH1a }), allowed: READ_CH },
  ],
  'action.create': [
    {
      label: 'NL-1',
      input: (w) => ({ stageId: w.stages.NL1[2], title: 'Accompagner les salariés' }),
      allowed: MANAGE_NL,
    },
  ],
  'action.update': [
    {
      label: 'NL-1 (led by lead)',
      input: (w) => ({ id: w.actions.NL1a, version: 1, title: 'Diagnostic révisé' }),
      allowed: WORK_NL1,
    },
    {
      label: 'NL-2 (no lead)',
      input: (w) => ({ id: w.actions.NL2a, version: 1, title: 'Cartographie révisée' }),
      allowed: MANAGE_NL,
    },
  ],
  'action.setStatus': [
    {
      label: 'NL-1 (led by lead)',
      input: (w) => ({ id: w.actions.NL1a, version: 1, status: 'in_progress', progress: 55 }),
      allowed: WORK_NL1,
    },
    {
      label: 'Chartres',
      input: (w) => ({ id: w.actions.CH1a, version: 1, status: 'done' }),
      allowed: MANAGE_CH,
    },
  ],
  'action.archive': [
    { label: 'NL-1', input: (w) => ({ id: w.actions.NL1a, version: 1 }), allowed: MANAGE_NL },
  ],

  'indicator.list': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],
  'indicator.byId': [{ label: 'NL-1', input: (w) => ({ id: w.indicators.NL1 }), allowed: READ_NL }],
  'indicator.create': [
    { label: 'NL-1', input: (w) => indicatorInput(w.plans.NL1), allowed: MANAGE_NL },
  ],
  'indicator.update': [
    {
      label: 'NL-1',
      input: (w) => ({ id: w.indicators.NL1, name: 'Personnes formées (total)' }),
      allowed: MANAGE_NL,
    },
  ],
  'indicator.archive': [
    { label: 'NL-1', input: (w) => ({ id: w.indicators.NL1 }), allowed: MANAGE_NL },
  ],

  'measurement.list': [
    { label: 'NL-1', input: (w) => ({ indicatorId: w.indicators.NL1 }), allowed: READ_NL },
  ],
  'measurement.create': [
    {
      label: 'NL-1 (led by lead)',
      input: (w) => ({ indicatorId: w.indicators.NL1, measuredOn: '2025-05-31', value: 40 }),
      allowed: WORK_NL1,
    },
    {
      label: 'Chartres',
      input: (w) => ({ indicatorId: w.indicators.CH1, measuredOn: '2025-05-31', value: 4 }),
      allowed: MANAGE_CH,
    },
  ],
  'measurement.update': [
    {
      label: 'NL-1 (led by lead)',
      input: async (w) => ({ id: await measurement(w), measuredOn: '2024-06-30', value: 12 }),
      allowed: WORK_NL1,
    },
    {
      label: 'Nord Lorraine itself',
      input: async (w) => ({
        id: await territoryMeasurement(w),
        measuredOn: '2024-06-30',
        value: 1010,
      }),
      allowed: MANAGE_NL,
    },
  ],
  'measurement.delete': [
    {
      label: 'NL-1 (led by lead)',
      input: async (w) => ({ id: await measurement(w) }),
      allowed: WORK_NL1,
    },
  ],

  'committee.list': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],
  'committee.byId': [
    { label: 'COPIL NL', input: (w) => ({ id: w.committees.copilNL }), allowed: READ_NL },
  ],
  'committee.create': [
    {
      label: 'Nord Lorraine',
      input: (w) => ({
        territoryId: w.territories.NL,
        kind: 'cotech',
        name: 'COTECH Nord Lorraine',
      }),
      allowed: MANAGE_NL,
    },
  ],
  'committee.update': [
    {
      label: 'COPIL NL',
      input: (w) => ({ id: w.committees.copilNL, name: 'COPIL Nord Lorraine (élargi)' }),
      allowed: MANAGE_NL,
    },
  ],

  'committeeMember.create': [
    {
      label: 'COPIL NL',
      input: (w) => ({
        committeeId: w.committees.copilNL,
        personName: 'Paul Durand',
        role: 'guest',
      }),
      allowed: MANAGE_NL,
    },
  ],
  'committeeMember.update': [
    {
      label: 'COPIL NL',
      input: async (w) => ({ id: await committeeMember(w), role: 'chair' }),
      allowed: MANAGE_NL,
    },
  ],
  'committeeMember.delete': [
    {
      label: 'COPIL NL',
      input: async (w) => ({ id: await committeeMember(w) }),
      allowed: MANAGE_NL,
    },
  ],

  'meeting.list': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],
  'meeting.byId': [
    { label: 'COPIL NL', input: (w) => ({ id: w.meetings.NL }), allowed: READ_NL },
    { label: 'COPIL Chartres', input: (w) => ({ id: w.meetings.CH }), allowed: READ_CH },
  ],
  'meeting.snapshot': [
    { label: 'COPIL NL', input: (w) => ({ id: w.meetings.NL }), allowed: READ_NL },
  ],
  'meeting.review': [
    { label: 'COPIL NL', input: (w) => ({ id: w.meetings.NL }), allowed: READ_NL },
    { label: 'COPIL Chartres', input: (w) => ({ id: w.meetings.CH }), allowed: READ_CH },
  ],
  'meeting.create': [
    {
      label: 'COPIL NL',
      input: (w) => ({
        committeeId: w.committees.copilNL,
        scheduledAt: '2025-10-01T09:00:00.000Z',
        mode: 'video',
      }),
      allowed: MANAGE_NL,
    },
  ],
  'meeting.update': [
    {
      label: 'COPIL NL',
      input: (w) => ({ id: w.meetings.NL, version: 1, place: 'Metz' }),
      allowed: MANAGE_NL,
    },
  ],
  'meeting.setMinutes': [
    {
      label: 'COPIL NL',
      input: (w) => ({ id: w.meetings.NL, version: 1, minutes: 'Relevé de décisions' }),
      allowed: MANAGE_NL,
    },
  ],
  'mail.list': [{ label: 'the outbox', input: () => ({}), allowed: ADMIN }],
  'mail.byId': [
    { label: 'a queued mail', input: async (w) => ({ id: await failedMail(w) }), allowed: ADMIN },
  ],
  'mail.retry': [
    { label: 'a failed mail', input: async (w) => ({ id: await failedMail(w) }), allowed: ADMIN },
  ],
  'mail.preferences': [{ label: 'own', input: () => undefined, allowed: EVERYONE }],
  'mail.setPreferences': [
    {
      label: 'own',
      input: () => ({ mailUpdateRequests: false, mailReminders: true }),
      allowed: EVERYONE,
    },
  ],
  'meeting.setStatus': [
    {
      label: 'COPIL NL',
      // A meeting is marked held once it has started: this one began before the world's today.
      input: async (w) => {
        await w.db
          .updateTable('meetings')
          .set({ scheduledAt: '2025-06-01T09:30:00.000Z' })
          .where('id', '=', w.meetings.NL)
          .execute();
        return { id: w.meetings.NL, version: 1, status: 'held' };
      },
      allowed: MANAGE_NL,
    },
    {
      label: 'COPIL Chartres',
      input: (w) => ({ id: w.meetings.CH, version: 1, status: 'cancelled' }),
      allowed: MANAGE_CH,
    },
  ],

  'attendance.list': [
    { label: 'COPIL NL', input: (w) => ({ meetingId: w.meetings.NL }), allowed: READ_NL },
  ],
  'attendance.set': [
    {
      label: 'COPIL NL',
      input: (w) => ({
        meetingId: w.meetings.NL,
        entries: [{ personName: 'Jeanne Martin', status: 'present' }],
      }),
      allowed: MANAGE_NL,
    },
  ],

  'agenda.list': [
    { label: 'COPIL NL', input: (w) => ({ meetingId: w.meetings.NL }), allowed: READ_NL },
  ],
  'agenda.create': [
    {
      label: 'COPIL NL',
      input: (w) => ({
        meetingId: w.meetings.NL,
        title: 'Point d’avancement',
        planId: w.plans.NL1,
      }),
      allowed: MANAGE_NL,
    },
  ],
  'agenda.update': [
    {
      label: 'COPIL NL',
      input: async (w) => ({ id: await agendaItem(w), title: 'Point révisé' }),
      allowed: MANAGE_NL,
    },
  ],
  'agenda.delete': [
    { label: 'COPIL NL', input: async (w) => ({ id: await agendaItem(w) }), allowed: MANAGE_NL },
  ],
  'agenda.reorder': [
    {
      label: 'COPIL NL',
      input: async (w) => {
        const first = await agendaItem(w, 1);
        const second = await agendaItem(w, 2);
        return { meetingId: w.meetings.NL, itemIds: [second, first] };
      },
      allowed: MANAGE_NL,
    },
  ],

  'agenda.propose': [
    { label: 'COPIL NL', input: (w) => ({ meetingId: w.meetings.NL }), allowed: MANAGE_NL },
    { label: 'COPIL Chartres', input: (w) => ({ meetingId: w.meetings.CH }), allowed: MANAGE_CH },
  ],
  'agenda.addMany': [
    {
      label: 'COPIL NL',
      input: (w) => ({
        meetingId: w.meetings.NL,
        items: [
          { title: 'Action bloquée', actionId: w.actions.NL2a },
          { title: 'Fiche à valider', stageId: w.stages.NL1[0] },
        ],
      }),
      allowed: MANAGE_NL,
    },
  ],

  'decision.list': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],
  'decision.create': [
    {
      label: 'COPIL NL',
      input: (w) => ({
        meetingId: w.meetings.NL,
        text: 'Financer l’étude',
        kind: 'arbitration',
        planId: w.plans.NL1,
      }),
      allowed: MANAGE_NL,
    },
  ],
  'decision.update': [
    {
      label: 'COPIL NL',
      input: async (w) => ({ id: await decision(w), followUpStatus: 'done' }),
      allowed: MANAGE_NL,
    },
  ],

  'updateRequest.create': [
    {
      label: 'COPIL NL',
      input: (w) => ({ meetingId: w.meetings.NL, message: 'Merci de mettre à jour vos actions' }),
      allowed: MANAGE_NL,
    },
  ],
  'updateRequest.status': [
    { label: 'COPIL NL', input: (w) => ({ meetingId: w.meetings.NL }), allowed: READ_NL },
    { label: 'COPIL Chartres', input: (w) => ({ meetingId: w.meetings.CH }), allowed: READ_CH },
  ],
  'updateRequest.mine': [{ label: 'own requests', input: () => undefined, allowed: EVERYONE }],

  'comment.list': [
    {
      label: 'NL-1',
      input: (w) => ({ entityType: 'plan', entityId: w.plans.NL1 }),
      allowed: READ_NL,
    },
  ],
  'comment.create': [
    {
      label: 'NL-1',
      input: (w) => ({
        entityType: 'plan',
        entityId: w.plans.NL1,
        body: 'Point à suivre au prochain COPIL',
      }),
      allowed: COMMENT_NL,
    },
    {
      label: 'Chartres action',
      input: (w) => ({
        entityType: 'action',
        entityId: w.actions.CH1a,
        body: 'Relancer le prestataire',
      }),
      allowed: MANAGE_CH,
    },
  ],

  'history.list': [
    {
      label: 'NL-1 action',
      input: (w) => ({ entityType: 'action', entityId: w.actions.NL1a }),
      allowed: READ_NL,
    },
    {
      label: 'a user',
      input: (w) => ({ entityType: 'user', entityId: w.users.lead }),
      allowed: ADMIN,
    },
  ],

  'history.forPlan': [
    { label: 'NL-1', input: (w) => ({ planId: w.plans.NL1 }), allowed: READ_NL },
    { label: 'Chartres plan', input: (w) => ({ planId: w.plans.CH1 }), allowed: READ_CH },
  ],
  'history.forTerritory': [
    {
      label: 'Nord Lorraine',
      input: (w) => ({ territoryId: w.territories.NL, since: '2025-01-01' }),
      allowed: READ_NL,
    },
    {
      label: 'Chartres',
      input: (w) => ({ territoryId: w.territories.CH, since: '2025-01-01' }),
      allowed: READ_CH,
    },
  ],

  'dashboard.territoryOverview': [
    { label: 'Nord Lorraine', input: (w) => ({ territoryId: w.territories.NL }), allowed: READ_NL },
    { label: 'Chartres', input: (w) => ({ territoryId: w.territories.CH }), allowed: READ_CH },
  ],
  'dashboard.sinceLastMeeting': [
    { label: 'Nord Lorraine', input: (w) => ({ territoryId: w.territories.NL }), allowed: READ_NL },
    {
      label: 'Chartres, COTECH',
      input: (w) => ({ territoryId: w.territories.CH, committeeKind: 'cotech' }),
      allowed: READ_CH,
    },
  ],
  'dashboard.portfolio': [{ label: 'filtered by scope', input: () => ({}), allowed: EVERYONE }],

  'progress.territorySeries': [
    { label: 'Nord Lorraine', input: (w) => ({ territoryId: w.territories.NL }), allowed: READ_NL },
    { label: 'Chartres', input: (w) => ({ territoryId: w.territories.CH }), allowed: READ_CH },
  ],
  'progress.planSeries': [
    { label: 'Nord Lorraine', input: (w) => ({ planId: w.plans.NL1 }), allowed: READ_NL },
    { label: 'shared NL + CL', input: (w) => ({ planId: w.plans.SHARED }), allowed: READ_NL },
    { label: 'Chartres', input: (w) => ({ planId: w.plans.CH1 }), allowed: READ_CH },
  ],
  'progress.territoryAt': [
    {
      label: 'Nord Lorraine',
      input: (w) => ({ territoryId: w.territories.NL, at: '2026-01-15' }),
      allowed: READ_NL,
    },
    {
      label: 'Chartres',
      input: (w) => ({ territoryId: w.territories.CH, at: '2026-01-15' }),
      allowed: READ_CH,
    },
  ],
};

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

// At run time `_def.procedures` is flat, keyed by dotted path; its static type is the nested router.
const flatProcedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } }
>;
const isMutation = (path: string) => flatProcedures[path]?._def.type === 'mutation';

/**
 * Mutations that change no domain data, so write no audit event: signing out closes a session;
 * sending a failed mail again only moves it back into the queue, which keeps its own attempts.
 */
const UNAUDITED_MUTATIONS = ['auth.logout', 'mail.retry'];

const auditCount = async (world: World) =>
  Number(
    (
      await world.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * The fields of the audit events written after `afterId` that the registry of audited fields
 * (`AUDIT_FIELDS` in @jalon/shared) does not declare: any of them would reach a history as a key.
 */
async function unregisteredFields(world: World, afterId: number): Promise<string[]> {
  const events = await world.db
    .selectFrom('auditEvents')
    .select(['entityType', 'oldValue', 'newValue'])
    .where('id', '>', afterId)
    .execute();
  return events.flatMap((e) =>
    [e.oldValue, e.newValue]
      .flatMap((json) => Object.keys(json === null ? {} : (JSON.parse(json) as object)))
      .filter((field) => auditFieldKind(e.entityType, field) === null)
      .map((field) => `${e.entityType}.${field}`),
  );
}

const lastAuditId = async (world: World) =>
  (
    await world.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst()
  )?.id ?? 0;

type Caller = Awaited<ReturnType<typeof callerAs>>;
function procedureAt(caller: Caller, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return target as (input: unknown) => Promise<unknown>;
}

describe('authorization matrix', () => {
  it('has a case for every procedure, and no case for a procedure that does not exist', () => {
    expect(procedurePaths.filter((path) => !(path in cases))).toEqual([]);
    expect(Object.keys(cases).filter((path) => !procedurePaths.includes(path))).toEqual([]);
  });

  for (const path of procedurePaths) {
    const pathCases = cases[path];
    if (pathCases === undefined || pathCases === 'public') continue;

    it(`${path}: refuses a caller without a session`, async () => {
      const world = await buildWorld();
      const input = await pathCases[0]?.input(world);
      const anonymous = await callerAs(world, null);
      expect(await codeOf(procedureAt(anonymous, path)(input))).toBe('UNAUTHORIZED');
    });

    for (const testCase of pathCases) {
      it(`${path} (${testCase.label}): allows ${testCase.allowed.length === EVERYONE.length ? 'every signed-in role' : testCase.allowed.join(', ')}; FORBIDDEN for the rest`, async () => {
        const seen: Record<string, string> = {};
        const expected: Record<string, string> = {};
        const unaudited: string[] = [];
        const unregistered = new Set<string>();
        for (const user of WORLD_USERS) {
          const world = await buildWorld();
          const input = await testCase.input(world);
          const caller = await callerAs(world, user);
          const auditBefore = await auditCount(world);
          const lastIdBefore = await lastAuditId(world);
          seen[user] = await codeOf(procedureAt(caller, path)(input));
          expected[user] = testCase.allowed.includes(user) ? 'OK' : 'FORBIDDEN';
          // Every successful write leaves an audit event; a refused one leaves none.
          const written = (await auditCount(world)) - auditBefore;
          const mustAudit =
            seen[user] === 'OK' && isMutation(path) && !UNAUDITED_MUTATIONS.includes(path);
          if (mustAudit ? written === 0 : written !== 0)
            unaudited.push(`${user} wrote ${written} audit events`);
          // …and every field it records has a kind and labels, so no history shows a raw key.
          for (const field of await unregisteredFields(world, lastIdBefore))
            unregistered.add(field);
          await world.db.destroy();
        }
        expect(seen).toEqual(expected);
        expect(unaudited).toEqual([]);
        expect([...unregistered]).toEqual([]);
      });
    }
  }
});
