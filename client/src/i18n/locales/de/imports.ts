import type { Messages } from '../../types';
import type { imports as fr } from '../fr/imports';

export const imports: Messages<typeof fr> = {
  title: 'Maßnahmen importieren',
  intro:
    'Viele Maßnahmen auf einmal aus einer Tabelle aktualisieren: den Maßnahmenexport (CSV oder Excel) herunterladen, Status, Fortschritt, Kommentare, Titel oder Termine ändern und die Datei importieren. Vor Ihrer Bestätigung wird nichts gespeichert.',
  howTo:
    'Behalten Sie die Spalten „id“ und „version“ des Exports: Sie bezeichnen jede Maßnahme. Die übrigen Spalten des Exports werden ignoriert; eine fehlende Spalte lässt den Wert unverändert.',
  file: 'Zu importierende Datei wählen (.xlsx oder .csv)',
  noFile: 'Keine Datei gewählt',
  actionNumber: 'Maßnahme {{id}}',
  chosen: 'Gewählte Datei: {{name}}',
  check: 'Datei prüfen',
  checking: 'Datei wird geprüft…',
  writing: 'Änderungen werden gespeichert…',
  summary:
    'Gelesene Zeilen: {{rows}} — zu ändern: {{change}}, unverändert: {{unchanged}}, im Konflikt: {{conflict}}, abgelehnt: {{refused}}.',
  ignored: 'Ignorierte Spalten: {{columns}}.',
  apply_one: 'Die Änderung speichern',
  apply_other: 'Die {{count}} Änderungen speichern',
  nothingToDo: 'Die Datei ändert keine Maßnahme.',
  blocked:
    'Solange Zeilen abgelehnt oder im Konflikt sind, wird nichts gespeichert: Korrigieren oder entfernen Sie sie und prüfen Sie die Datei erneut.',
  done_one: '{{count}} Maßnahme geändert.',
  done_other: '{{count}} Maßnahmen geändert.',
  backToActions: 'Zurück zu den Maßnahmen',
  another: 'Eine weitere Datei importieren',
  tableCaption: 'Zeilen der Datei, die ändern, im Konflikt stehen oder abgelehnt sind',
  more_one: 'und {{count}} weitere, nicht angezeigte Zeile.',
  more_other: 'und {{count}} weitere, nicht angezeigte Zeilen.',
  columns: { line: 'Zeile', action: 'Maßnahme', outcome: 'Ergebnis', detail: 'Einzelheiten' },
  outcome: { change: 'Zu ändern', conflict: 'Im Konflikt', refused: 'Abgelehnt' },
  empty: '(leer)',
  conflict:
    'seit dem Export geändert (Version {{fileVersion}} in der Datei, jetzt {{currentVersion}}): erneut exportieren',
  changeLine: '{{column}}: {{before}} → {{after}}',
  problemLine: '{{column}}: {{problem}}',
  wholeRow: 'Zeile',
  problems: {
    required: 'ein Wert ist erforderlich',
    not_a_number: 'keine Zahl',
    not_an_integer: 'eine ganze Zahl wird erwartet',
    out_of_range: 'außerhalb des zulässigen Bereichs (0 bis 100 für den Fortschritt)',
    not_a_date: 'kein Datum (01/03/2026 oder 2026-03-01)',
    date_outside_window: 'ein Datum außerhalb von 2018-2035',
    unknown_status: 'unbekannter Status',
    too_long: 'Text zu lang',
    missing_id: 'ohne id und version: Behalten Sie diese beiden Spalten des Exports',
    duplicate_row: 'diese Maßnahme steht schon in einer früheren Zeile',
    unknown_action: 'keine Maßnahme hat diese id',
    archived: 'die Maßnahme oder ihr Maßnahmenblatt ist archiviert',
    not_allowed: 'Sie dürfen diese Maßnahme nicht ändern',
    comment_required: 'dieser Status braucht einen Kommentar',
    justification_required: 'dieser Status braucht einen neuen, begründenden Kommentar',
    dates_order: 'das Ende oder der Termin liegt vor dem Beginn',
    unknown_value: 'nicht in der Liste (siehe Auswahlliste der Vorlage)',
    territory_required: 'welches Territorium? Nennen Sie es in einer Spalte „Industrieterritorium“',
    unknown_territory: 'kein Territorium hat diesen Namen oder Code',
    territory_not_allowed: 'Sie koordinieren dieses Territorium nicht',
    plan_exists: 'ein Maßnahmenblatt des Territoriums hat schon diesen Code',
    plan_mismatch: 'weicht von der ersten Zeile desselben Maßnahmenblatts ab',
    plan_row_refused: 'die erste Zeile dieses Maßnahmenblatts ist abgelehnt',
    unknown_owner: 'kein Mitglied des Territoriums hat diesen Namen oder diese E-Mail-Adresse',
    unknown_indicator:
      'kein Indikator dieses Namens (in diesem Maßnahmenblatt oder des Territoriums)',
    unknown_plan: 'kein laufendes Maßnahmenblatt des Territoriums hat diesen Code',
    indicator_exists: 'ein Indikator dieses Namens existiert dort schon',
    direction_mismatch:
      'das Ziel muss bei einem steigenden Indikator über dem Ausgangswert liegen, bei einem fallenden darunter',
    before_baseline: 'ein Datum vor dem Datum des Ausgangswerts des Indikators',
    in_future: 'ein Datum nach heute',
    measurement_exists:
      'an diesem Tag ist schon eine Messung mit anderem Wert erfasst: Korrigieren Sie sie auf der Seite des Indikators',
  },
  territory: {
    title: 'Tabelle importieren',
    kindLegend: 'Die Datei enthält',
    kinds: {
      plans: 'Maßnahmenblätter und ihre Maßnahmen',
      indicators: 'Indikatoren',
      measurements: 'Messungen von Indikatoren',
    },
    columnsByName:
      'Gehen Sie von der Excel-Vorlage oder Ihrer eigenen Datei aus: Die Spalten werden an ihrem Namen erkannt, in jeder Sprache.',
    defaultTerritory: 'Zeilen ohne Territorium gehören zu {{territory}}.',
    template: 'Vorlage herunterladen (Excel)',
    backToTerritory: 'Zurück zum Territorium',
  },
  noRows: 'Die Datei enthält keine Zeile unter ihren Spaltennamen.',
  plans: {
    intro:
      'Übernehmen Sie die Tabelle des Aktionsplans des Territoriums in Jalon: Jede Zeile beschreibt eine Maßnahme und ihr Maßnahmenblatt; Jalon legt die Blätter, ihre drei Phasen und ihre Maßnahmen an. Vor Ihrer Bestätigung wird nichts gespeichert.',
    summary:
      'Gelesene Zeilen: {{rows}} — anzulegende Blätter: {{plans}}, anzulegende Maßnahmen: {{actions}}, abgelehnte Zeilen: {{refused}}.',
    plansCount_one: '{{count}} Maßnahmenblatt',
    plansCount_other: '{{count}} Maßnahmenblätter',
    actionsCount_one: '{{count}} Maßnahme',
    actionsCount_other: '{{count}} Maßnahmen',
    apply: '{{plans}} und {{actions}} anlegen',
    done: 'Angelegt: {{plans}} und {{actions}}.',
    blocked:
      'Solange Zeilen abgelehnt sind, wird nichts angelegt: Korrigieren Sie sie oder entfernen Sie sie aus der Datei und prüfen Sie sie erneut.',
    tableCaption: 'Zeilen der Datei: was angelegt wird und was abgelehnt ist',
    columns: { plan: 'Maßnahmenblatt' },
    planCell: '{{code}} — {{title}}',
    planOnly: '(nur das Blatt)',
    outcome: {
      newPlan: 'Neues Blatt',
      newPlanAndAction: 'Neues Blatt und Maßnahme',
      newAction: 'Neue Maßnahme',
    },
  },
  indicators: {
    intro:
      'Übernehmen Sie die Indikatoren des Territoriums: Jede Zeile definiert einen Indikator eines Maßnahmenblatts (sein Code) oder des Territoriums selbst (ohne Code), mit Ausgangswert und Ziel. Vor Ihrer Bestätigung wird nichts gespeichert.',
    summary:
      'Gelesene Zeilen: {{rows}} — anzulegende Indikatoren: {{create}}, abgelehnte Zeilen: {{refused}}.',
    apply_one: 'Indikator anlegen',
    apply_other: 'Die {{count}} Indikatoren anlegen',
    done_one: '{{count}} Indikator angelegt.',
    done_other: '{{count}} Indikatoren angelegt.',
    blocked:
      'Solange Zeilen abgelehnt sind, wird nichts angelegt: Korrigieren Sie sie oder entfernen Sie sie aus der Datei und prüfen Sie sie erneut.',
    tableCaption: 'Zeilen der Datei: was angelegt wird und was abgelehnt ist',
    columns: { indicator: 'Indikator', place: 'Maßnahmenblatt' },
    territoryWide: 'Ganzes Territorium',
    outcome: { create: 'Neuer Indikator' },
    unit: 'Einheit: {{unit}}',
  },
  measurements: {
    intro:
      'Übernehmen Sie die Messungen der Indikatoren: Jede Zeile gibt den Wert eines Indikators an einem Datum an. Bereits mit demselben Wert erfasste Messungen bleiben unverändert. Vor Ihrer Bestätigung wird nichts gespeichert.',
    summary:
      'Gelesene Zeilen: {{rows}} — zu erfassende Messungen: {{create}}, bereits erfasst: {{unchanged}}, abgelehnt: {{refused}}.',
    apply_one: 'Messung erfassen',
    apply_other: 'Die {{count}} Messungen erfassen',
    done_one: '{{count}} Messung erfasst.',
    done_other: '{{count}} Messungen erfasst.',
    blocked:
      'Solange Zeilen abgelehnt sind, wird nichts erfasst: Korrigieren Sie sie oder entfernen Sie sie aus der Datei und prüfen Sie sie erneut.',
    nothingToDo: 'Alle Messungen der Datei sind bereits erfasst.',
    tableCaption: 'Zeilen der Datei: was erfasst wird und was abgelehnt ist',
    outcome: { create: 'Zu erfassen', unchanged: 'Bereits erfasst' },
    detail: '{{date}}: {{value}}',
  },
  fileProblems: {
    empty: 'Die Datei ist leer.',
    too_large: 'Die Datei ist größer als 10 MB.',
    unsupported_format: 'Diese Datei ist weder eine .xlsx-Arbeitsmappe noch eine CSV-Datei.',
    unreadable_xlsx: 'Diese .xlsx-Arbeitsmappe ist nicht lesbar.',
    xlsx_too_large: 'Diese Arbeitsmappe ist entpackt zu groß.',
    not_text: 'Diese Datei ist kein Text.',
    no_header: 'Die erste Zeile enthält keine Spaltennamen.',
    too_many_rows: 'Die Datei hat mehr als 50.000 Zeilen.',
    too_many_columns: 'Die Datei hat mehr als 100 Spalten.',
    unauthorized: 'Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an.',
    write_failed:
      'Eine Maßnahme hat sich während des Imports geändert: Nichts wurde gespeichert. Prüfen Sie die Datei erneut.',
    unknown: 'Der Import ist fehlgeschlagen; nichts wurde gespeichert.',
  },
  link: 'Datei importieren',
  downloadXlsx: 'Als Excel herunterladen',
};
