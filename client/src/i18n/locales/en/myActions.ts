import type { Messages } from '../../types';
import type { myActions as fr } from '../fr/myActions';

export const myActions: Messages<typeof fr> = {
  title: 'myActions',
};
