import 'reflect-metadata';
import { OPTIONAL_PARAMS_METADATA } from '../metadata-keys';
import { updatePropertyDependency } from './property-dependencies';

/** Injects `undefined` (parameter) or leaves the property unset when nothing visible provides the token. */
export function Optional(): PropertyDecorator & ParameterDecorator {
  return (target: object, key: string | symbol | undefined, index?: number) => {
    if (typeof index === 'number') {
      if (key !== undefined) {
        const owner = (target as { constructor: Function }).constructor.name;
        throw new TypeError(`@Optional() works on constructor parameters and properties, not on the parameters of ${owner}.${String(key)}().`);
      }
      const type = target as Function;
      const indexes = (Reflect.getOwnMetadata(OPTIONAL_PARAMS_METADATA, type) as number[] | undefined) ?? [];
      Reflect.defineMetadata(OPTIONAL_PARAMS_METADATA, [...indexes, index], type);
      return;
    }
    if (key === undefined) throw new TypeError('@Optional() must decorate a constructor parameter or a property.');
    updatePropertyDependency((target as { constructor: Function }).constructor, key, { optional: true });
  };
}
