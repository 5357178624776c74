import type { BenchSection } from '../goals';
import { lighthouseSection } from './lighthouse';
import { reads } from './reads';

/** Every section of `pnpm bench`, in the order of the table. `--only name` runs one. */
export const SECTIONS: readonly BenchSection[] = [reads, lighthouseSection];
