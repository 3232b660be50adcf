/** Base of every DI/module error; `code` is stable for tooling and docs. */
export class ArmatureDiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A constructor parameter, property or factory argument has no visible provider. */
export class UnknownDependenciesError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_UNKNOWN_DEPENDENCY', message);
  }
}

/** A dependency's token is `undefined` (typically a circular file import). */
export class UndefinedDependencyError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_UNDEFINED_DEPENDENCY', message);
  }
}

/** An entry of an `imports` array is `undefined`, or a forwardRef() in it returned `undefined`. */
export class UndefinedModuleError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_UNDEFINED_MODULE', message);
  }
}

/** An entry of a `providers`, `controllers` or `exports` array is `undefined`. */
export class UndefinedProviderError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_UNDEFINED_PROVIDER', message);
  }
}

/** Something imported as a module is not one, or @Module() received an unknown key. */
export class InvalidModuleError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_INVALID_MODULE', message);
  }
}

/** A `providers` entry is neither a class nor a `{ provide, use* }` object. */
export class InvalidProviderError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_INVALID_PROVIDER', message);
  }
}

/** A module exports a token it neither provides nor imports as a module. */
export class UnknownExportError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_UNKNOWN_EXPORT', message);
  }
}

/** Providers depend on each other in a cycle that no forwardRef() breaks. */
export class CircularDependencyError extends ArmatureDiError {
  constructor(
    message: string,
    /** Names along the cycle, first name repeated at the end. */
    readonly cycle: readonly string[],
  ) {
    super('ARM_DI_CIRCULAR_DEPENDENCY', message);
  }
}

/** get()/resolve() asked for a token that no module (or not the selected one) provides. */
export class UnknownElementError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_UNKNOWN_ELEMENT', message);
  }
}

/** get() was used for a REQUEST/TRANSIENT provider, or a scope is impossible (e.g. a module on a request). */
export class InvalidScopeError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_INVALID_SCOPE', message);
  }
}

/** get() was called during boot for a provider that is not built yet. */
export class InstanceNotReadyError extends ArmatureDiError {
  constructor(message: string) {
    super('ARM_DI_INSTANCE_NOT_READY', message);
  }
}
