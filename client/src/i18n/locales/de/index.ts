import { VOCABULARY_LABELS } from '@jalon/shared';
import type { Messages } from '../../types';
import type { fr } from '../fr';
import { common } from './common';
import { auth } from './auth';
import { home } from './home';
import { territory } from './territory';
import { plan } from './plan';
import { actions } from './actions';
import { myActions } from './myActions';
import { admin } from './admin';
import { meetings } from './meetings';
import { committees } from './committees';
import { review } from './review';
import { prepare } from './prepare';
import { rules } from './rules';

export const de: Messages<typeof fr> = {
  common,
  auth,
  home,
  territory,
  plan,
  actions,
  myActions,
  admin,
  meetings,
  committees,
  review,
  prepare,
  rules,
  vocab: VOCABULARY_LABELS.de,
};
