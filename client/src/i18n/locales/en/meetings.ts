import type { Messages } from '../../types';
import type { meetings as fr } from '../fr/meetings';

export const meetings: Messages<typeof fr> = {};
