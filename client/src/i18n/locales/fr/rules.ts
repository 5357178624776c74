import type { RuleReason } from '@jalon/shared';

/** Why the server refused a change that would make the record untrue, by reason code. */
export const rules = {
  meeting_not_started:
    'La séance n’a pas encore commencé : elle ne peut être marquée tenue, ni valider une étape, qu’à partir de son heure prévue.',
  held_meeting_moved:
    'Une séance tenue a eu lieu à son heure prévue : cette date figure dans son instantané et ses validations, elle ne peut plus changer.',
  stage_order:
    'Les étapes se valident dans l’ordre : validez d’abord les étapes précédentes de la fiche action.',
  validation_meeting_not_held:
    'Seule une séance tenue valide une étape ; une séance annulée ne valide rien.',
  measurement_in_future: 'Une mesure ne peut pas être datée après aujourd’hui.',
  justification_required:
    'Le passage à « Bloqué » ou « En retard » demande une nouvelle justification : saisissez un commentaire qui explique ce changement.',
  comment_required: 'Ce statut demande un commentaire.',
  progress_range: 'L’avancement doit être un nombre entier entre 0 et 100.',
  current_password_wrong: 'Le mot de passe actuel est incorrect.',
} satisfies Record<RuleReason, string>;
