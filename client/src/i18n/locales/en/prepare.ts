import type { Messages } from '../../types';
import type { prepare as fr } from '../fr/prepare';

export const prepare: Messages<typeof fr> = {};
