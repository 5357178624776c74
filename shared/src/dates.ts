/** Today's date as ISO 8601 (YYYY-MM-DD) in UTC; dates in Jalon are calendar dates without a zone. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether the reminder of an update request due on `dueDate` is due `today`: from `daysBefore`
 * days before the due date up to the due date itself.
 */
export function isReminderDue(dueDate: string, daysBefore: number, today: string): boolean {
  return today >= addDays(dueDate, -daysBefore) && today <= dueDate;
}
