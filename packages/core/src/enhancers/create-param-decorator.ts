import { ROUTE_ARGS_METADATA } from '../decorators/metadata-keys';
import { RouteParamtype, type RouteParamMetadata } from '../decorators/param.decorators';
import type { ExecutionContext, PipeTransform, EnhancerRef } from './interfaces';

export type CustomParamFactory<TData = any, TResult = any> = (data: TData, context: ExecutionContext) => TResult;

/**
 * NestJS's `createParamDecorator`: `const User = createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().user)`,
 * then `@User() user` or `@User('id', SomePipe) id`.
 */
export function createParamDecorator<TData = any, TResult = any>(factory: CustomParamFactory<TData, TResult>) {
  return (data?: TData, ...pipes: Array<EnhancerRef<PipeTransform>>): ParameterDecorator =>
    (target, key, index) => {
      if (key === undefined) return;
      const isPipe = (value: unknown) => typeof value === 'function' || (typeof value === 'object' && value !== null && 'transform' in value);
      // As in NestJS, a pipe given as the first argument is a pipe, not data.
      const [customData, allPipes] = isPipe(data) ? [undefined, [data, ...pipes]] : [data, pipes];
      const list: RouteParamMetadata[] = Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? [];
      const entry: RouteParamMetadata = {
        index,
        type: RouteParamtype.CUSTOM,
        pipes: allPipes,
        factory: factory as RouteParamMetadata['factory'],
        customData,
      };
      Reflect.defineMetadata(ROUTE_ARGS_METADATA, [...list.filter((p) => p.index !== index), entry].sort((a, b) => a.index - b.index), target.constructor, key);
    };
}
