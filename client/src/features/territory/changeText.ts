import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';

export type Change =
  RouterOutputs['dashboard']['territoryOverview']['recentChanges']['items'][number];

/** One changed field as people read it: its label and, when readable, old → new. */
export interface FieldChange {
  field: string;
  label: string;
  from: string | null;
  to: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const LONG_TEXT = 160;
const NONE = '—';

/** The `vocab` group that names a coded field's values, per entity type (a status is not one list). */
const CODE_LISTS: Record<string, Record<string, string>> = {
  status: {
    action: 'actionStatus',
    meeting: 'meetingStatus',
    decision: 'decisionStatus',
    attendance: 'attendanceStatus',
  },
  kind: {
    committee: 'committeeKind',
    indicator: 'indicatorKind',
    decision: 'decisionKind',
    organisation: 'organisationKind',
    stage: 'stageKind',
  },
  mode: { '*': 'meetingMode' },
  role: { membership: 'territoryRole', committee_member: 'committeeMemberRole' },
  axis: { '*': 'axis' },
  priority: { '*': 'priority' },
  direction: { '*': 'indicatorDirection' },
  followUpStatus: { '*': 'decisionStatus' },
};

/** References to other rows (`ownerUserId`, `epciIds`…): their numbers mean nothing to a reader. */
const isReference = (field: string) => /Ids?$/.test(field);

/**
 * Turns audit entries' raw fields into readable labels and values: codes become their vocabulary
 * labels, dates and amounts are formatted, references and long texts are summarised.
 */
export function useChangeText() {
  const { t, i18n } = useTranslation('territory');
  const format = useFormat();
  // Audit fields are open-ended strings: look them up, falling back to the raw name.
  const lookup = (ns: string, key: string): string | null => {
    const found: unknown = i18n.getResource(i18n.language, ns, key);
    return typeof found === 'string' ? found : null;
  };

  const value = (entityType: string, field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return NONE;
    if (typeof raw === 'boolean') return raw ? t('changes.yes') : t('changes.no');
    if (Array.isArray(raw)) return raw.map((v) => value(entityType, field, v)).join(', ');
    if (typeof raw === 'number') {
      if (field === 'progress') return format.percent(raw);
      if (field.endsWith('Cents')) return format.money(raw);
      return format.number(raw);
    }
    if (typeof raw !== 'string') return t('changes.changed');
    const lists = CODE_LISTS[field];
    const group = lists?.[entityType] ?? lists?.['*'];
    if (group) return lookup('vocab', `${group}.${raw}`) ?? raw;
    if (ISO_DAY.test(raw)) return format.date(raw);
    if (ISO_INSTANT.test(raw)) return format.dateTime(raw);
    return raw.length > LONG_TEXT ? `${raw.slice(0, LONG_TEXT - 1)}…` : raw;
  };

  const fieldChanges = (change: Change): FieldChange[] => {
    const before = change.oldValue ?? {};
    const after = change.newValue ?? {};
    const fields = Object.keys(after).filter((field) =>
      // A creation lists every field; only the filled ones say anything.
      change.operation === 'create' ? after[field] !== null && after[field] !== '' : true,
    );
    return (
      fields
        .map((field): FieldChange => {
          const label = lookup('territory', `changes.fields.${field}`) ?? field;
          if (isReference(field)) return { field, label, from: null, to: t('changes.changed') };
          const hasBefore = change.operation !== 'create' && field in before;
          return {
            field,
            label,
            from: hasBefore ? value(change.entityType, field, before[field]) : null,
            to: value(change.entityType, field, after[field]),
          };
        })
        // A status change also records the fields it left as they were: only news is shown.
        .filter((c) => c.from !== c.to && !(c.from === null && c.to === NONE))
    );
  };

  const entityLabel = (entityType: string) =>
    lookup('vocab', `entityType.${entityType}`) ?? entityType;

  return { fieldChanges, entityLabel };
}

/** The name an audit entry carries when it recorded one (creations, renames). */
export function nameInChange(change: Change): string | null {
  for (const values of [change.newValue, change.oldValue]) {
    const name = values?.['title'] ?? values?.['name'];
    if (typeof name === 'string' && name !== '') return name;
  }
  return null;
}
