/**
 * What a route declared it reads off the native request (micro routes). On uWebSockets.js only
 * that is copied before the route runs, so reading anything else would quietly see `undefined`
 * there while working on node:http; the request refuses such reads on every adapter instead, with
 * an error naming the route and the option that fixes it.
 */
export interface DeclaredReads {
  /** Names the route in errors, e.g. `GET /users/:id`. */
  readonly route: string;
  /** Lower-case header names, or 'all'. */
  readonly headers: ReadonlySet<string> | 'all';
  readonly body: boolean;
  readonly ip: boolean;
}

/** A handler or middleware read something its route did not declare: a programming error (500, logged). */
export class UndeclaredReadError extends Error {
  constructor(route: string, what: string, fix: string) {
    super(
      `${route} read ${what}, which it did not declare: on uWebSockets.js a route only gets what it declares. ` +
        `Add ${fix} to the route's options (a middleware declares it with defineMiddleware(fn, needs)).`,
    );
    this.name = 'UndeclaredReadError';
  }
}
