import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  describeAuditSubject,
  describeAuditValue,
  LOCALES,
  type AuditFieldChange,
  type AuditValueWords,
  type Locale,
} from '@jalon/shared';
import { useFormat } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';

/** One history entry as every history procedure returns it (`history.list`, `forPlan`…). */
export type HistoryItem = RouterOutputs['history']['list']['items'][number];

/** One changed field as a line people read: "Échéance : 1 mars 2025 → 15 avr. 2025". */
export interface HistoryLine {
  field: string;
  text: string;
}

/** What one entry says: a sentence, the changed fields, and the justification or comment. */
export interface HistoryReading {
  sentence: string;
  lines: HistoryLine[];
  note: string | null;
}

const toLocale = (language: string): Locale =>
  (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'fr';

/** Fields that name the item: a creation already says them in its sentence. */
const NAMING_FIELDS = new Set(['title', 'name']);

/**
 * Turns history entries into sentences a sous-préfet reads: "Marie Durand a passé « Diagnostic
 * des compétences » (FA-3) de En cours à Bloqué", then each changed field with its label and
 * old → new value, in the user's language (labels from the `history`, `auditFields` and `vocab`
 * catalogues, dates, numbers and money from `useFormat`).
 */
export function useHistoryText() {
  const { t, i18n } = useTranslation('history');
  const format = useFormat();
  const locale = toLocale(i18n.language);

  return useMemo(() => {
    const words: AuditValueWords = {
      none: t('values.none'),
      deleted: t('values.deleted'),
      yes: t('values.yes'),
      no: t('values.no'),
      attendance: (count, detail) => {
        const summary = t('values.attendance', { count });
        return detail ? t('values.attendanceDetail', { summary, detail }) : summary;
      },
      meeting: (committee, date) => t('values.meeting', { committee, date }),
    };
    const value = (v: AuditFieldChange['to']) => describeAuditValue(v, locale, format, words);
    const fieldLabel = (entityType: string, field: string): string => {
      const found: unknown = i18n.getResource(locale, 'auditFields', `${entityType}.${field}`);
      // The registry test guarantees a label in every language; French is the last resort.
      return typeof found === 'string'
        ? found
        : String(i18n.getResource('fr', 'auditFields', `${entityType}.${field}`) ?? '');
    };

    const read = (entry: HistoryItem): HistoryReading => {
      const who = entry.userName ?? t('system');
      // An action is named by its title alone, as its committee knows it.
      const item = describeAuditSubject(entry, locale, format, words, {
        withType: entry.entityType !== 'action',
      });
      let changes = entry.operation === 'delete' ? [] : entry.changes;
      let sentence: string;
      const status = changes.find((c) => c.field === 'status' && c.from !== null && c.to !== null);
      if (entry.reordered) {
        sentence = t('sentence.reordered', { who, item });
      } else if (entry.entityType === 'attendance') {
        sentence = t('sentence.attendance', { who, item });
      } else if (entry.entityType === 'comment') {
        sentence = t('sentence.comment', { who, item });
      } else if (status) {
        sentence = t('sentence.statusChange', {
          who,
          item,
          from: value(status.from),
          to: value(status.to),
        });
        changes = changes.filter((c) => c !== status);
      } else {
        sentence = t(`sentence.${entry.operation}`, { who, item });
      }
      if (entry.operation === 'create')
        changes = changes.filter((c) => !NAMING_FIELDS.has(c.field));

      const justification = changes.find((c) => c.field === 'statusComment');
      const justificationText =
        justification?.to?.kind === 'longText' ? justification.to.text : null;
      let note: string | null = null;
      if (justificationText) {
        note = t('justification', { text: justificationText });
        changes = changes.filter((c) => c !== justification);
      }
      if (entry.comment && entry.comment !== justificationText) {
        note = note
          ? `${note} · ${t('comment', { text: entry.comment })}`
          : t('comment', { text: entry.comment });
      }

      const lines = changes.map((c): HistoryLine => {
        const field = fieldLabel(entry.entityType, c.field);
        if (c.to?.kind === 'attendance') return { field: c.field, text: value(c.to) };
        return {
          field: c.field,
          text:
            c.from === null
              ? t('fieldSet', { field, to: value(c.to) })
              : t('fieldChange', { field, from: value(c.from), to: value(c.to) }),
        };
      });
      return { sentence, lines, note };
    };
    return { read };
  }, [t, i18n, locale, format]);
}
