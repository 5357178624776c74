import { Option, type Command } from 'commander';
import { z } from 'zod';
import { createAccount, type AccountScope, type DatabaseConfig } from '@jalon/db';
import {
  GLOBAL_ROLES,
  LOCALES,
  TERRITORY_ROLES,
  passwordSchema,
  type GlobalRole,
  type Locale,
} from '@jalon/shared';
import { hashPassword } from '../../auth/password';
import { DEMO_PASSWORD } from '../../demo';
import { CliError, databaseOf, print, withDatabase, type CliContext } from '../context';

export const ACCOUNT_ROLES = [...GLOBAL_ROLES, 'regional_observer', ...TERRITORY_ROLES] as const;
type AccountRole = (typeof ACCOUNT_ROLES)[number];

interface UserAddOptions {
  email: string;
  name: string;
  role: AccountRole;
  territory?: string;
  region?: string;
  password?: string;
  locale: Locale;
}

const emailSchema = z.email().max(254);

// A newline or an ANSI escape in a name would forge lines in the audit trail and in terminals.
const CONTROL_CHARACTER = /\p{Cc}/u;

const isGlobalRole = (role: AccountRole): role is GlobalRole =>
  (GLOBAL_ROLES as readonly string[]).includes(role);

/** Checks that the role comes with the scope it needs, and only that one. */
function accountScope(options: UserAddOptions): AccountScope {
  const { role, territory, region } = options;
  if (isGlobalRole(role)) {
    if (territory !== undefined || region !== undefined) {
      throw new CliError(`The role ${role} applies everywhere: drop --territory and --region`);
    }
    return { kind: 'global', role };
  }
  if (role === 'regional_observer') {
    if (region === undefined)
      throw new CliError('The role regional_observer needs --region <code>');
    if (territory !== undefined)
      throw new CliError('The role regional_observer takes no --territory');
    return { kind: 'region', regionCode: region };
  }
  if (territory === undefined) throw new CliError(`The role ${role} needs --territory <code>`);
  if (region !== undefined) throw new CliError(`The role ${role} takes no --region`);
  return { kind: 'territory', territoryCode: territory, role };
}

function describeScope(scope: AccountScope): string {
  switch (scope.kind) {
    case 'global':
      return scope.role;
    case 'region':
      return `regional_observer of region ${scope.regionCode}`;
    case 'territory':
      return `${scope.role} in territory ${scope.territoryCode}`;
  }
}

async function addUser(
  ctx: CliContext,
  options: UserAddOptions,
  database: DatabaseConfig,
): Promise<void> {
  // Checked before anything echoes the input back.
  if (CONTROL_CHARACTER.test(options.email)) {
    throw new CliError('The email must not contain control characters');
  }
  if (CONTROL_CHARACTER.test(options.name)) {
    throw new CliError('The name must not contain control characters (line breaks, escapes)');
  }
  const email = options.email.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) {
    throw new CliError(`Not a valid email address: "${options.email}"`);
  }
  const name = options.name.trim();
  if (name.length === 0 || name.length > 120) {
    throw new CliError('The name must hold 1 to 120 characters');
  }
  const scope = accountScope(options);
  const password = options.password ?? ctx.env.JALON_NEW_USER_PASSWORD;
  if (password === undefined) {
    throw new CliError(
      'Give the password in JALON_NEW_USER_PASSWORD (preferred) or with --password',
    );
  }
  if (!passwordSchema.safeParse(password).success) {
    throw new CliError('The password must hold 10 to 200 characters');
  }
  if (password.trim().length === 0) {
    throw new CliError('The password must not be blank');
  }
  if (password.trim() === DEMO_PASSWORD) {
    throw new CliError('The password must not be the demo password, which is public');
  }

  await withDatabase(database, { mustExist: true }, async (db) => {
    const result = await createAccount(
      db,
      { email, name, locale: options.locale, passwordHash: await hashPassword(password), scope },
      ctx.now().toISOString(),
    );
    if (!result.ok) {
      throw new CliError(
        result.reason === 'email_taken'
          ? `A user with the email ${email} already exists`
          : result.reason === 'unknown_territory'
            ? `Unknown territory code "${options.territory ?? ''}"`
            : `Unknown region code "${options.region ?? ''}"`,
      );
    }
    print(ctx, `Created user #${result.user.id} ${email}: ${describeScope(scope)}.`);
  });
}

export function registerUser(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('add a user with one role, in one transaction recorded in the audit trail')
    .requiredOption('--email <email>', 'email, used to log in')
    .requiredOption('--name <name>', 'full name')
    .addOption(
      new Option('--role <role>', 'what the user may do')
        .choices(ACCOUNT_ROLES)
        .makeOptionMandatory(),
    )
    .option(
      '--territory <code>',
      'territory code, for coordinator, lead, committee_member, observer',
    )
    .option('--region <code>', 'region code (INSEE), for regional_observer')
    .option(
      '--password <password>',
      'at least 10 characters; prefer the JALON_NEW_USER_PASSWORD variable, kept out of shell history',
    )
    .addOption(new Option('--locale <locale>', 'interface language').choices(LOCALES).default('fr'))
    .addHelpText(
      'after',
      '\nExample:\n  JALON_NEW_USER_PASSWORD=… jalon user add --email a.martin@example.fr --name "Anne Martin" --role coordinator --territory NL',
    )
    .action(async (options: UserAddOptions, command: Command) => {
      await addUser(ctx, options, databaseOf(ctx, command));
    });
}
