import type { Messages } from '../../types';
import type { actions as fr } from '../fr/actions';

export const actions: Messages<typeof fr> = {
  title: 'actions',
};
