import { describe, expect, it } from 'vitest';
import { cellText, readActionStatus, readDate, readInteger, readText } from '../src/importCells';

describe('reading spreadsheet cells', () => {
  it('reads text the exports neutralised against formulas as it was written', () => {
    expect(cellText("'=SUM(A1:A3)")).toBe('=SUM(A1:A3)');
    expect(cellText("'+33 3 87 00 00 00")).toBe('+33 3 87 00 00 00');
    expect(cellText("'@cible")).toBe('@cible');
    // A quote before anything else is the text itself.
    expect(cellText("'Avenant signé")).toBe("'Avenant signé");
    expect(cellText('  Réalisé  ')).toBe('Réalisé');
    expect(cellText('   ')).toBeNull();
    expect(cellText(null)).toBeNull();
    expect(readText('x'.repeat(11), 10)).toEqual({ ok: false, problem: 'too_long' });
  });

  it('reads whole numbers with a decimal comma, a point, spaces or a percent sign', () => {
    for (const value of ['45', '45,0', '45.0', ' 45 ', '45 %', '45%', 45]) {
      expect(readInteger(value, 0, 100)).toEqual({ ok: true, value: 45 });
    }
    expect(readInteger('', 0, 100)).toEqual({ ok: true, value: null });
    expect(readInteger('45,5', 0, 100)).toEqual({ ok: false, problem: 'not_an_integer' });
    expect(readInteger('101', 0, 100)).toEqual({ ok: false, problem: 'out_of_range' });
    expect(readInteger('-1', 0, 100)).toEqual({ ok: false, problem: 'out_of_range' });
    for (const value of ['1e2', 'quarante', '4 5 a', '0x10', 'Infinity']) {
      expect(readInteger(value, 0, 100)).toEqual({ ok: false, problem: 'not_a_number' });
    }
  });

  it('reads dates as ISO text, French text, spreadsheet serial numbers and date cells', () => {
    const day = { ok: true, value: '2025-01-01' };
    expect(readDate('2025-01-01')).toEqual(day);
    expect(readDate('01/01/2025')).toEqual(day);
    expect(readDate('1/1/2025')).toEqual(day);
    // 45658 is 1 January 2025 in Excel and LibreOffice (day 1 is 1 January 1900).
    expect(readDate(45658)).toEqual(day);
    expect(readDate('45658')).toEqual(day);
    expect(readDate(new Date(Date.UTC(2025, 0, 1)))).toEqual(day);
    expect(readDate('31/12/2035')).toEqual({ ok: true, value: '2035-12-31' });
    expect(readDate('')).toEqual({ ok: true, value: null });
  });

  it('refuses impossible dates and days outside the programme', () => {
    for (const value of ['31/02/2025', '2025-13-01', '12/31/2025', 'demain', 45658.5]) {
      expect(readDate(value)).toEqual({ ok: false, problem: 'not_a_date' });
    }
    expect(readDate('01/01/2017')).toEqual({ ok: false, problem: 'date_outside_window' });
    expect(readDate('2205-01-01')).toEqual({ ok: false, problem: 'date_outside_window' });
  });

  it('reads a status from its label in French, English or German, or its code', () => {
    for (const value of ['Bloqué', 'bloque', 'BLOQUÉ', 'Blocked', 'blockiert', 'blocked']) {
      expect(readActionStatus(value)).toEqual({ ok: true, value: 'blocked' });
    }
    expect(readActionStatus('À venir')).toEqual({ ok: true, value: 'not_started' });
    expect(readActionStatus('a venir')).toEqual({ ok: true, value: 'not_started' });
    expect(readActionStatus('Zu besprechen')).toEqual({ ok: true, value: 'to_discuss' });
    expect(readActionStatus('')).toEqual({ ok: true, value: null });
    expect(readActionStatus('Presque fini')).toEqual({ ok: false, problem: 'unknown_status' });
  });

  it('drops NUL characters, which no spreadsheet shows and PostgreSQL cannot store', () => {
    expect(cellText('Fri\u0000ches ')).toBe('Friches');
    expect(cellText('\u0000')).toBeNull();
  });

  it('drops half characters (lone surrogates), keeps whole ones such as emoji', () => {
    expect(cellText('Friches \ud83c')).toBe('Friches');
    expect(cellText('\udc00Friches 🏭')).toBe('Friches 🏭');
  });
});
