import { foldHeader, LOCALES, type CellReading, type CellValue, type Locale } from '@jalon/shared';
import type { RowProblem } from './problems';
import type { ImportTable, TableRow } from './readTable';

// Which of a file's columns holds which field. Headers are matched in every language, accents,
// case and spacing aside, so a file exported in German imports for a French user; the first
// column naming a field wins, and every other column is reported as ignored.

/** Every header that names one of `fields`, in every language. */
export function headersIndex<F extends string>(
  fields: readonly F[],
  headersOf: (locale: Locale) => Record<F, string>,
  fixed: Partial<Record<string, F>> = {},
): Map<string, F> {
  const index = new Map<string, F>();
  for (const [header, field] of Object.entries(fixed))
    if (field) index.set(foldHeader(header), field);
  for (const locale of LOCALES) {
    const headers = headersOf(locale);
    for (const field of fields) index.set(foldHeader(headers[field]), field);
  }
  return index;
}

export interface FileColumns<F extends string> {
  /** The file's header of each field it holds. */
  read: Partial<Record<F, string>>;
  /** The file's other headers, in file order. */
  ignored: string[];
  has: (field: F) => boolean;
  /** The file's header for `field` (its name in the file), or the field's code if absent. */
  headerOf: (field: F) => string;
  /** The cell of `field` in `row`: undefined when the file has no such column. */
  cell: (row: TableRow, field: F) => CellValue | undefined;
}

export function fileColumns<F extends string>(
  table: ImportTable,
  index: ReadonlyMap<string, F>,
): FileColumns<F> {
  const columnOf = new Map<F, number>();
  const ignored: string[] = [];
  table.headers.forEach((header, position) => {
    const field = index.get(foldHeader(header));
    if (field !== undefined && !columnOf.has(field)) columnOf.set(field, position);
    else if (header !== '') ignored.push(header);
  });
  const read: Partial<Record<F, string>> = {};
  for (const [field, position] of columnOf) read[field] = table.headers[position];
  return {
    read,
    ignored,
    has: (field) => columnOf.has(field),
    headerOf: (field) => table.headers[columnOf.get(field) ?? -1] ?? field,
    cell: (row, field) => {
      const position = columnOf.get(field);
      return position === undefined ? undefined : (row.cells[position] ?? null);
    },
  };
}

/** Reads one row's cells, collecting a problem (with the file's column name) per bad cell. */
export class RowReader<F extends string> {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly columns: FileColumns<F>,
    private readonly row: TableRow,
  ) {}
  raw(field: F): CellValue {
    return this.columns.cell(this.row, field) ?? null;
  }
  /** The cell read by `reader`, or undefined after recording its problem. */
  read<T>(field: F, reader: (cell: CellValue) => CellReading<T>): T | undefined {
    const reading = reader(this.raw(field));
    if (reading.ok) return reading.value;
    this.refuse(field, reading.problem);
    return undefined;
  }
  refuse(field: F | null, code: RowProblem['code']): void {
    this.problems.push({ column: field === null ? null : this.columns.headerOf(field), code });
  }
}
