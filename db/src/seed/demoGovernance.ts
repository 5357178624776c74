import {
  addDays,
  isDecisionClosed,
  type AttendanceStatus,
  type CommitteeKind,
  type CommitteeMemberRole,
  type DecisionKind,
  type DecisionStatus,
  type StageKind,
} from '@jalon/shared';
import type { Random } from './random';
import { daysBetween, workingDay } from './dates';
import {
  COMMITTEE_MEMBER,
  DEMO_TERRITORIES,
  NORD_LORRAINE,
  leadOrganisation,
  type DemoTerritory,
} from './demoContent';
import {
  idOf,
  pseudonym,
  stamp,
  type SeededAction,
  type SeededPlan,
  type Seeding,
} from './demoState';

// The demo's committees: a COPIL and a COTECH per territory with their members, past meetings
// (attendance, agenda, decisions numbered per committee, stage validations) and one upcoming.

const STAGE_LABELS: Record<StageKind, string> = {
  inventory: 'État des lieux',
  tool_adaptation: 'Évolution et adaptation des outils',
  support_for_change: 'Accompagnement au changement',
};

interface Member {
  id: number;
  personName: string;
  organisationId: number | null;
  role: CommitteeMemberRole;
}

interface PlannedDecision {
  text: string;
  kind: DecisionKind;
  planId: number | null;
  stageId: number | null;
  actionId: number | null;
  ownerName: string;
  dueDate: string | null;
  /** Validations are done when they are taken. */
  settled: boolean;
}

interface MeetingPlan {
  date: string;
  place: string;
  agenda: { title: string; planId?: number; stageId?: number; actionId?: number }[];
  decisions: PlannedDecision[];
}

async function insertCommittee(
  s: Seeding,
  territory: DemoTerritory,
  kind: CommitteeKind,
  members: {
    personName: string;
    organisation: string | null;
    role: CommitteeMemberRole;
    userEmail?: string;
  }[],
): Promise<{ id: number; members: Member[] }> {
  const territoryId = idOf(s.territoryIds, territory.code);
  const committee = await s.trx
    .insertInto('committees')
    .values({
      territoryId,
      kind,
      name: `${kind === 'copil' ? 'COPIL' : 'COTECH'} ${territory.name}`,
      archivedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inserted: Member[] = [];
  for (const member of members) {
    const organisationId =
      member.organisation === null ? null : idOf(s.orgIds, member.organisation);
    const row = await s.trx
      .insertInto('committeeMembers')
      .values({
        committeeId: committee.id,
        userId: member.userEmail ? idOf(s.userIds, member.userEmail) : null,
        personName: member.personName,
        organisationId,
        role: member.role,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    inserted.push({ id: row.id, personName: member.personName, organisationId, role: member.role });
  }
  return { id: committee.id, members: inserted };
}

function copilMembers(s: Seeding, territory: DemoTerritory) {
  const region = territory.regionCode === '24' ? 'Région Centre-Val de Loire' : 'Région Grand Est';
  const otherEpcis = territory.epcis
    .map((e) => e.name)
    .filter((name) => name !== territory.electedChair.epci)
    .slice(0, 3);
  return [
    {
      personName: territory.electedChair.name,
      organisation: territory.electedChair.epci,
      role: 'chair' as const,
    },
    {
      personName: territory.industrialChair.name,
      organisation: territory.industrialChair.company,
      role: 'chair' as const,
    },
    { personName: pseudonym(s), organisation: territory.prefecture, role: 'member' as const },
    { personName: pseudonym(s), organisation: region, role: 'member' as const },
    ...otherEpcis.map((epci) => ({
      personName: pseudonym(s),
      organisation: epci,
      role: 'member' as const,
    })),
    { personName: pseudonym(s), organisation: 'Banque des Territoires', role: 'member' as const },
    ...(territory.code === NORD_LORRAINE.code
      ? [
          {
            personName: COMMITTEE_MEMBER.name,
            organisation: COMMITTEE_MEMBER.organisation,
            role: 'member' as const,
            userEmail: COMMITTEE_MEMBER.email,
          },
        ]
      : []),
    {
      personName: territory.coordinator.name,
      organisation: territory.electedChair.epci,
      role: 'guest' as const,
      userEmail: territory.coordinator.email,
    },
  ];
}

function cotechMembers(s: Seeding, territory: DemoTerritory) {
  const region = territory.regionCode === '24' ? 'Région Centre-Val de Loire' : 'Région Grand Est';
  return [
    {
      personName: territory.coordinator.name,
      organisation: territory.electedChair.epci,
      role: 'chair' as const,
      userEmail: territory.coordinator.email,
    },
    ...territory.epcis.slice(0, 5).map((epci) => ({
      personName: pseudonym(s),
      organisation: epci.name,
      role: 'member' as const,
    })),
    ...territory.leads.map((lead, i) => ({
      personName: lead.name,
      organisation: leadOrganisation(territory, i),
      role: 'member' as const,
      userEmail: lead.email,
    })),
    { personName: pseudonym(s), organisation: 'France Travail', role: 'member' as const },
    { personName: pseudonym(s), organisation: 'Banque des Territoires', role: 'member' as const },
    { personName: pseudonym(s), organisation: region, role: 'guest' as const },
  ];
}

function relativeDates(s: Seeding, offsets: readonly number[], jitter: number): string[] {
  return offsets.map((days) => workingDay(addDays(s.today, days + s.rng.int(-jitter, jitter))));
}

function attendanceStatus(rng: Random, role: CommitteeMemberRole): AttendanceStatus {
  if (role === 'chair') return 'present';
  const r = rng.next();
  return r < 0.75 ? 'present' : r < 0.85 ? 'excused' : r < 0.95 ? 'represented' : 'absent';
}

function followUpStatus(
  rng: Random,
  decision: PlannedDecision,
  isLatest: boolean,
  today: string,
): DecisionStatus {
  if (decision.settled) return 'done';
  if (isLatest) {
    if (decision.dueDate !== null && decision.dueDate < today) return 'late';
    return rng.chance(0.5) ? 'todo' : 'in_progress';
  }
  const r = rng.next();
  return r < 0.8 ? 'done' : r < 0.9 ? 'late' : 'cancelled';
}

async function insertMeetings(
  s: Seeding,
  committee: { id: number; members: Member[] },
  kind: CommitteeKind,
  past: MeetingPlan[],
  upcoming: MeetingPlan,
): Promise<Map<string, number>> {
  const time = kind === 'copil' ? '08:30' : '12:00';
  const mode = kind === 'copil' ? 'in_person' : 'hybrid';
  const meetingIds = new Map<string, number>();
  let decisionNumber = 0;
  const chairName = committee.members.find((m) => m.role === 'chair')?.personName ?? '';
  const ordered = [...past].sort((a, b) => a.date.localeCompare(b.date));
  for (const [index, plan] of [...ordered, upcoming].entries()) {
    const isPast = index < ordered.length;
    const isLatest = index === ordered.length - 1;
    const scheduledAt = stamp(plan.date, time);
    const meeting = await s.trx
      .insertInto('meetings')
      .values({
        committeeId: committee.id,
        scheduledAt,
        place: plan.place,
        mode: isPast ? mode : s.rng.pick(['in_person', 'hybrid', 'video'] as const),
        status: !isPast ? 'planned' : isLatest ? 'held' : 'minutes_approved',
        heldAt: isPast ? scheduledAt : null,
        createdAt: stamp(addDays(plan.date, -30)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    meetingIds.set(plan.date, meeting.id);
    if (plan.agenda.length > 0) {
      await s.trx
        .insertInto('agendaItems')
        .values(
          plan.agenda.map((item, i) => ({
            meetingId: meeting.id,
            position: i + 1,
            title: item.title,
            notes: '',
            planId: item.planId ?? null,
            stageId: item.stageId ?? null,
            actionId: item.actionId ?? null,
          })),
        )
        .execute();
    }
    if (!isPast) continue;
    await s.trx
      .insertInto('attendance')
      .values(
        committee.members.map((member) => {
          const status = attendanceStatus(s.rng, member.role);
          return {
            meetingId: meeting.id,
            committeeMemberId: member.id,
            personName: member.personName,
            organisationId: member.organisationId,
            status,
            representedBy: status === 'represented' ? pseudonym(s) : null,
          };
        }),
      )
      .execute();
    const next = [...ordered, upcoming][index + 1];
    for (const decision of plan.decisions) {
      decisionNumber += 1;
      const status = followUpStatus(s.rng, decision, isLatest, s.today);
      // A follow-up is settled at the next meeting, unless the decision settled it when taken.
      const settledAt =
        isDecisionClosed(status) && !decision.settled && next
          ? stamp(next.date, time)
          : scheduledAt;
      await s.trx
        .insertInto('decisions')
        .values({
          meetingId: meeting.id,
          number: decisionNumber,
          text: decision.text,
          kind: decision.kind,
          planId: decision.planId,
          stageId: decision.stageId,
          actionId: decision.actionId,
          ownerName: decision.ownerName || chairName,
          dueDate: decision.dueDate,
          followUpStatus: status,
          createdAt: scheduledAt,
          updatedAt: settledAt,
        })
        .execute();
    }
  }
  return meetingIds;
}

/** A territory's plans and actions, as its committees see them. */
interface TerritoryView {
  territory: DemoTerritory;
  /** Plans whose first territory this is: its COPIL validates their stages. */
  ownPlans: SeededPlan[];
  actions: SeededAction[];
  planIdByCode: Map<string, number>;
}

function decision(
  fields: Pick<PlannedDecision, 'text' | 'kind'> & Partial<PlannedDecision>,
): PlannedDecision {
  return {
    planId: null,
    stageId: null,
    actionId: null,
    ownerName: '',
    dueDate: null,
    settled: false,
    ...fields,
  };
}

/** The COPIL's past meetings: the public-fact ones and a few recent ones, with their decisions. */
function copilMeetingPlans(s: Seeding, view: TerritoryView, upcoming: string): MeetingPlan[] {
  const { territory, ownPlans, actions } = view;
  const troubled = actions.filter((a) => a.status === 'blocked' || a.status === 'late');
  const fixedDates = territory.fixedCopils.filter((m) => m.date < s.today).map((m) => m.date);
  const relative = relativeDates(s, [-320, -150, -40], 10).filter(
    (date) =>
      fixedDates.every((fixed) => Math.abs(daysBetween(fixed, date)) > 75) &&
      date > (territory.joinedOn ?? '2023-11-09'),
  );
  const dates = [...fixedDates, ...relative].sort();
  return dates.map((date, i) => {
    const fixed = territory.fixedCopils.find((m) => m.date === date);
    const nextDate = dates[i + 1] ?? upcoming;
    const previous = dates[i - 1] ?? '';
    // A stage finished since the previous COPIL is validated at this one.
    const validations = ownPlans.flatMap((p) =>
      p.stages.filter(
        (st) => st.actualEnd !== null && st.actualEnd > previous && st.actualEnd <= date,
      ),
    );
    const decisions: PlannedDecision[] = [
      ...(fixed?.decisions ?? []).map((d) =>
        decision({
          text: d.text,
          kind: d.kind,
          planId: d.planCode ? (view.planIdByCode.get(d.planCode) ?? null) : null,
          dueDate: d.kind === 'information_request' ? nextDate : null,
          settled: d.kind !== 'information_request',
        }),
      ),
      ...validations.map((st) =>
        decision({
          text: `L’étape « ${STAGE_LABELS[st.kind]} » de la fiche ${st.planCode} est validée.`,
          kind: 'validation',
          planId: st.planId,
          stageId: st.id,
          settled: true,
        }),
      ),
    ];
    const action = troubled[i % Math.max(1, troubled.length)];
    const focus = ownPlans[i % Math.max(1, ownPlans.length)];
    if (!fixed && action) {
      decisions.push(
        decision({
          text: `Le pilote présentera au prochain comité un plan de résorption pour « ${action.title} » (${action.planCode}).`,
          kind: 'information_request',
          planId: action.planId,
          actionId: action.id,
          ownerName: s.userNames.get(action.ownerUserId) ?? '',
          dueDate: nextDate,
        }),
      );
    }
    if (!fixed && i === dates.length - 1 && ownPlans.length > 0) {
      const target = s.rng.pick(ownPlans);
      decisions.push(
        decision({
          text: `Le comité maintient l’enveloppe de la fiche ${target.spec.code} et demande un calendrier révisé.`,
          kind: 'arbitration',
          planId: target.id,
          ownerName: s.userNames.get(target.leadUserIds[0] ?? 0) ?? '',
          dueDate: nextDate,
        }),
      );
    }
    if (!fixed && i === 0) {
      for (const dropped of actions.filter((a) => a.status === 'dropped')) {
        decisions.push(
          decision({
            text: `Abandon de l’action « ${dropped.title} » (${dropped.planCode}) : l’objectif est repris par d’autres actions.`,
            kind: 'abandonment',
            planId: dropped.planId,
            actionId: dropped.id,
            settled: true,
          }),
        );
      }
    }
    return {
      date,
      place: fixed?.place ?? territory.copilPlaces[i % territory.copilPlaces.length] ?? '',
      agenda: [
        ...(i > 0 ? [{ title: 'Approbation du relevé de décisions de la séance précédente' }] : []),
        ...(fixed
          ? fixed.agenda.map((title) => ({ title }))
          : [{ title: 'Point d’avancement des fiches action' }]),
        // The COPILs Jalon has followed look at one plan in depth and at a troubled action.
        ...(!fixed && focus
          ? [
              {
                title: `Focus sur la fiche ${focus.spec.code} : ${focus.spec.title}`,
                planId: focus.id,
              },
            ]
          : []),
        ...(!fixed && action
          ? [
              {
                title: `Point d’attention : ${action.title} (${action.planCode})`,
                planId: action.planId,
                actionId: action.id,
              },
            ]
          : []),
        ...validations.map((st) => ({
          title: `Validation de l’étape « ${STAGE_LABELS[st.kind]} » de la fiche ${st.planCode}`,
          planId: st.planId,
          stageId: st.id,
        })),
        { title: 'Questions diverses' },
      ],
      decisions,
    };
  });
}

/** The next COPIL: its agenda is ready, with every late or blocked action on it. */
function upcomingCopilPlan(view: TerritoryView, date: string): MeetingPlan {
  const troubled = view.actions.filter((a) => a.status === 'blocked' || a.status === 'late');
  return {
    date,
    place: view.territory.copilPlaces[0] ?? '',
    agenda: [
      { title: 'Approbation du relevé de décisions de la séance précédente' },
      { title: 'Point d’avancement des fiches action' },
      ...troubled.map((a) => ({
        title: `Point d’attention : ${a.title} (${a.planCode})`,
        planId: a.planId,
        actionId: a.id,
      })),
      { title: 'Indicateurs hors trajectoire' },
      { title: 'Questions diverses' },
    ],
    decisions: [],
  };
}

/** The COTECH meets every two months or so to prepare the COPIL. */
function cotechMeetingPlans(s: Seeding, view: TerritoryView): MeetingPlan[] {
  const dates = relativeDates(s, [-300, -230, -160, -95, -30], 7).filter(
    (date) => date > (view.territory.joinedOn ?? '2023-11-09'),
  );
  const current = view.actions.filter((a) =>
    ['in_progress', 'to_discuss', 'on_hold'].includes(a.status),
  );
  return dates.map((date, i) => {
    const subject = current[(i * 3) % Math.max(1, current.length)];
    return {
      date,
      place: view.territory.cotechPlace,
      agenda: [
        { title: 'Tour de table des fiches action' },
        { title: 'Mise à jour des indicateurs' },
        ...(subject
          ? [
              {
                title: `Point sur « ${subject.title} »`,
                planId: subject.planId,
                actionId: subject.id,
              },
            ]
          : []),
        { title: 'Préparation du prochain COPIL' },
      ],
      decisions: subject
        ? [
            decision({
              text:
                subject.status === 'to_discuss'
                  ? `Inscrire « ${subject.title} » (${subject.planCode}) à l’ordre du jour du COPIL pour arbitrage.`
                  : `Faire un point d’étape sur « ${subject.title} » (${subject.planCode}) avec les partenaires.`,
              kind: subject.status === 'to_discuss' ? 'information_request' : 'reorientation',
              planId: subject.planId,
              actionId: subject.id,
              ownerName: s.userNames.get(subject.ownerUserId) ?? '',
              dueDate: dates[i + 1] ?? addDays(s.today, 14),
            }),
          ]
        : [],
    };
  });
}

export async function insertGovernance(s: Seeding, plans: readonly SeededPlan[]): Promise<void> {
  for (const territory of DEMO_TERRITORIES) {
    const inTerritory = plans.filter((p) => p.spec.territories.includes(territory.code));
    const view: TerritoryView = {
      territory,
      ownPlans: plans.filter((p) => p.spec.territories[0] === territory.code),
      actions: inTerritory.flatMap((p) => p.actions),
      planIdByCode: new Map(inTerritory.map((p) => [p.spec.code, p.id])),
    };

    const copil = await insertCommittee(s, territory, 'copil', copilMembers(s, territory));
    const nextCopil = workingDay(addDays(s.today, s.rng.int(21, 70)));
    const copilPlans = copilMeetingPlans(s, view, nextCopil);
    const meetingIds = await insertMeetings(
      s,
      copil,
      'copil',
      copilPlans,
      upcomingCopilPlan(view, nextCopil),
    );
    for (const plan of copilPlans) {
      const meetingId = meetingIds.get(plan.date);
      for (const item of plan.agenda) {
        if (item.stageId === undefined || meetingId === undefined) continue;
        await s.trx
          .updateTable('stages')
          .set({ validatedMeetingId: meetingId, validatedOn: plan.date })
          .where('id', '=', item.stageId)
          .execute();
      }
    }

    const cotech = await insertCommittee(s, territory, 'cotech', cotechMembers(s, territory));
    await insertMeetings(s, cotech, 'cotech', cotechMeetingPlans(s, view), {
      date: workingDay(addDays(s.today, s.rng.int(7, 20))),
      place: territory.cotechPlace,
      agenda: [
        { title: 'Tour de table des fiches action' },
        { title: 'Actions en retard ou bloquées' },
        { title: 'Préparation du prochain COPIL' },
      ],
      decisions: [],
    });
  }
}
