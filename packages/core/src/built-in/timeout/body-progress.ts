import type { HttpRequest } from '../../wrap/http-request';

/**
 * Answers "is the request body still on its way?" for the timeout middleware, which must choose
 * between 408 (the client has not finished sending) and 503 (we have not finished answering).
 *
 * A request declaring no body is complete. Otherwise the body counts as received once a read of
 * it settled: the buffered read every route and middleware share (`readBodyOnce`, observed here
 * for this one request) or a multipart stream the route consumed to its end. A body nobody read
 * has not been received as far as the server knows.
 */
export function watchBodyProgress(req: HttpRequest): () => boolean {
  if (!declaresBody(req)) return stillArrivingNever;
  let received = false;
  const readOnce = req.readBodyOnce;
  req.readBodyOnce = (limit: number) => {
    const read = readOnce.call(req, limit);
    read.then(
      () => (received = true),
      () => (received = true), // refused (413) or aborted: nothing more is coming that we wait for
    );
    return read;
  };
  return () => {
    if (received) return false;
    const stream = req.raw.bodyStream;
    return stream === undefined || !(stream.readableEnded || stream.destroyed);
  };
}

function stillArrivingNever(): boolean {
  return false;
}

/** RFC 9112 §6.3: without Content-Length or Transfer-Encoding a request has no body. */
function declaresBody(req: HttpRequest): boolean {
  const length = req.headers['content-length'];
  return length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
}
