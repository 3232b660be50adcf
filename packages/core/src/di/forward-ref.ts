/** A reference resolved later: breaks circular file imports and circular dependencies. Same shape as NestJS. */
export interface ForwardReference<T = any> {
  forwardRef: () => T;
}

/**
 * `imports: [forwardRef(() => OtherModule)]` for modules whose files import each other;
 * `@Inject(forwardRef(() => OtherService))` for providers that need each other. In a provider cycle, one side
 * first receives the other's placeholder (an object with its prototype) into which the built instance is then
 * merged, as in NestJS: do not call the other side from your constructor, and avoid #private fields on it.
 */
export function forwardRef<T = any>(fn: () => T): ForwardReference<T> {
  return { forwardRef: fn };
}

export function isForwardReference(value: unknown): value is ForwardReference {
  return typeof value === 'object' && value !== null && typeof (value as ForwardReference).forwardRef === 'function';
}
