import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Malformed and edge inputs derived from a zod 4 schema, as fast-check arbitraries, for the fuzz
 * suites (server/test/fuzz*.test.ts).
 *
 * zod-fast-check 0.10.1, the library that does this, supports zod 3 and fast-check 3 only, so this
 * walks zod 4's own description of a schema (`schema._zod.def`: its `type`, its `checks`, its
 * inner schemas). It does not aim at valid data but at what breaks servers:
 * - every leaf draws from plausible values and from values at and beyond the schema's limits
 *   (lengths max and max + 1, bounds ± 1, empty, huge, unicode and control characters, NaN, ±∞,
 *   unsafe integers, days of year 0000 and 9999, impossible days, other formats);
 * - objects lose optional or required keys and gain unknown ones (`__proto__` among them);
 * - arrays are empty, short, or one past their limit;
 * - with `wrong`, any node may be replaced by a value of another type, null, or a deeply nested
 *   array or object.
 * Small positive integers are favoured where an id is expected, so that many calls name rows of
 * the test world and reach the procedures' bodies rather than stopping at NOT_FOUND.
 */

/**
 * How long the fuzz suites run: `JALON_FUZZ_RUNS` runs per procedure and caller (10 by default,
 * quick enough for `pnpm test`; 2000 for a long run), `JALON_FUZZ_SEED` to replay a failure that
 * fast-check reported with its seed.
 */
export const FUZZ_SETTINGS = readFuzzSettings(
  // eslint-disable-next-line no-restricted-syntax -- a test's own knob, not the app's configuration
  process.env,
);

function readFuzzSettings(env: Record<string, string | undefined>): {
  runs: number;
  seed: number | undefined;
} {
  const runs = Number(env.JALON_FUZZ_RUNS ?? 10);
  const seed = env.JALON_FUZZ_SEED === undefined ? undefined : Number(env.JALON_FUZZ_SEED);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('JALON_FUZZ_RUNS: a positive integer');
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('JALON_FUZZ_SEED: an integer');
  return { runs, seed };
}

/** A value nested `depth` times: `[[[…0…]]]` or `{"a":{"a":…}}`. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

// Deep enough to hurt a recursive walker, shallow enough for JSON.stringify in a test worker.
const DEEP_ARRAY = deeplyNested(1_000, 'array');
const DEEP_OBJECT = deeplyNested(1_000, 'object');
const HUGE_STRING = 'x'.repeat(100_000);

/** Strings that have broken parsers, SQL builders and renderers before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '   ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u200b',
  '\u202eevil',
  '\ud800',
  '\udfff',
  'é',
  'École',
  '🇫🇷🏭',
  "'; drop table users; --",
  '%',
  '_',
  '\\',
  '%ZZ',
  '<script>alert(1)</script>',
  '=cmd|/c calc!A1',
  'null',
  'undefined',
  'NaN',
  '0',
  '-1',
  'true',
  '{}',
  '[]',
  '__proto__',
  'constructor',
  HUGE_STRING,
];

/** Days at the edges of the calendar and of the programme's years, and days that do not exist. */
const EDGE_DAYS = [
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '1970-01-01',
  '2017-12-31',
  '2018-01-01',
  '2024-02-29',
  '2025-02-29',
  '2025-02-30',
  '2025-06-15',
  '2025-07-01',
  '2025-13-01',
  '2025-00-10',
  '2035-12-31',
  '2036-01-01',
  '2100-01-01',
  '9999-12-31',
  '+002025-01-01',
  '-000001-01-01',
  '2025-6-1',
  '15/06/2025',
  '2025-06-15T10:00:00Z',
];

const EDGE_DATETIMES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2017-12-31T23:59:59Z',
  '2018-01-01T00:00:00+14:00',
  '2025-07-01T09:30:00.000Z',
  '2025-07-01T09:30:00+02:00',
  '2025-06-15T12:00:00Z',
  '2035-12-31T23:59:59-12:00',
  '2036-01-01T00:00:00Z',
  '2025-02-30T10:00:00Z',
  '2025-07-01T25:00:00Z',
  '2025-07-01T09:30:00',
  '2025-07-01',
  '2025-07-01T09:30:00.123456789Z',
];

const EDGE_EMAILS = [
  'admin@world.test',
  'coordinatornl@world.test',
  'new@world.test',
  'a@b',
  '@',
  'a@',
  '@b.fr',
  'é@é.fr',
  `${'a'.repeat(250)}@b.fr`,
  'ADMIN@WORLD.TEST',
  ' admin@world.test ',
];

const EDGE_NUMBERS = [
  0,
  -0,
  1,
  2,
  3,
  -1,
  0.5,
  1.5,
  100,
  101,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  2 ** 63,
  1e13,
  1e13 + 1,
  1e308,
  Number.MIN_VALUE,
  -1e308,
];

interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  items?: z.ZodType[];
  getter?: () => z.ZodType;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

// zod 4 keeps its definition on `_zod.def`; the public types do not describe it for every kind.
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);
const limit = (def: Def, check: string, key: 'minimum' | 'maximum'): number | undefined =>
  checksOf(def).find((c) => c.check === check)?.[key];

/** A value of any other type than the schema wants, or null, or something deeply nested. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, 0, -1, '', 'x', [], {}, DEEP_ARRAY, DEEP_OBJECT),
  fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: true }),
);

const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'id ', 'é'];

/** Unknown keys to merge into an object; `__proto__` becomes an own key, as JSON.parse makes it. */
const extraKeys: fc.Arbitrary<Record<string, unknown>> = fc
  .array(
    fc.tuple(fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 8 })), wrongValue),
    {
      maxLength: 3,
    },
  )
  .map((pairs) => {
    const extra: Record<string, unknown> = {};
    for (const [key, value] of pairs)
      Object.defineProperty(extra, key, { value, enumerable: true, writable: true });
    return extra;
  });

function stringArbitrary(def: Def): fc.Arbitrary<unknown> {
  if (def.format === 'date') return fc.oneof(fc.constantFrom(...EDGE_DAYS), anyDay);
  if (def.format === 'datetime') return fc.oneof(fc.constantFrom(...EDGE_DATETIMES), anyDateTime);
  if (def.format === 'email') return fc.oneof(fc.constantFrom(...EDGE_EMAILS), fc.emailAddress());
  const max = limit(def, 'max_length', 'maximum') ?? 1_000;
  const min = limit(def, 'min_length', 'minimum') ?? 0;
  const sized = [max, max + 1, Math.max(min - 1, 0), min].map((n) => 'é'.repeat(n));
  return fc.oneof(
    fc.constantFrom('Nouveau nom', 'FA-9', '2023-2027', '123456789', 'world-password-long'),
    fc.constantFrom(...NASTY_STRINGS, ...sized),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
}

/** A day anywhere from year 0 to 9999, as YYYY-MM-DD. */
const anyDay = fc
  .date({
    min: new Date('0000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10).padStart(10, '0'));
/** An instant from year 0 to 9999 with or without milliseconds, in UTC or with an offset. */
const anyDateTime = fc
  .tuple(
    fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom('Z', '+02:00', '-12:00', '+14:00', '.000Z'),
  )
  .map(([d, zone]) => d.toISOString().slice(0, 19) + zone);

function numberArbitrary(def: Def): fc.Arbitrary<unknown> {
  const bounds = checksOf(def)
    .filter((c) => c.check === 'greater_than' || c.check === 'less_than')
    .flatMap((c) => [c.value ?? 0, (c.value ?? 0) - 1, (c.value ?? 0) + 1]);
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS, ...bounds) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
  );
}

function arrayArbitrary(def: Def, wrong: boolean): fc.Arbitrary<unknown> {
  const element = edgeInput(def.element as z.ZodType, { wrong });
  const max = limit(def, 'max_length', 'maximum');
  const arbitraries = [fc.array(element, { maxLength: 4 })];
  // One past the limit: the schema must refuse it before anything loops over it.
  if (max !== undefined)
    arbitraries.push(element.chain((e) => fc.constant(Array.from({ length: max + 1 }, () => e))));
  return fc.oneof(...arbitraries);
}

function objectArbitrary(def: Def, wrong: boolean): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, edgeInput(schema, { wrong })]),
  );
  const required = Object.keys(shape).filter((key) => {
    const type = defOf(shape[key] as z.ZodType).type;
    return type !== 'optional' && type !== 'default' && type !== 'prefault';
  });
  return fc
    .tuple(
      fc.oneof(
        // Every field: the calls most likely to reach the database.
        fc.record(fields),
        // The required fields only: an update that changes nothing.
        fc.record(Object.fromEntries(required.map((key) => [key, fields[key] ?? wrongValue]))),
        // Any subset, required fields included.
        fc.record(fields, { requiredKeys: [] }),
      ),
      fc.option(extraKeys, { freq: 4 }),
    )
    .map(([record, extra]) => (extra ? { ...record, ...extra } : record));
}

/**
 * Edge and malformed inputs for `schema`. With `wrong`, any node may also be replaced by a value
 * of another type; without, values keep the schema's types but go past its limits.
 */
export function edgeInput(schema: z.ZodType, options: { wrong: boolean }): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const typed = typedInput(def, options.wrong);
  return options.wrong
    ? fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: wrongValue })
    : typed;
}

function typedInput(def: Def, wrong: boolean): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
    case 'int':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.constantFrom('bogus', '', String(values[0]).toUpperCase()) },
      );
    }
    case 'literal':
      return fc.oneof(fc.constantFrom(...(def.values ?? [])), fc.constant('bogus'));
    case 'object':
      return objectArbitrary(def, wrong);
    case 'array':
      return arrayArbitrary(def, wrong);
    case 'optional':
      return fc.option(edgeInput(def.innerType as z.ZodType, { wrong }), {
        nil: undefined,
        freq: 3,
      });
    case 'nullable':
      return fc.option(edgeInput(def.innerType as z.ZodType, { wrong }), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(edgeInput(def.innerType as z.ZodType, { wrong }), {
        nil: undefined,
        freq: 3,
      });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return edgeInput(def.innerType as z.ZodType, { wrong });
    case 'pipe':
      return edgeInput(def.in as z.ZodType, { wrong });
    case 'lazy':
      return edgeInput((def.getter as () => z.ZodType)(), { wrong });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => edgeInput(o, { wrong })));
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((i) => edgeInput(i, { wrong })));
    default:
      // A kind this walker does not know yet: anything at all, which the schema must refuse
      // cleanly too.
      return wrongValue;
  }
}

/**
 * The paths of the leaves of `schema` that accept values without a limit: a string without a
 * maximum length or a format, a number without both bounds (an integer is bounded by zod 4's
 * safe range), an array without a maximum length, or a kind that takes anything.
 */
export function unboundedLeaves(schema: z.ZodType, path = '(input)'): string[] {
  const def = defOf(schema);
  const checks = checksOf(def).map((c) => c.check);
  const has = (check: string) => checks.includes(check);
  switch (def.type) {
    case 'string':
      return has('max_length') || has('string_format') || def.format !== undefined ? [] : [path];
    case 'number': {
      const safeInt = checksOf(def).some((c) => c.check === 'number_format');
      return safeInt || (has('greater_than') && has('less_than')) ? [] : [path];
    }
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
      return [];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, inner]) =>
        unboundedLeaves(inner, `${path}.${key}`),
      );
    case 'array':
      return [
        ...(has('max_length') ? [] : [path]),
        ...unboundedLeaves(def.element as z.ZodType, `${path}[]`),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unboundedLeaves(def.innerType as z.ZodType, path);
    case 'pipe':
      return unboundedLeaves(def.in as z.ZodType, path);
    case 'union':
      return (def.options ?? []).flatMap((o) => unboundedLeaves(o, path));
    default:
      return [`${path} (${def.type})`];
  }
}

/**
 * Inputs for a procedure whose input parsers are `inputs` (tRPC's `_def.inputs`): half keep the
 * schema's types, half may have any node of the wrong type. A procedure without input gets junk,
 * which it must ignore.
 */
export function procedureInput(inputs: readonly z.ZodType[]): fc.Arbitrary<unknown> {
  const schema = inputs[0];
  if (schema === undefined) return fc.oneof(fc.constant(undefined), wrongValue);
  return fc.oneof(edgeInput(schema, { wrong: false }), edgeInput(schema, { wrong: true }));
}
