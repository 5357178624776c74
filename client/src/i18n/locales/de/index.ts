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

export const de: Messages<typeof fr> = {
  common,
  auth,
  home,
  territory,
  plan,
  actions,
  myActions,
  admin,
  vocab: VOCABULARY_LABELS.de,
};
