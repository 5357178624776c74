import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './support/harness';
import { buildWorld } from '../../server/test/support/world';
import {
  dayParam,
  idParam,
  MAX_OFFSET,
  MAX_SEARCH,
  offsetParam,
  pageSizeParam,
  searchParam,
} from '../src/lib/addressParams';

describe('reading a list’s address', () => {
  it('keeps what the list procedures accept and drops the rest', () => {
    expect(pageSizeParam('50')).toBe(50);
    for (const odd of ['5000', '0', '-25', '25.5', 'abc', null])
      expect(pageSizeParam(odd)).toBe(25);
    expect(offsetParam('75')).toBe(75);
    expect(offsetParam(String(MAX_OFFSET))).toBe(MAX_OFFSET);
    for (const odd of [String(MAX_OFFSET + 1), '-3', '1e12', '7.5', 'x', null]) {
      expect(offsetParam(odd)).toBe(0);
    }
    expect(idParam('12')).toBe(12);
    expect(idParam('2147483647')).toBe(2147483647);
    // 2,147,483,648 is past the largest id (an `integer` on PostgreSQL).
    for (const odd of ['0', '-1', '1.5', '2147483648', '99999999999999999999', 'NL', null]) {
      expect(idParam(odd)).toBeUndefined();
    }
    expect(dayParam('2025-06-30')).toBe('2025-06-30');
    // Not a day, not a real day, outside the programme's window.
    for (const odd of ['2025-6-30', '2025-02-31', '1999-01-01', '2205-06-30', '', null]) {
      expect(dayParam(odd)).toBeUndefined();
    }
    expect(searchParam('friches')).toBe('friches');
    expect(searchParam('x'.repeat(500))).toHaveLength(MAX_SEARCH);
    expect(searchParam(null)).toBe('');
  });
});

// Addresses as people paste them, cut or edited by hand: the page shows, never a 400 as an error.
describe('lists opened from an odd address', { timeout: 20_000 }, () => {
  it('the meetings list ignores a day outside the programme, a huge page and a negative offset', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'national',
      world,
      route: '/meetings?from=1999-01-01&to=2025-02-31&limit=5000&pastOffset=-4',
    });
    const past = await screen.findByRole('region', { name: 'Séances passées' }, { timeout: 5000 });
    expect(await within(past).findByText('COPIL Nord Lorraine')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the actions list cuts a too long search and ignores an offset beyond the last page', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'admin',
      world,
      route: `/actions?search=${'a'.repeat(400)}&offset=${10 * MAX_OFFSET}&limit=1000`,
    });
    // The search, cut to 120 characters, finds nothing: the list says so (a refused search would
    // have been an error in its place).
    expect(
      await screen.findByText('Aucune action ne correspond à ces filtres.', {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the territory dashboard ignores a “since” day the overview would refuse', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'memberNL',
      world,
      route: `/territories/${world.territories.NL}?since=2025-02-31`,
    });
    await screen.findByRole('heading', { level: 1, name: 'Nord Lorraine' }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Changements récents' })));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
