import 'reflect-metadata';
import { inject } from 'tsyringe';
import { isForwardReference, type ForwardReference } from '../forward-ref';
import type { InjectionToken } from '../injection-token';
import { INJECT_PARAMS_METADATA } from '../metadata-keys';
import { updatePropertyDependency } from './property-dependencies';

type TsyringeToken = Parameters<typeof inject>[0];

/**
 * Says what to inject into a constructor parameter or a property. Without a token, the declared type is used
 * (useful on properties). Accepts `forwardRef(() => X)` for circular file imports and circular dependencies.
 */
export function Inject(token?: InjectionToken | ForwardReference): PropertyDecorator & ParameterDecorator {
  return (target: object, key: string | symbol | undefined, index?: number) => {
    if (typeof index === 'number') {
      if (key !== undefined) {
        const owner = (target as { constructor: Function }).constructor.name;
        throw new TypeError(`@Inject() works on constructor parameters and properties, not on the parameters of ${owner}.${String(key)}().`);
      }
      if (token === undefined) return;
      const type = target as Function;
      const tokens = { ...(Reflect.getOwnMetadata(INJECT_PARAMS_METADATA, type) as Record<number, unknown> | undefined) };
      tokens[index] = token;
      Reflect.defineMetadata(INJECT_PARAMS_METADATA, tokens, type);
      // Mirror plain tokens so a tsyringe container resolves the class the same way.
      if (!isForwardReference(token)) inject(token as TsyringeToken)(type, undefined, index);
      return;
    }
    if (key === undefined) throw new TypeError('@Inject() must decorate a constructor parameter or a property.');
    const declaredType = Reflect.getMetadata('design:type', target, key) as unknown;
    updatePropertyDependency((target as { constructor: Function }).constructor, key, {
      token: token ?? declaredType,
      hasInject: true,
    });
  };
}
