/** A concrete class that can be instantiated with `new`. */
export interface Type<T = any> extends Function {
  new (...args: any[]): T;
}

/** An abstract class: usable as an injection token, not instantiable. */
export interface Abstract<T = any> extends Function {
  prototype: T;
}

export function isClass(value: unknown): value is Type {
  return typeof value === 'function';
}
