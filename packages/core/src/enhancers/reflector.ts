import { Injectable } from '../di';
import { SetMetadata } from './set-metadata.decorator';

type MetadataTarget = object | undefined;

/** A typed decorator made by `Reflector.createDecorator()`; pass it to `reflector.get()`. */
export interface ReflectableDecorator<TParam, TTransformed = TParam> {
  (options?: TParam): ClassDecorator & MethodDecorator;
  readonly KEY: string;
  readonly __transformed?: TTransformed;
}

let decoratorCount = 0;

/** Reads metadata set by `SetMetadata` or `Reflector.createDecorator` decorators (NestJS's `Reflector`). */
@Injectable()
export class Reflector {
  static createDecorator<TParam, TTransformed = TParam>(options: { key?: string; transform?: (value: TParam) => TTransformed } = {}): ReflectableDecorator<TParam, TTransformed> {
    const key = options.key ?? `armature:reflectable:${++decoratorCount}`;
    const decorator = ((value?: TParam) => SetMetadata(key, options.transform ? options.transform(value as TParam) : value)) as ReflectableDecorator<TParam, TTransformed>;
    Object.defineProperty(decorator, 'KEY', { value: key });
    return decorator;
  }

  get<T = any>(keyOrDecorator: string | symbol | ReflectableDecorator<any, T>, target: MetadataTarget): T {
    if (target === undefined) return undefined as T;
    return Reflect.getMetadata(keyOf(keyOrDecorator), target) as T;
  }

  /** The value on each target, in order (undefined where absent). */
  getAll<T extends unknown[] = any[]>(keyOrDecorator: string | symbol | ReflectableDecorator<any>, targets: MetadataTarget[]): T {
    return targets.map((target) => this.get(keyOrDecorator as string, target)) as T;
  }

  /** Arrays concatenated, objects merged; the first defined value alone otherwise. */
  getAllAndMerge<T = any>(keyOrDecorator: string | symbol | ReflectableDecorator<any>, targets: MetadataTarget[]): T {
    const values = this.getAll(keyOrDecorator, targets).filter((v) => v !== undefined);
    if (values.length === 0) return undefined as T;
    if (values.every((v) => Array.isArray(v))) return values.flat() as T;
    if (values.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) return Object.assign({}, ...values.reverse()) as T;
    return (values.length === 1 ? values[0] : values.flatMap((v) => (Array.isArray(v) ? v : [v]))) as T;
  }

  /** The first target's value, else the next one's (handler overrides class). */
  getAllAndOverride<T = any>(keyOrDecorator: string | symbol | ReflectableDecorator<any>, targets: MetadataTarget[]): T {
    for (const target of targets) {
      const value = this.get(keyOrDecorator as string, target);
      if (value !== undefined) return value as T;
    }
    return undefined as T;
  }
}

function keyOf(keyOrDecorator: string | symbol | ReflectableDecorator<any>): string | symbol {
  return typeof keyOrDecorator === 'function' ? keyOrDecorator.KEY : keyOrDecorator;
}
