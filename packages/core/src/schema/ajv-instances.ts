import type Ajv from 'ajv';
import type { Options } from 'ajv';
import { installFormats } from './formats';

/**
 * How a schema is applied, one shared ajv instance each:
 * - `coerce`: params, query and headers arrive as strings, so "42" becomes 42 for an integer and a
 *   single query value fits an array schema; defaults are filled in.
 * - `input`: the body is already typed JSON; nothing is coerced, defaults are filled in.
 * - `output`: responses are checked as returned; nothing is changed.
 */
export type ValidationMode = 'coerce' | 'input' | 'output';

const modeOptions: Record<ValidationMode, Options> = {
  coerce: { coerceTypes: 'array', useDefaults: true },
  input: { useDefaults: true },
  output: {},
};

// OpenAPI 3.0 annotations that may sit in a schema meant for docs too; ajv's strict mode would
// reject them as unknown keywords. Typos of real keywords (`minLenght`) are still rejected.
const OPENAPI_ANNOTATIONS = ['example', 'xml', 'externalDocs', 'discriminator'];

const instances = new Map<ValidationMode, Ajv>();

export function sharedAjv(mode: ValidationMode): Ajv {
  let ajv = instances.get(mode);
  if (ajv === undefined) {
    // Required here, not at import: ajv (~60 files) loads only in apps that declare a schema.
    const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
    ajv = new AjvClass({
      ...modeOptions[mode],
      allErrors: true,
      // Errors then carry their schema, which the messages need (e.g. the values of a union).
      verbose: true,
      // Both only log: TypeBox unions and tuples are valid schemas that trip them.
      strictTypes: false,
      strictTuples: false,
    });
    ajv.addVocabulary(OPENAPI_ANNOTATIONS);
    installFormats(ajv);
    instances.set(mode, ajv);
  }
  return ajv;
}
