import type { Messages } from '../../types';
import type { admin as fr } from '../fr/admin';

export const admin: Messages<typeof fr> = {
  title: 'admin',
};
