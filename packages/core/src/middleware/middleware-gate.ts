import type { ArmatureRequest } from '../http/request';
import type { RouteDefinition } from '../router/route-definition';
import { relatePath, type Relation } from './path-relation';
import type { RouteShape } from './route-path-shape';
import type { MiddlewareTarget } from './route-targets';

export type RequestTest = (request: ArmatureRequest) => boolean;

/** Whether a middleware chain runs for a route: never, always, or when a per-request test passes. */
export type Gate = { readonly runs: false } | { readonly runs: true; readonly when?: RequestTest };

export const NEVER: Gate = Object.freeze({ runs: false });
export const ALWAYS: Gate = Object.freeze({ runs: true });

/**
 * Decides at startup whether a chain (bound to `include`, minus `exclude`) runs for `route`. Only
 * what depends on the request (a path pattern narrower than the route, a method of an `@All()`
 * route) is left to a per-request test.
 */
export function gateFor(route: RouteDefinition, shape: RouteShape, include: readonly MiddlewareTarget[], exclude: readonly MiddlewareTarget[]): Gate {
  let includedAlways = false;
  const includeTests: RequestTest[] = [];
  for (const target of include) {
    const { relation, test } = relateTarget(route, shape, target);
    if (relation === 'always') {
      includedAlways = true;
      break;
    }
    if (test !== undefined) includeTests.push(test);
  }
  if (!includedAlways && includeTests.length === 0) return NEVER;
  const excludeTests: RequestTest[] = [];
  for (const target of exclude) {
    const { relation, test } = relateTarget(route, shape, target);
    if (relation === 'always') return NEVER;
    if (test !== undefined) excludeTests.push(test);
  }
  return gateOf(includedAlways ? undefined : anyOf(includeTests), excludeTests.length === 0 ? undefined : anyOf(excludeTests));
}

/**
 * For requests no route matched (404/405): only path targets can apply, each tested per request,
 * as Express runs path-bound middleware before its final 404.
 */
export function unmatchedGate(include: readonly MiddlewareTarget[], exclude: readonly MiddlewareTarget[]): Gate {
  const includeTests = include.flatMap((target) => (target.kind === 'path' ? [requestTest(target, true, target.method !== undefined)] : []));
  if (includeTests.length === 0) return NEVER;
  const excludeTests = exclude.flatMap((target) => (target.kind === 'path' ? [requestTest(target, true, target.method !== undefined)] : []));
  return gateOf(anyOf(includeTests), excludeTests.length === 0 ? undefined : anyOf(excludeTests));
}

function gateOf(including: RequestTest | undefined, excluding: RequestTest | undefined): Gate {
  if (including === undefined && excluding === undefined) return ALWAYS;
  if (excluding === undefined) return { runs: true, when: including };
  if (including === undefined) return { runs: true, when: (request) => !excluding(request) };
  return { runs: true, when: (request) => including(request) && !excluding(request) };
}

function relateTarget(route: RouteDefinition, shape: RouteShape, target: MiddlewareTarget): { relation: Relation; test?: RequestTest } {
  if (target.kind === 'controller') return { relation: route.controller === target.controller ? 'always' : 'never' };
  const path = relatePath(shape, target.pattern);
  const method = relateMethod(route.method, target.method);
  if (path === 'never' || method === 'never') return { relation: 'never' };
  if (path === 'always' && method === 'always') return { relation: 'always' };
  return { relation: 'maybe', test: requestTest(target, path === 'maybe', method === 'maybe') };
}

/**
 * A route declared for `routeMethod` against a target method. GET routes also answer HEAD, and a
 * GET-bound middleware runs for those too (Express's rule); `@All()` routes leave it to the request.
 */
export function relateMethod(routeMethod: string, targetMethod: string | undefined): Relation {
  if (targetMethod === undefined || routeMethod === targetMethod) return 'always';
  if (routeMethod === 'ALL' || (routeMethod === 'GET' && targetMethod === 'HEAD')) return 'maybe';
  return 'never';
}

function requestTest(target: Extract<MiddlewareTarget, { kind: 'path' }>, checkPath: boolean, checkMethod: boolean): RequestTest {
  const regex = target.pattern.regex;
  const method = target.method;
  const pathMatches = checkPath && !target.pattern.matchesEverything;
  if (!checkMethod || method === undefined) return pathMatches ? (request) => regex.test(request.path) : () => true;
  const methodMatches = (request: ArmatureRequest) => request.method === method || (method === 'GET' && request.method === 'HEAD');
  return pathMatches ? (request) => methodMatches(request) && regex.test(request.path) : methodMatches;
}

function anyOf(tests: readonly RequestTest[]): RequestTest {
  if (tests.length === 1) return tests[0];
  return (request) => tests.some((test) => test(request));
}
