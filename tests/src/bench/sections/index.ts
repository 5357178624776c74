import type { BenchSection } from '../goals';
import { exportsSection } from './exports';
import { importsSection } from './imports';
import { lighthouseSection } from './lighthouse';
import { overview } from './overview';
import { reads } from './reads';

/** Every section of `pnpm bench`, in the order of the table. `--only name` runs one. */
export const SECTIONS: readonly BenchSection[] = [
  reads,
  overview,
  exportsSection,
  importsSection,
  lighthouseSection,
];
