import { useTranslation } from 'react-i18next';
import { DATE_WINDOW, OUTSIDE_DATE_WINDOW } from '@jalon/shared';
import { useFormat } from './format';

/**
 * The messages the shared schemas and the server write, in English, each with the catalogue key
 * that says it to a person. A zod issue without its own message is named by the forms'
 * `zodMessages`.
 */
const KNOWN_MESSAGES = {
  'The end date must not precede the start date': 'endBeforeStart',
  'The due date must not precede the start date': 'dueBeforeStart',
  'This status needs a comment': 'commentRequired',
  'Paid cannot exceed granted': 'paidOverGranted',
  'The target must lie above the baseline for a rising indicator, below it for a falling one':
    'directionMismatch',
  'The target date must follow the baseline date': 'targetDateOrder',
  'A territory must keep at least one coordinator': 'lastCoordinator',
  [OUTSIDE_DATE_WINDOW]: 'dateWindow',
} as const;

type ValidationKey =
  | (typeof KNOWN_MESSAGES)[keyof typeof KNOWN_MESSAGES]
  | 'required'
  | 'tooLong'
  | 'number'
  | 'notNegative'
  | 'percentRange'
  | 'date'
  | 'codeTaken'
  | 'stageEndOrder'
  | 'baselineAfterMeasurement'
  | 'invalid';

const OWN_KEYS: readonly string[] = [
  'required',
  'tooLong',
  'number',
  'notNegative',
  'percentRange',
  'date',
  'codeTaken',
  'stageEndOrder',
  'baselineAfterMeasurement',
  'invalid',
];

/** zod's own English for a string of the wrong length, as the server sends it back. */
const ZOD_LENGTH_MESSAGES: readonly [RegExp, ValidationKey][] = [
  [/^Too big: expected string to have/, 'tooLong'],
  [/^Too small: expected string to have/, 'required'],
];

/** A validation message (a key of ours or a shared schema's English) as the user's words. */
export function useValidationText(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (message) => {
    if (!message) return undefined;
    const known = (KNOWN_MESSAGES as Record<string, ValidationKey | undefined>)[message];
    const key: ValidationKey =
      known ??
      (OWN_KEYS.includes(message) ? (message as ValidationKey) : undefined) ??
      ZOD_LENGTH_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ??
      'invalid';
    // Only the window's message uses these; the others ignore them.
    return t(`validation.${key}`, {
      first: format.date(DATE_WINDOW.first),
      last: format.date(DATE_WINDOW.last),
    });
  };
}
