/**
 * The current request object, injectable into REQUEST-scoped providers (injecting it makes the consumer
 * request-scoped). Same string as NestJS so `@Inject('REQUEST')` in ported code keeps working.
 */
export const REQUEST = 'REQUEST';

/** For TRANSIENT providers: the instance that asked for this one (undefined when resolved directly). */
export const INQUIRER = 'INQUIRER';
