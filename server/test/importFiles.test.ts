import { randomBytes } from 'node:crypto';
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  ImportFileError,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  readTable,
  type ImportFileProblem,
} from '../src/import/readTable';

// Every file an import may be handed, before any cell is interpreted: what people save from
// Excel or LibreOffice, and what they should not send (noise, a zip bomb named .xlsx).

async function refusal(file: Buffer): Promise<ImportFileProblem> {
  try {
    await readTable(file);
  } catch (error) {
    if (error instanceof ImportFileError) return error.problem;
    throw error;
  }
  throw new Error('The file was read');
}

/** `size` bytes of zeros, deflated as a zip stores them. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += zeros.length) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** A zip of one deflated entry whose directory declares `declaredSize` inflated bytes. */
function zipOf(name: string, data: Buffer, declaredSize: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('reading an import file', () => {
  it('refuses an empty file, one too large, and noise, before reading any cell', async () => {
    expect(await refusal(Buffer.alloc(0))).toBe('empty');
    // 20 MB of noise: refused on its size alone.
    expect(await refusal(randomBytes(20 * 1024 * 1024))).toBe('too_large');
    expect(await refusal(randomBytes(MAX_IMPORT_BYTES + 1))).toBe('too_large');
    expect(await refusal(randomBytes(1024 * 1024))).toBe('unsupported_format');
    // A PDF renamed .csv.
    expect(await refusal(Buffer.from('%PDF-1.7\n\u0000\u0001\u0002\u0003binary'))).toBe(
      'unsupported_format',
    );
  });

  it('refuses a zip bomb disguised as .xlsx, whether it declares its size or lies about it', async () => {
    const inflated = 210 * 1024 * 1024;
    const bomb = await deflatedZeros(inflated);
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(await refusal(zipOf('xl/worksheets/sheet1.xml', bomb, inflated))).toBe('xlsx_too_large');
    // Declaring 1 kB does not get the 210 MB through: the inflated bytes are counted.
    expect(['xlsx_too_large', 'unreadable_xlsx']).toContain(
      await refusal(zipOf('xl/worksheets/sheet1.xml', bomb, 1024)),
    );
    // Zip-shaped garbage.
    expect(await refusal(Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(4096)]))).toBe(
      'unreadable_xlsx',
    );
  });

  it('reads French Excel CSV in UTF-8 with a BOM and in Windows-1252 without one', async () => {
    const text = 'id;version;Statut;Commentaire de statut\r\n12;3;Réalisé;Déjà livré\r\n';
    for (const file of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.from(text, 'latin1'),
    ]) {
      const table = await readTable(file);
      expect(table).toEqual({
        format: 'csv',
        headers: ['id', 'version', 'Statut', 'Commentaire de statut'],
        rows: [{ line: 2, cells: ['12', '3', 'Réalisé', 'Déjà livré'] }],
      });
    }
  });

  it('reads RFC 4180 CSV, quoted separators and line breaks included, and skips blank rows', async () => {
    const table = await readTable(
      Buffer.from(
        'id,version,Status comment\n7,1,"Waiting, still"\n\n8,2,"Two\nlines ""quoted"""\n',
      ),
    );
    expect(table.headers).toEqual(['id', 'version', 'Status comment']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['7', '1', 'Waiting, still'] },
      { line: 4, cells: ['8', '2', 'Two\nlines "quoted"'] },
    ]);
  });

  it('refuses more rows than an import takes', async () => {
    const lines = [
      'id;version',
      ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `${i + 1};1`),
    ];
    expect(await refusal(Buffer.from(lines.join('\r\n')))).toBe('too_many_rows');
  });

  it('reads an .xlsx workbook: numbers, dates, formulas as their text, rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Actions');
    sheet.addRow(['id', 'version', 'Échéance', 'Commentaire de statut', 'Statut']);
    sheet.addRow([
      5,
      2,
      new Date(Date.UTC(2026, 5, 30)),
      { formula: 'A2*2', result: 10 },
      { richText: [{ text: 'Réa' }, { text: 'lisé', font: { bold: true } }] },
    ]);
    sheet.addRow([]);
    sheet.addRow([6, 1, null, null, 'En cours']);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.format).toBe('xlsx');
    expect(table.headers).toEqual(['id', 'version', 'Échéance', 'Commentaire de statut', 'Statut']);
    expect(table.rows).toEqual([
      { line: 2, cells: [5, 2, new Date(Date.UTC(2026, 5, 30)), '=A2*2', 'Réalisé'] },
      { line: 4, cells: [6, 1, null, null, 'En cours'] },
    ]);
  });
});
