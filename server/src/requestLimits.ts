import type { NextFunction, Request, Response } from 'express';

// Limits every request meets before anything parses it: the parsers, zod and the procedures only
// ever see requests of a sane size and shape.

/** The longest URL accepted (the client's batch link keeps its URLs shorter). */
export const MAX_URL_LENGTH = 8_192;
/** The largest JSON body accepted, in body-parser's notation. */
export const MAX_BODY = '1mb';
/** The deepest nesting of objects and arrays a request's JSON may have (inputs need about 5). */
export const MAX_JSON_DEPTH = 20;
/** The most calls one batched tRPC request may carry (the client sends at most as many). */
export const MAX_BATCH_CALLS = 25;

/** A request refused by a limit: the error handler answers with its status and message. */
export class RequestLimitError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestLimitError';
  }
}

/**
 * Whether JSON text nests objects and arrays deeper than `max`, scanning the raw bytes once
 * (brackets inside strings do not count). UTF-8 and UTF-16 alike: in both, the ASCII bytes that
 * matter never occur inside another character.
 */
export function nestsDeeperThan(json: Uint8Array | string, max: number): boolean {
  const bytes = typeof json === 'string' ? Buffer.from(json) : json;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

const tooDeep = () =>
  new RequestLimitError(400, `The request's JSON nests deeper than ${MAX_JSON_DEPTH} levels`);

/** For express.json's `verify`: refuses a body nested too deep before it is parsed. */
export function verifyJsonDepth(_req: Request, _res: Response, body: Buffer): void {
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw tooDeep();
}

/** Refuses a URL longer than MAX_URL_LENGTH (414). */
export function limitUrlLength(req: Request, _res: Response, next: NextFunction): void {
  next(
    req.originalUrl.length > MAX_URL_LENGTH
      ? new RequestLimitError(414, `The address is longer than ${MAX_URL_LENGTH} characters`)
      : undefined,
  );
}

/** The procedures a /trpc request names, as tRPC's Express adapter reads them; null if malformed. */
function procedurePaths(req: Request): string[] | null {
  try {
    return decodeURIComponent(req.path.slice(req.path.lastIndexOf('/') + 1)).split(',');
  } catch {
    return null;
  }
}

/** Why a /trpc request is refused before tRPC reads it, or null when it may go on. */
function trpcRefusal(req: Request): RequestLimitError | null {
  const search = new URL(req.originalUrl, 'http://request.invalid').searchParams;
  const input = search.get('input');
  if (input !== null && nestsDeeperThan(input, MAX_JSON_DEPTH)) return tooDeep();
  // req.is() is null for a request without a body (a mutation without input): that one may go on.
  if (req.method === 'POST' && req.is('application/json') === false) {
    return new RequestLimitError(415, 'The request body must be JSON (application/json)');
  }
  const procedures = procedurePaths(req);
  if (procedures === null) return new RequestLimitError(400, 'The address is malformed');
  if (!search.has('batch')) return null;
  if (procedures.some((p) => p.startsWith('auth.'))) {
    // Each sign-in attempt must come on its own, to be counted and throttled on its own.
    return new RequestLimitError(400, 'Sign-in procedures (auth.*) cannot be batched');
  }
  if (procedures.length > MAX_BATCH_CALLS) {
    return new RequestLimitError(400, `A batch may hold at most ${MAX_BATCH_CALLS} calls`);
  }
  return null;
}

/**
 * For /trpc, before the body is read: a query input nested too deep, a body that is not JSON, a
 * batch holding a sign-in or too many calls are refused.
 */
export function limitTrpcRequest(req: Request, _res: Response, next: NextFunction): void {
  next(trpcRefusal(req) ?? undefined);
}
