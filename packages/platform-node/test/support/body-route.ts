import { createHash } from 'node:crypto';
import { HttpException, RequestAbortedError, errorJson } from '@armature/core';
import { JSON_HEADERS, type FakeRoute } from './fake-table';

export interface BodyOutcome {
  /** Resolves with what readBody settled with. */
  settled: Promise<Buffer | Error>;
}

/**
 * A route that reads the body like core's pipeline does (readBody before any await) and answers with
 * its length and sha256, or with the HttpException's status. `closeOn413` mirrors the pipeline's
 * `closeConnection` argument; false checks that the adapter closes by itself.
 */
export function bodyRoute(limit: number, closeOn413 = true): FakeRoute & BodyOutcome {
  let settle!: (value: Buffer | Error) => void;
  const settled = new Promise<Buffer | Error>((resolve) => (settle = resolve));
  return {
    settled,
    needs: { body: true },
    run: (_request, exchange) => {
      exchange.readBody(limit).then(
        (body) => {
          settle(body);
          const digest = createHash('sha256').update(body).digest('hex');
          exchange.send(200, JSON_HEADERS, JSON.stringify({ length: body.length, sha256: digest }));
        },
        (error: Error) => {
          settle(error);
          if (error instanceof RequestAbortedError) return;
          const status = error instanceof HttpException ? error.getStatus() : 500;
          exchange.send(status, JSON_HEADERS, errorJson(status, error.message), status === 413 && closeOn413);
        },
      );
    },
  };
}
