import { HttpException, errorBodyOf } from '../../src/exceptions';

/** The error `promise` rejects with; fails the test when it resolves. */
export async function caught(promise: Promise<unknown> | unknown): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** The HTTP exception `promise` rejects with, as `{ status, body }` (the body NestJS would send). */
export async function httpErrorOf(promise: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const error = await caught(promise);
  if (!(error instanceof HttpException)) throw new Error(`expected an HttpException, got ${String(error)}`);
  return { status: error.getStatus(), body: errorBodyOf(error) };
}

/** NestJS's body for a 400 with `message`. */
export function badRequest(message: unknown): { status: number; body: Record<string, unknown> } {
  return { status: 400, body: { message, error: 'Bad Request', statusCode: 400 } };
}
