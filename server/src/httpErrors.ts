import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { Logger } from './logger';
import { MAX_BODY, RequestLimitError } from './requestLimits';

// Errors raised outside tRPC (body parser, router, static files, limits) answer like tRPC's own:
// JSON for the API, a plain page for a browser's GET, always with the request id, never a
// stack, a path on disk or a library's wording. The log keeps the details.

const TRPC_KEYS: Partial<Record<number, TRPC_ERROR_CODE_KEY>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'BAD_REQUEST',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** What the client is told, by the error's kind; anything unknown is an internal error. */
function describe(error: unknown, requestId: string): { status: number; message: string } {
  if (error instanceof RequestLimitError) return { status: error.status, message: error.message };
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (type === 'entity.parse.failed') {
    return { status: 400, message: 'The request body is not valid JSON (an object or an array)' };
  }
  if (type === 'entity.too.large') {
    return { status: 413, message: `The request body is larger than ${MAX_BODY}` };
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return { status: 415, message: 'The request body must be JSON in UTF-8, uncompressed' };
  }
  if (error instanceof URIError) return { status: 400, message: 'The address is malformed' };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: STATUS_CODES[status] ?? 'Bad request' };
  }
  return {
    status: 500,
    message: `Internal error; quote request ${requestId} to the administrators`,
  };
}

const isApi = (req: Request) => /^\/(trpc|api|health)(\/|$)/.test(req.path);

function send(req: Request, res: Response, status: number, message: string): void {
  const requestId = String(res.locals.requestId);
  res.status(status);
  if (isApi(req) || req.method !== 'GET') {
    const code = TRPC_KEYS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    // The shape of tRPC's errors (see trpc.ts), so that the client reads every error alike.
    res.json({
      error: {
        message,
        code: TRPC_ERROR_CODES_BY_KEY[code],
        data: { code, httpStatus: status, requestId, fieldErrors: null, reason: null },
      },
    });
  } else {
    res.type('text/plain; charset=utf-8').send(`${message}\n\nRequest ${requestId}\n`);
  }
}

/** The last handler but one: no route matched. */
export const notFound: RequestHandler = (req, res) => {
  send(req, res, 404, 'Nothing is at this address');
};

/** The last handler: every error no earlier handler answered. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const requestId = String(res.locals.requestId);
    const { status, message } = describe(error, requestId);
    if (status >= 500) log.error({ requestId, err: error }, 'unexpected error');
    else log.info({ requestId, status, reason: message }, 'request refused');
    if (res.headersSent) {
      next(error); // Express closes the connection of a response already under way.
      return;
    }
    send(req, res, status, message);
  };
}
