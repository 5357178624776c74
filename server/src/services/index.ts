// The write path: every mutation reads "authorize → one plain function in one transaction that
// writes and audits → return".
// - The procedure authorizes (guards in ../auth/guards), then calls `write(ctx, (w) => service(w,
//   input))`: `write` opens the one transaction and reads the clock once.
// - A service is a plain function `(w: Write, input) => result`; `w` carries the transaction, the
//   actor and `now`. It knows neither tRPC nor HTTP: it reads through guards' lookups, writes
//   through @jalon/db functions and records its audit event with `audit` (fields from the registry
//   in @jalon/shared), inside the same transaction.
// - Refusals are thrown with the constructors of ../errors (notFound, conflict, badRequest,
//   ruleBroken with a rule's reason code): the codes and `data.reason` the API promises, never a
//   hand-built TRPCError. Services never catch: a throw rolls the whole change back.
export { write, type Write } from './write';
export { audit, auditedValues, type AuditedChange } from './audit';
export * from './plan';
export * from './stage';
export * from './fundingLine';
export * from './comment';
export * from './indicator';
export * from './measurement';
export * from './action';
export * from './territory';
export * from './organisation';
export * from './preferences';
export * from './committee';
export * from './membership';
export * from './updateRequest';
export * from './attendance';
export * from './decision';
export * from './agenda';
export * from './user';
export * from './meeting';
export * from './passwordLinks';
