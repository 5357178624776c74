import type { Messages } from '../../types';
import type { myActions as fr } from '../fr/myActions';

export const myActions: Messages<typeof fr> = {
  title: 'Meine Maßnahmen',
  intro:
    'Aktualisieren Sie den Umsetzungsstand Ihrer Maßnahmen: Tab springt von Feld zu Feld, Eingabe speichert die Zeile, Esc macht sie rückgängig.',
  summary_one: '{{count}} Maßnahme ist Ihnen zugewiesen',
  summary_other: '{{count}} Maßnahmen sind Ihnen zugewiesen',
  overdueSummary_one: 'davon {{count}} mit überschrittener Frist',
  overdueSummary_other: 'davon {{count}} mit überschrittener Frist',
  emptyWhen: {
    open: 'Alle Ihre Maßnahmen sind umgesetzt oder aufgegeben: nichts zu aktualisieren.',
    overdue: 'Keine Ihrer Maßnahmen hat eine überschrittene Frist.',
    all: 'Ihnen ist noch keine Maßnahme zugewiesen. Die Maßnahmen, für die Sie verantwortlich sind, erscheinen hier.',
  },
  actionsHeading: 'Zu aktualisierende Maßnahmen',
  show: {
    label: 'Anzeigen',
    open: 'Zu aktualisieren (weder umgesetzt noch aufgegeben)',
    all: 'Alle meine Maßnahmen',
    overdue: 'Nur mit überschrittener Frist',
  },
  columns: {
    action: 'Maßnahme',
    status: 'Status',
    progress: 'Fortschritt (%)',
    comment: 'Kommentar',
    save: 'Speichern',
  },
  tableCaption: 'Meine Maßnahmen mit bearbeitbarem Status, Fortschritt und Kommentar',
  due: 'Frist: {{date}}',
  noDue: 'Ohne Frist',
  overdue: 'Frist überschritten',
  readOnly: 'Nur Lesezugriff: Sie können dieses Maßnahmenblatt nicht bearbeiten.',
  fieldLabel: {
    status: 'Status von „{{title}}“',
    progress: 'Fortschritt in % von „{{title}}“',
    comment: 'Kommentar zu „{{title}}“',
  },
  doneForcesFull: 'Umgesetzt: 100 %',
  commentRequiredHint: 'Für den Status „{{status}}“ ist eine Begründung erforderlich.',
  problems: {
    comment_required:
      'Geben Sie vor dem Speichern eine Begründung im Kommentar ein: Der Status „{{status}}“ verlangt sie.',
    justification_required:
      'Der Wechsel zu „{{status}}“ erfordert eine neue Begründung: Erklären Sie diese Änderung im Kommentar.',
    progress_range: 'Der Fortschritt muss eine ganze Zahl zwischen 0 und 100 sein.',
  },
  save: 'Speichern',
  saveLabel: '„{{title}}“ speichern',
  revert: 'Rückgängig',
  revertLabel: 'Änderungen an „{{title}}“ rückgängig machen',
  saving: 'Wird gespeichert…',
  saved: 'Gespeichert',
  unsaved: 'Geändert, nicht gespeichert',
  conflict: {
    title: 'Jemand hat diese Maßnahme inzwischen geändert',
    description:
      '„{{title}}“ wurde von jemand anderem gespeichert, während Sie sie bearbeitet haben. Nichts wurde überschrieben: Wählen Sie, welche Fassung gelten soll.',
    field: 'Feld',
    theirs: 'Deren Wert',
    mine: 'Ihr Wert',
    noDifference: 'Status, Fortschritt und Kommentar der anderen Fassung entsprechen Ihren Werten.',
    keepMine: 'Meine Änderungen behalten',
    takeTheirs: 'Deren Fassung übernehmen',
    fields: { status: 'Status', progress: 'Fortschritt', comment: 'Kommentar' },
  },
  indicators: {
    heading: 'Messwerte der Indikatoren meiner Maßnahmenblätter',
    intro:
      'Erfassen Sie den zuletzt bekannten Wert jedes Indikators der Maßnahmenblätter, die Sie verantworten.',
    planHeading: '{{code}} · {{title}}',
    empty: 'Dieses Maßnahmenblatt hat noch keinen Indikator.',
    latest: 'Letzter Wert',
    target: 'Zielwert',
    track: 'Verlauf',
    none: 'Kein Messwert',
    valueOn: '{{value}} {{unit}} am {{date}}',
  },
};
