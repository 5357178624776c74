import type { Messages } from '../../types';
import type { rules as fr } from '../fr/rules';

export const rules: Messages<typeof fr> = {
  meeting_not_started:
    'Die Sitzung hat noch nicht begonnen: Sie kann erst ab ihrer geplanten Uhrzeit als abgehalten markiert werden oder eine Phase freigeben.',
  held_meeting_moved:
    'Eine abgehaltene Sitzung fand zu ihrer geplanten Uhrzeit statt: Dieses Datum steht in ihrer Momentaufnahme und ihren Freigaben und kann nicht mehr geändert werden.',
  stage_order:
    'Phasen werden der Reihe nach freigegeben: Geben Sie zuerst die vorherigen Phasen des Maßnahmenblatts frei.',
  validation_meeting_not_held:
    'Nur eine abgehaltene Sitzung gibt eine Phase frei; eine abgesagte Sitzung gibt nichts frei.',
  measurement_in_future: 'Ein Messwert darf nicht nach dem heutigen Tag datiert sein.',
  justification_required:
    'Der Wechsel zu „Blockiert“ oder „Verspätet“ erfordert eine neue Begründung: Schreiben Sie einen Kommentar, der diese Änderung erklärt.',
  comment_required: 'Dieser Status erfordert einen Kommentar.',
  progress_range: 'Der Fortschritt muss eine ganze Zahl zwischen 0 und 100 sein.',
  current_password_wrong: 'Das aktuelle Passwort ist falsch.',
};
