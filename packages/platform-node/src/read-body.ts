import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeException, RequestAbortedError } from '@armature/core';

/** The exception `readBody` rejects with once a body is, or says it will be, larger than `limit`. */
export function payloadTooLarge(limit: number): Error {
  return new PayloadTooLargeException(`Request body is larger than the limit of ${limit} bytes`);
}

/**
 * Collects a request body of at most `limit` bytes. On the first chunk that crosses the limit it stops
 * listening and pauses the request, so the rest stays in the kernel (TCP backpressure) instead of
 * memory; the exchange then answers 413 and closes the connection. Rejects with
 * `RequestAbortedError` when the client goes away before the body is complete.
 */
export function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (req.destroyed) return Promise.reject(new RequestAbortedError());
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;

    const stopListening = (): void => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onAbort);
      req.removeListener('close', onAbort);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        stopListening();
        req.pause();
        chunks.length = 0;
        reject(payloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stopListening();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received));
    };
    // 'close' before 'end' (or 'error') only happens when the socket died mid-body.
    const onAbort = (): void => {
      stopListening();
      chunks.length = 0;
      reject(new RequestAbortedError());
    };

    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}
