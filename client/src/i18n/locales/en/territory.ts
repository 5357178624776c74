import type { Messages } from '../../types';
import type { territory as fr } from '../fr/territory';

export const territory: Messages<typeof fr> = {
  title: 'territory',
};
