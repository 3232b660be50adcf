/** Lifetime of a provider or controller instance (NestJS's numeric values, so code comparing them keeps working). */
export enum Scope {
  /** One instance per module that declares it, created at boot. */
  DEFAULT = 0,
  /** A new instance for every consumer. */
  TRANSIENT = 1,
  /** One instance per request context. */
  REQUEST = 2,
}

export interface ScopeOptions {
  scope?: Scope;
}
