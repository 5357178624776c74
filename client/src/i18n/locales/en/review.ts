import type { Messages } from '../../types';
import type { review as fr } from '../fr/review';

export const review: Messages<typeof fr> = {};
