import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  type CommitteeMemberRole,
} from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { QueryState, useErrorText } from '../../components/QueryState';
import { meetingPaths } from './paths';
import type { MeetingAccess, MeetingDetail } from './meetingAccess';

type Member = RouterOutputs['committee']['byId']['members'][number];

/** One line of the attendance sheet as typed: a committee member, or a guest added by name. */
interface DraftRow {
  key: string;
  committeeMemberId: number | null;
  personName: string;
  organisationId: number | null;
  organisationName: string | null;
  role: CommitteeMemberRole | null;
  /** '' until someone records it: only recorded lines are saved. */
  status: AttendanceStatus | '';
  representedBy: string;
}

/** The committee's members, each with what is recorded for them, then the guests. */
function draftRows(meeting: MeetingDetail, members: readonly Member[]): DraftRow[] {
  const memberIds = new Set(members.map((m) => m.id));
  const forMembers = members.map((m): DraftRow => {
    const entry = meeting.attendance.find((a) => a.committeeMemberId === m.id);
    return {
      key: `member-${m.id}`,
      committeeMemberId: m.id,
      personName: m.personName,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      role: m.role,
      status: entry?.status ?? '',
      representedBy: entry?.representedBy ?? '',
    };
  });
  const guests = meeting.attendance
    .filter((a) => a.committeeMemberId === null || !memberIds.has(a.committeeMemberId))
    .map((a): DraftRow => ({
      key: `entry-${a.id}`,
      committeeMemberId: null,
      personName: a.personName,
      organisationId: a.organisationId,
      organisationName: a.organisationName,
      role: null,
      status: a.status,
      representedBy: a.representedBy ?? '',
    }));
  return [...forMembers, ...guests];
}

function countByStatus(statuses: readonly (AttendanceStatus | '')[]) {
  return ATTENDANCE_STATUSES.map((status) => ({
    status,
    count: statuses.filter((s) => s === status).length,
  }));
}

export function AttendanceSection({
  meeting,
  access,
}: {
  meeting: MeetingDetail;
  access: MeetingAccess;
}) {
  const { t } = useTranslation('meetings');
  const trpc = useTRPC();
  const committee = useQuery(trpc.committee.byId.queryOptions({ id: meeting.committeeId }));
  return (
    <section className="panel meeting-attendance" aria-labelledby="meeting-attendance-heading">
      <div className="panel-header">
        <h2 id="meeting-attendance-heading">{t('attendance.heading')}</h2>
      </div>
      <QueryState query={committee}>
        {(data) =>
          access.edit ? (
            <AttendanceEditor meeting={meeting} members={data.members} />
          ) : (
            <AttendanceTable meeting={meeting} members={data.members} />
          )
        }
      </QueryState>
    </section>
  );
}

function AttendanceCounts({ statuses }: { statuses: readonly (AttendanceStatus | '')[] }) {
  const { t: tv } = useTranslation('vocab');
  return (
    <dl className="figures attendance-counts">
      {countByStatus(statuses).map(({ status, count }) => (
        <div className="figure" key={status}>
          <dt>{tv(`attendanceStatus.${status}`)}</dt>
          <dd>{count}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The recorded attendance, for reading. */
function AttendanceTable({
  meeting,
  members,
}: {
  meeting: MeetingDetail;
  members: readonly Member[];
}) {
  const { t } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  if (meeting.attendance.length === 0) {
    return <p className="state state-empty">{t('attendance.empty')}</p>;
  }
  const roleOf = (memberId: number | null) => members.find((m) => m.id === memberId)?.role;
  return (
    <>
      <AttendanceCounts statuses={meeting.attendance.map((a) => a.status)} />
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('attendance.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('attendance.name')}</th>
              <th scope="col">{t('attendance.organisation')}</th>
              <th scope="col">{t('attendance.role')}</th>
              <th scope="col">{t('attendance.status')}</th>
              <th scope="col">{t('attendance.representedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.attendance.map((entry) => {
              const role = roleOf(entry.committeeMemberId);
              return (
                <tr key={entry.id}>
                  <th scope="row">{entry.personName}</th>
                  <td>{entry.organisationName ?? '—'}</td>
                  <td>{role ? tv(`committeeMemberRole.${role}`) : t('attendance.guest')}</td>
                  <td>
                    <span className={`badge attendance-${entry.status}`}>
                      {tv(`attendanceStatus.${entry.status}`)}
                    </span>
                  </td>
                  <td>{entry.representedBy ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

type RowErrors = Partial<Record<'personName' | 'representedBy', string>>;

/** Finds what the server would refuse, line by line, before anything is sent. */
function validate(rows: readonly DraftRow[]): Record<string, RowErrors> {
  const errors: Record<string, RowErrors> = {};
  for (const row of rows) {
    const rowErrors: RowErrors = {};
    if (row.committeeMemberId === null && row.personName.trim() === '') {
      rowErrors.personName = 'nameRequired';
    }
    if (row.status === 'represented' && row.representedBy.trim() === '') {
      rowErrors.representedBy = 'representedByRequired';
    }
    if (Object.keys(rowErrors).length > 0) errors[row.key] = rowErrors;
  }
  return errors;
}

/** The attendance sheet as a form: one line per member, guests added by name. */
function AttendanceEditor({
  meeting,
  members,
}: {
  meeting: MeetingDetail;
  members: readonly Member[];
}) {
  const { t } = useTranslation('meetings');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [rows, setRows] = useState(() => draftRows(meeting, members));
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [saved, setSaved] = useState(false);
  const [nextGuest, setNextGuest] = useState(1);
  const organisations = useQuery(trpc.organisation.list.queryOptions({ limit: 200 }));
  const save = useMutation(
    trpc.attendance.set.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.meeting.byId.queryFilter({ id: meeting.id }));
      },
    }),
  );

  const change = (key: string, patch: Partial<DraftRow>) => {
    setSaved(false);
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const addGuest = () => {
    const key = `guest-${nextGuest}`;
    setNextGuest((n) => n + 1);
    setSaved(false);
    setRows((current) => [
      ...current,
      {
        key,
        committeeMemberId: null,
        personName: '',
        organisationId: null,
        organisationName: null,
        role: null,
        status: 'present',
        representedBy: '',
      },
    ]);
    // The new guest's name field, once rendered.
    requestAnimationFrame(() => document.getElementById(`${key}-name`)?.focus());
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = validate(rows);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        save.mutate({
          meetingId: meeting.id,
          entries: rows.flatMap((row) =>
            row.status === ''
              ? []
              : [
                  {
                    committeeMemberId: row.committeeMemberId,
                    personName: row.personName.trim(),
                    organisationId: row.organisationId,
                    status: row.status,
                    representedBy: row.status === 'represented' ? row.representedBy.trim() : null,
                  },
                ],
          ),
        });
      }}
    >
      <AttendanceCounts statuses={rows.map((r) => r.status)} />
      {members.length === 0 && (
        <p className="muted">
          {t('attendance.noMembers')}{' '}
          <Link to={meetingPaths.committees(meeting.territoryId)}>{t('links.committees')}</Link>
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table attendance-sheet">
            <caption className="visually-hidden">{t('attendance.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.name')}</th>
                <th scope="col">{t('attendance.organisation')}</th>
                <th scope="col">{t('attendance.role')}</th>
                <th scope="col">{t('attendance.status')}</th>
                <th scope="col">{t('attendance.representedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <AttendanceLine
                  key={row.key}
                  row={row}
                  errors={errors[row.key] ?? {}}
                  organisations={organisations.data?.items ?? []}
                  onChange={(patch) => change(row.key, patch)}
                  onRemove={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {errorCount > 0 && (
        <p className="form-error" role="alert">
          {t('attendance.fixErrors', { count: errorCount })}
        </p>
      )}
      {save.error && (
        <p className="form-error" role="alert">
          {errorText(save.error)}
        </p>
      )}
      <div className="toolbar attendance-actions">
        <button type="button" className="button" onClick={addGuest}>
          {t('attendance.addGuest')}
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('attendance.saving') : t('attendance.save')}
        </button>
        <span role="status" className="muted small">
          {saved ? t('attendance.saved') : ''}
        </span>
      </div>
    </form>
  );
}

/** A required text field in a table cell: its label is the row's, read by screen readers only. */
function CellInput({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        maxLength={160}
        required
        aria-invalid={!!error}
        aria-describedby={errorId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

function AttendanceLine({
  row,
  errors,
  organisations,
  onChange,
  onRemove,
}: {
  row: DraftRow;
  errors: RowErrors;
  organisations: readonly { id: number; name: string }[];
  onChange: (patch: Partial<DraftRow>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  const guest = row.committeeMemberId === null;
  const who = row.personName.trim() || t('attendance.newGuest');
  return (
    <tr>
      <th scope="row">
        {guest ? (
          <CellInput
            id={`${row.key}-name`}
            label={t('attendance.guestName')}
            value={row.personName}
            error={errors.personName ? t('attendance.nameRequired') : undefined}
            onChange={(personName) => onChange({ personName })}
          />
        ) : (
          row.personName
        )}
      </th>
      <td>
        {guest ? (
          <>
            <label className="visually-hidden" htmlFor={`${row.key}-org`}>
              {t('attendance.organisationOf', { name: who })}
            </label>
            <select
              id={`${row.key}-org`}
              className="attendance-org"
              value={row.organisationId ?? ''}
              onChange={(e) =>
                onChange({ organisationId: e.target.value === '' ? null : Number(e.target.value) })
              }
            >
              <option value="">{t('attendance.noOrganisation')}</option>
              {row.organisationId !== null &&
                !organisations.some((o) => o.id === row.organisationId) && (
                  <option value={row.organisationId}>{row.organisationName}</option>
                )}
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          (row.organisationName ?? '—')
        )}
      </td>
      <td>
        {row.role ? tv(`committeeMemberRole.${row.role}`) : t('attendance.guest')}
        {guest && (
          <>
            {' '}
            <button type="button" className="button button-small button-quiet" onClick={onRemove}>
              {t('attendance.removeGuest')}
              <span className="visually-hidden"> {who}</span>
            </button>
          </>
        )}
      </td>
      <td>
        <div
          role="radiogroup"
          aria-label={t('attendance.statusOf', { name: who })}
          className="attendance-choices"
        >
          {ATTENDANCE_STATUSES.map((status) => (
            <label key={status} className="attendance-choice">
              <input
                type="radio"
                name={`${row.key}-status`}
                value={status}
                checked={row.status === status}
                onChange={() => onChange({ status })}
              />
              {tv(`attendanceStatus.${status}`)}
            </label>
          ))}
        </div>
      </td>
      <td>
        {row.status === 'represented' ? (
          <CellInput
            id={`${row.key}-rep`}
            label={t('attendance.representedByOf', { name: who })}
            value={row.representedBy}
            error={errors.representedBy ? t('attendance.representedByRequired') : undefined}
            onChange={(representedBy) => onChange({ representedBy })}
          />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
