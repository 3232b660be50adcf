import type { TransformerPackage, ValidatorPackage } from './validation-types';

const INSTALL_HINT = 'npm install class-validator class-transformer';

/**
 * `require`s one of the ValidationPipe's optional peer dependencies. They are loaded only when a
 * ValidationPipe is constructed, so an application that never validates does not need them; when
 * one is missing the error says which and how to install both.
 */
function requirePeer<T>(name: 'class-validator' | 'class-transformer'): T {
  try {
    return require(name) as T;
  } catch (error) {
    if (!isMissingModule(error, name)) throw error;
    throw new Error(
      `ValidationPipe needs the "class-validator" and "class-transformer" packages, and "${name}" is not installed. ` +
        `Install them with: ${INSTALL_HINT}`,
      { cause: error },
    );
  }
}

/** Only the package itself being absent is reported as such; a broken install keeps its own error. */
function isMissingModule(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return code === 'MODULE_NOT_FOUND' && message.includes(`'${name}'`);
}

export function loadClassValidator(): ValidatorPackage {
  return requirePeer<ValidatorPackage>('class-validator');
}

export function loadClassTransformer(): TransformerPackage {
  return requirePeer<TransformerPackage>('class-transformer');
}
