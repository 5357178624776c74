import { DEMO_ACCOUNTS } from '@jalon/db';

/** The password of every demo account; the server accepts it only in a database seeded as demo. */
export const DEMO_PASSWORD = 'jalon-demo';

/** The demo accounts as aligned lines, for the start banner and `pnpm jalon seed --demo`. */
export function demoAccountLines(): string[] {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    `Demo accounts (password "${DEMO_PASSWORD}"):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(18)} ${a.scope}`),
  ];
}
