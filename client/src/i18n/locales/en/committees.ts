import type { Messages } from '../../types';
import type { committees as fr } from '../fr/committees';

export const committees: Messages<typeof fr> = {};
