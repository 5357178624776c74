import type { Messages } from '../../types';
import type { plan as fr } from '../fr/plan';

export const plan: Messages<typeof fr> = {
  title: 'plan',
};
