import { describe, expect, it } from 'vitest';
import {
  AUDIT_FIELD_LABELS,
  AUDIT_FIELDS,
  auditChanges,
  auditCodeLabel,
  auditEntityLabel,
  createFormatters,
  describeAuditSubject,
  describeAuditValue,
  LOCALES,
  toAuditValue,
  type AuditFieldKind,
  type AuditReferences,
  type AuditValueWords,
} from '../src';

const NAMES: Partial<Record<string, Record<number, string>>> = {
  user: { 4: 'Marie Durand' },
  organisation: { 7: 'Eurométropole de Metz' },
};
const references: AuditReferences = {
  name: (to, id) => NAMES[to]?.[id] ?? null,
  stageKind: (id) => (id === 2 ? 'inventory' : null),
  meeting: (id) =>
    id === 9 ? { committeeName: 'COPIL Nord Lorraine', scheduledAt: '2024-01-30T09:00:00Z' } : null,
};

const words: AuditValueWords = {
  none: '(vide)',
  deleted: '(supprimé)',
  yes: 'oui',
  no: 'non',
  attendance: (count, detail) => `${count} présences enregistrées (${detail})`,
  meeting: (committee, date) => `${committee} du ${date}`,
};
const fr = createFormatters('fr');

describe('the registry of audited fields', () => {
  it('gives every field of every entity a label in French, English and German', () => {
    const missing: string[] = [];
    for (const locale of LOCALES) {
      const labels = AUDIT_FIELD_LABELS[locale] as Record<string, Record<string, string>>;
      for (const [entityType, fields] of Object.entries(AUDIT_FIELDS)) {
        for (const field of Object.keys(fields)) {
          const label = labels[entityType]?.[field];
          if (typeof label !== 'string' || label.trim() === '' || label === field)
            missing.push(`${locale}:${entityType}.${field}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every audited entity type in every language', () => {
    for (const locale of LOCALES)
      for (const entityType of Object.keys(AUDIT_FIELDS))
        expect(auditEntityLabel(locale, entityType), `${locale} ${entityType}`).toBeTruthy();
  });

  it('labels a code of every code list in every language', () => {
    const samples: Record<string, string> = {
      actionStatus: 'blocked',
      axis: 'skills',
      priority: 'high',
      organisationKind: 'epci',
      territoryRole: 'lead',
      indicatorKind: 'output',
      indicatorDirection: 'increase',
      committeeKind: 'copil',
      committeeMemberRole: 'chair',
      meetingStatus: 'held',
      meetingMode: 'video',
      decisionKind: 'validation',
      decisionStatus: 'done',
      globalRole: 'admin',
      locale: 'de',
      accountRole: 'regional_observer',
    };
    const lists = new Set<string>();
    for (const fields of Object.values(AUDIT_FIELDS))
      for (const kind of Object.values(fields) as AuditFieldKind[])
        if (kind.kind === 'code') lists.add(kind.list);
    for (const locale of LOCALES)
      for (const list of lists) {
        const sample = samples[list];
        expect(sample, `a sample code of ${list}`).toBeDefined();
        expect(
          auditCodeLabel(locale, list as never, sample ?? ''),
          `${locale} ${list}`,
        ).not.toBeNull();
      }
  });
});

describe('audited values as people read them', () => {
  it('names references, marks a deleted one, and formats dates, money and codes', () => {
    const owner = toAuditValue({ kind: 'ref', to: 'user' }, 4, references);
    expect(owner).toEqual({ kind: 'names', names: ['Marie Durand'] });
    const gone = toAuditValue({ kind: 'refs', to: 'user' }, [4, 99], references);
    expect(describeAuditValue(gone, 'fr', fr, words)).toBe('Marie Durand, (supprimé)');
    expect(toAuditValue({ kind: 'ref', to: 'stage' }, 2, references)).toEqual({
      kind: 'code',
      list: 'stageKind',
      code: 'inventory',
    });
    const meeting = toAuditValue({ kind: 'ref', to: 'meeting' }, 9, references);
    expect(describeAuditValue(meeting, 'fr', fr, words)).toBe(
      'COPIL Nord Lorraine du 30 janv. 2024',
    );
    const money = toAuditValue({ kind: 'money' }, 150_000_00, references);
    expect(describeAuditValue(money, 'fr', fr, words).replace(/\s/g, ' ')).toBe('150 000 €');
    const status = toAuditValue({ kind: 'code', list: 'actionStatus' }, 'blocked', references);
    expect(describeAuditValue(status, 'de', createFormatters('de'), words)).toBe('Blockiert');
    expect(describeAuditValue(null, 'fr', fr, words)).toBe('(vide)');
  });

  it('never passes on a value of an unexpected shape nor a hidden field', () => {
    expect(toAuditValue({ kind: 'hidden' }, 3, references)).toBeNull();
    expect(toAuditValue({ kind: 'date' }, { day: 3 }, references)).toBeNull();
    expect(toAuditValue({ kind: 'ref', to: 'user' }, 'four', references)).toBeNull();
  });

  it('summarises an attendance list as counts per status', () => {
    const value = toAuditValue(
      { kind: 'attendance' },
      [
        { personName: 'A', status: 'present' },
        { personName: 'B', status: 'present' },
        { personName: 'C', status: 'excused' },
      ],
      references,
    );
    expect(value).toEqual({ kind: 'attendance', total: 3, byStatus: { present: 2, excused: 1 } });
    expect(describeAuditValue(value, 'fr', fr, words)).toBe(
      '3 présences enregistrées (Présent : 2, Excusé : 1)',
    );
  });

  it('names partners with their role', () => {
    const value = toAuditValue(
      { kind: 'partners' },
      [{ organisationId: 7, role: 'cofunder' }],
      references,
    );
    expect(describeAuditValue(value, 'fr', fr, words)).toBe('Eurométropole de Metz (Cofinanceur)');
  });
});

describe('auditChanges', () => {
  it('keeps the fields whose readable value changed, in registry order, and drops hidden ones', () => {
    const changes = auditChanges(
      'action',
      'status',
      { status: 'in_progress', progress: 40, statusComment: null },
      { status: 'blocked', progress: 40, statusComment: 'Attente du financement' },
      references,
    );
    expect(changes.map((c) => c.field)).toEqual(['status', 'statusComment']);
    expect(
      auditChanges('agenda_item', 'update', { position: 1 }, { position: 2 }, references),
    ).toEqual([]);
    expect(auditChanges('unknown_thing', 'update', {}, { a: 1 }, references)).toEqual([]);
  });

  it('lists a creation’s values without an old side', () => {
    const changes = auditChanges(
      'measurement',
      'create',
      null,
      { indicatorId: 3, measuredOn: '2025-03-01', value: 12, recordedBy: 4, comment: '' },
      references,
    );
    expect(changes).toEqual([
      { field: 'indicatorId', from: null, to: { kind: 'names', names: [null] } },
      { field: 'measuredOn', from: null, to: { kind: 'date', iso: '2025-03-01' } },
      { field: 'value', from: null, to: { kind: 'number', value: 12 } },
      { field: 'recordedBy', from: null, to: { kind: 'names', names: ['Marie Durand'] } },
    ]);
  });
});

describe('describeAuditSubject', () => {
  const plan = { id: 3, code: 'FA-3', title: 'Compétences' };
  const base = { name: null, stageKind: null, meeting: null, number: null, plan };

  it('names an action by its title and plan, a stage by its kind, a decision by number and meeting', () => {
    expect(
      describeAuditSubject(
        { entityType: 'action', subject: { ...base, name: 'Diagnostic des compétences' } },
        'fr',
        fr,
        words,
        { withType: false },
      ),
    ).toBe('« Diagnostic des compétences » (FA-3)');
    expect(
      describeAuditSubject(
        { entityType: 'stage', subject: { ...base, stageKind: 'inventory' } },
        'de',
        createFormatters('de'),
        { meeting: (c, d) => `${c} vom ${d}` },
      ),
    ).toBe('Phase „Bestandsaufnahme“ (FA-3)');
    expect(
      describeAuditSubject(
        {
          entityType: 'decision',
          subject: {
            ...base,
            name: 'Valider l’état des lieux',
            number: 4,
            meeting: { committeeName: 'COPIL', scheduledAt: '2024-01-30T09:00:00Z' },
          },
        },
        'fr',
        fr,
        words,
      ),
    ).toBe('Décision n° 4 « Valider l’état des lieux » — COPIL du 30 janv. 2024 (FA-3)');
    expect(describeAuditSubject({ entityType: 'plan', subject: base }, 'fr', fr, words)).toBe(
      'Fiche action FA-3 « Compétences »',
    );
  });
});
