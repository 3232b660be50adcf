import { NotFoundException } from '../../src/exceptions';
import { ArmatureRequest } from '../../src/http/request';
import { ArmatureResponse } from '../../src/http/response';
import type { MiddlewareInvoker, NextFunction } from '../../src/middleware/middleware-invoker';
import { runMiddlewareChain, type MiddlewareStep } from '../../src/middleware/run-middleware-chain';
import { RecordingExchange } from '../support/recording-exchange';

type Use = (req: ArmatureRequest, res: ArmatureResponse, next: NextFunction) => unknown;

const step = (name: string, invoke: Use, when?: MiddlewareStep['when']): MiddlewareStep => ({ invoker: { name, invoke } as MiddlewareInvoker, when });

function run(steps: MiddlewareStep[]) {
  const exchange = new RecordingExchange();
  const request = new ArmatureRequest('GET', '/x', '', {}, {});
  const response = new ArmatureResponse(exchange, 'GET');
  return { exchange, response, result: runMiddlewareChain(steps, request, response) };
}

describe('running a middleware chain', () => {
  it('runs each middleware when the previous one calls next, then resolves true', async () => {
    const order: string[] = [];
    const { result } = run([
      step('a', (_req, _res, next) => {
        order.push('a');
        next();
      }),
      step('b', (_req, _res, next) => {
        order.push('b');
        setTimeout(next, 5);
      }),
      step('c', async (_req, _res, next) => {
        order.push('c');
        await Promise.resolve();
        next();
      }),
    ]);
    await expect(result).resolves.toBe(true);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('resolves false when a middleware answers by itself, and runs nothing after it', async () => {
    const after = jest.fn();
    const { result, exchange } = run([step('ends', (_req, res) => res.status(204).end()), step('after', after)]);
    await expect(result).resolves.toBe(false);
    expect(exchange.status).toBe(204);
    expect(after).not.toHaveBeenCalled();
  });

  it('resolves false when a middleware answers later without calling next', async () => {
    const { result, exchange } = run([step('later', (_req, res) => void setTimeout(() => res.json({ late: true }), 5))]);
    await expect(result).resolves.toBe(false);
    expect(exchange.json()).toEqual({ late: true });
  });

  it('resolves false when a middleware answers and then calls next', async () => {
    const after = jest.fn();
    const { result } = run([
      step('both', (_req, res, next) => {
        res.end('done');
        next();
      }),
      step('after', after),
    ]);
    await expect(result).resolves.toBe(false);
    expect(after).not.toHaveBeenCalled();
  });

  it('rejects with the error given to next, thrown, or rejected by an async middleware', async () => {
    const given = new Error('given');
    await expect(run([step('next', (_req, _res, next) => next(given))]).result).rejects.toBe(given);
    const thrown = new Error('thrown');
    await expect(
      run([
        step('throws', () => {
          throw thrown;
        }),
      ]).result,
    ).rejects.toBe(thrown);
    const rejected = new Error('rejected');
    await expect(run([step('async', async () => Promise.reject(rejected))]).result).rejects.toBe(rejected);
  });

  it("continues on next('route') and ends in a 404 on next('router'), as Express", async () => {
    const reached = jest.fn((_req, _res, next: NextFunction) => next());
    await expect(run([step('route', (_req, _res, next) => next('route')), step('reached', reached)]).result).resolves.toBe(true);
    expect(reached).toHaveBeenCalled();
    await expect(run([step('router', (_req, _res, next) => next('router'))]).result).rejects.toBeInstanceOf(NotFoundException);
  });

  it('ignores a second call of the same next', async () => {
    const second = jest.fn((_req, _res, next: NextFunction) => next());
    const { result } = run([
      step('twice', (_req, _res, next) => {
        next();
        next();
      }),
      step('second', second),
    ]);
    await expect(result).resolves.toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('skips a middleware whose per-request test fails', async () => {
    const skipped = jest.fn();
    const { result } = run([step('skipped', skipped, () => false)]);
    await expect(result).resolves.toBe(true);
    expect(skipped).not.toHaveBeenCalled();
  });
});
