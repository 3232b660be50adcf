import 'reflect-metadata';
import { Reflector } from '../../src/enhancers/reflector';
import { SetMetadata } from '../../src/enhancers/set-metadata.decorator';

const Roles = Reflector.createDecorator<string[]>();
const Weighted = Reflector.createDecorator<number, { weight: number }>({ transform: (weight) => ({ weight }) });

@Roles(['user'])
@SetMetadata('config', { a: 1, shared: 'class' })
class Base {
  @Roles(['admin'])
  @SetMetadata('config', { b: 2, shared: 'method' })
  @Weighted(3)
  handler() {}

  plain() {}
}

class Derived extends Base {}

describe('Reflector', () => {
  const reflector = new Reflector();
  const handler = Base.prototype.handler;

  it('reads decorator values by decorator or by key, with transforms', () => {
    expect(reflector.get(Roles, handler)).toEqual(['admin']);
    expect(reflector.get(Weighted, handler)).toEqual({ weight: 3 });
    expect(reflector.get('config', Base)).toEqual({ a: 1, shared: 'class' });
    expect(reflector.get(Roles, Base.prototype.plain)).toBeUndefined();
  });

  it('getAllAndOverride: the first target that has a value wins', () => {
    expect(reflector.getAllAndOverride(Roles, [handler, Base])).toEqual(['admin']);
    expect(reflector.getAllAndOverride(Roles, [Base.prototype.plain, Base])).toEqual(['user']);
  });

  it('getAllAndMerge: arrays concatenate, objects merge with the first target winning', () => {
    expect(reflector.getAllAndMerge(Roles, [Base, handler])).toEqual(['user', 'admin']);
    expect(reflector.getAllAndMerge('config', [handler, Base])).toEqual({ a: 1, b: 2, shared: 'method' });
    expect(reflector.getAll(Roles, [handler, Base.prototype.plain])).toEqual([['admin'], undefined]);
  });

  it('class metadata is inherited by subclasses (reflect-metadata walks the prototype chain)', () => {
    expect(reflector.get(Roles, Derived)).toEqual(['user']);
    expect(reflector.get(Roles, Derived.prototype.handler)).toEqual(['admin']);
  });
});
