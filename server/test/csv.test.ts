import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import {
  createCsvStream,
  csvSafeText,
  formatCsvNumber,
  type CsvColumn,
  type CsvProfile,
  type CsvRecord,
} from '../src/csv';

const COLUMNS = [
  { key: 'text', header: 'Texte' },
  { key: 'amount', header: 'Montant' },
  { key: 'progress', header: 'Avancement (%)', decimals: 1 },
] as const satisfies readonly CsvColumn[];

async function toCsv(
  records: readonly CsvRecord<(typeof COLUMNS)[number]['key']>[],
  profile?: CsvProfile,
): Promise<string> {
  const stream = Readable.from(records).pipe(createCsvStream(COLUMNS, profile));
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('csvSafeText', () => {
  it.each(['=SUM(A1:A2)', '+33 3 87 00 00 00', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'prefixes %j with a quote so that no spreadsheet runs it',
    (value) => {
      expect(csvSafeText(value)).toBe(`'${value}`);
    },
  );

  it.each(['', 'Nord Lorraine', 'É=mc²', 'FA-3', ' =1+1', "'déjà cité"])(
    'leaves %j as it is',
    (value) => {
      expect(csvSafeText(value)).toBe(value);
    },
  );
});

describe('formatCsvNumber', () => {
  it('writes numbers in the profile’s notation, with fixed decimals when asked', () => {
    expect(formatCsvNumber(12.5, 'excel-fr')).toBe('12,5');
    expect(formatCsvNumber(12.5, 'rfc4180')).toBe('12.5');
    expect(formatCsvNumber(45, 'excel-fr', 1)).toBe('45,0');
    expect(formatCsvNumber(-3.25, 'excel-fr')).toBe('-3,25');
    expect(formatCsvNumber(7, 'excel-fr')).toBe('7');
    expect(formatCsvNumber(Number.NaN, 'excel-fr')).toBe('');
  });
});

describe('createCsvStream', () => {
  const tricky = [
    { text: '=HYPERLINK("http://evil.example","clic")', amount: -5, progress: 45 },
    { text: 'a;b, "cité"', amount: 1234.5, progress: null },
    { text: 'ligne 1\nligne 2', amount: 0, progress: 12.25 },
    { text: 'retour\rchariot', amount: null, progress: 100 },
    { text: 'Évolution à Nogent — œuvre', amount: 3, progress: undefined },
  ];

  it('writes the excel-fr profile: BOM, ";", CRLF, decimal comma, quoted when needed', async () => {
    const csv = await toCsv(tricky);
    expect(csv.startsWith('\uFEFFTexte;Montant;Avancement (%)\r\n')).toBe(true);
    expect(csv).toContain('"a;b, ""cité"""');
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"",""clic"")`);
    expect(csv).toContain(';-5;45,0\r\n');
    expect(csv).toContain('"ligne 1\nligne 2"');
    expect(csv).toContain('"retour\rchariot"');
    expect(csv.endsWith('\r\n')).toBe(true);

    const rows = parse<Record<string, string>>(csv, { bom: true, delimiter: ';', columns: true });
    expect(rows).toEqual([
      {
        Texte: `'=HYPERLINK("http://evil.example","clic")`,
        Montant: '-5',
        'Avancement (%)': '45,0',
      },
      { Texte: 'a;b, "cité"', Montant: '1234,5', 'Avancement (%)': '' },
      { Texte: 'ligne 1\nligne 2', Montant: '0', 'Avancement (%)': '12,3' },
      { Texte: 'retour\rchariot', Montant: '', 'Avancement (%)': '100,0' },
      { Texte: 'Évolution à Nogent — œuvre', Montant: '3', 'Avancement (%)': '' },
    ]);
  });

  it('writes the rfc4180 profile: no BOM, ",", decimal point', async () => {
    const csv = await toCsv(tricky, 'rfc4180');
    expect(csv.startsWith('Texte,Montant,Avancement (%)\r\n')).toBe(true);
    const rows = parse<Record<string, string>>(csv, { columns: true });
    expect(rows.map((r) => [r.Montant, r['Avancement (%)']])).toEqual([
      ['-5', '45.0'],
      ['1234.5', ''],
      ['0', '12.3'],
      ['', '100.0'],
      ['3', ''],
    ]);
    expect(rows[1]?.Texte).toBe('a;b, "cité"');
  });

  it('neutralises headers too, as one built from data could start a formula', async () => {
    const stream = Readable.from([{ a: 1 }]).pipe(
      createCsvStream([
        { key: 'a', header: '=HYPERLINK("http://evil.example")' },
        { key: 'b', header: 'Sûr' },
      ]),
    );
    let csv = '';
    for await (const chunk of stream) csv += String(chunk);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://evil.example"")";Sûr\r\n1;\r\n');
  });

  it('writes only the header for no records', async () => {
    expect(await toCsv([])).toBe('\uFEFFTexte;Montant;Avancement (%)\r\n');
  });
});

describe('createCsvStream against csv-stringify', () => {
  // The writer replaced csv-stringify for speed; with the settings the exports used, both must
  // write the same bytes, batches of records or one record at a time.
  const cells = ['', 'a', 'a;b', 'a,b', '"', 'x\ny', 'x\r\ny', '\r', '=1', '-2', ' =1', 'Éé', "'"];
  const numbers = [0, -0.5, 12.25, 1e21, Number.NaN, 7];
  const records = Array.from({ length: 400 }, (_, i) => ({
    text: cells[i % cells.length],
    amount: i % 5 === 0 ? null : numbers[i % numbers.length],
    progress: i % 7 === 0 ? undefined : (i * 13) / 7,
  }));

  it.each(['excel-fr', 'rfc4180'] as const)(
    'writes what csv-stringify wrote (%s)',
    async (profile) => {
      const settings =
        profile === 'excel-fr'
          ? { delimiter: ';', bom: true, decimal: ',' }
          : { delimiter: ',', bom: false, decimal: '.' };
      const expected = stringify(records, {
        header: true,
        columns: COLUMNS.map((c) => ({ key: c.key, header: c.header })),
        delimiter: settings.delimiter,
        bom: settings.bom,
        record_delimiter: '\r\n',
        quote_record_delimiter: true,
        cast: {
          string: (value) => csvSafeText(value),
          number: (value, context) =>
            formatCsvNumber(value, profile, context.column === 'progress' ? 1 : undefined),
        },
      });
      expect(await toCsv(records, profile)).toBe(expected);
      const batched = Readable.from([records.slice(0, 150), records.slice(150)]).pipe(
        createCsvStream(COLUMNS, profile),
      );
      let csv = '';
      for await (const chunk of batched) csv += String(chunk);
      expect(csv).toBe(expected);
    },
  );
});
