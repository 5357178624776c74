import { AUDIT_FIELD_LABELS, VOCABULARY_LABELS } from '@jalon/shared';
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
import { story } from './story';
import { history } from './history';
import { progressHistory } from './progressHistory';
import { action } from './action';
import { comments } from './comments';
import { measurements } from './measurements';
import { rules } from './rules';
import { imports } from './imports';
import { account } from './account';
import { users } from './users';
import { directory } from './directory';

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
  story,
  progressHistory,
  action,
  comments,
  measurements,
  rules,
  imports,
  account,
  users,
  directory,
  vocab: VOCABULARY_LABELS.de,
  history,
  auditFields: AUDIT_FIELD_LABELS.de,
};
