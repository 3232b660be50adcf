import {
  ArmatureContainer,
  CircularDependencyError,
  Inject,
  Injectable,
  Module,
  Scope,
  createContextId,
  forwardRef,
} from '../../src/di';
import { bootError } from './boot-error';

// Declared in both orders with forwardRef() on both sides, as NestJS requires.
@Injectable()
class CatsService {
  readonly kind = 'cats';
  constructor(@Inject(forwardRef(() => DogsService)) readonly dogs: { kind: string; cats: CatsService }) {}
}

@Injectable()
class DogsService {
  readonly kind = 'dogs';
  constructor(@Inject(forwardRef(() => CatsService)) readonly cats: CatsService) {}
}

describe('circular dependencies', () => {
  it('wires two providers that forwardRef each other, each holding the other’s real instance', async () => {
    @Module({ providers: [CatsService, DogsService] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    const cats = app.get(CatsService);
    const dogs = app.get(DogsService);
    expect(cats.dogs).toBe(dogs);
    expect(dogs.cats).toBe(cats);
    expect(cats.dogs.kind).toBe('dogs');
    expect(dogs.cats.kind).toBe('cats');
    expect(dogs).toBeInstanceOf(DogsService);
  });

  it('resolves the same cycle per request context', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class Left {
      constructor(@Inject(forwardRef(() => Right)) readonly right: { left: unknown }) {}
    }
    @Injectable({ scope: Scope.REQUEST })
    class Right {
      constructor(@Inject(forwardRef(() => Left)) readonly left: Left) {}
    }
    @Module({ providers: [Left, Right] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    const context = createContextId();
    const left = await app.root.resolvePerContext(Left, context, {});
    const right = await app.resolve(Right, context);
    expect(left.right).toBe(right);
    expect(right.left).toBe(left);
    const other = await app.root.resolvePerContext(Left, createContextId(), {});
    expect(other).not.toBe(left);
  });

  it('breaks a cycle through a property with forwardRef()', async () => {
    @Injectable()
    class Parent {
      @Inject(forwardRef(() => Child)) readonly child!: { parent: Parent };
    }
    @Injectable()
    class Child {
      constructor(@Inject(forwardRef(() => Parent)) readonly parent: Parent) {}
    }
    @Module({ providers: [Parent, Child] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Parent).child).toBe(app.get(Child));
    expect(app.get(Child).parent).toBe(app.get(Parent));
  });

  it('reports a cycle without forwardRef(), showing the path and what to wrap', async () => {
    @Injectable()
    class A {
      constructor(@Inject('B') readonly b: unknown) {}
    }
    @Injectable()
    class B {
      constructor(@Inject('C') readonly c: unknown) {}
    }
    @Injectable()
    class C {
      constructor(readonly a: A) {}
    }
    @Module({ providers: [A, { provide: 'B', useClass: B }, { provide: 'C', useClass: C }] })
    class CycleModule {}

    const creation = ArmatureContainer.create(CycleModule);
    await expect(creation).rejects.toThrow(CircularDependencyError);
    const error = await bootError<CircularDependencyError>(CycleModule);
    expect(error.message).toContain('Armature found a circular dependency: A -> B -> C -> A.');
    expect(error.message).toContain('A: @Inject(forwardRef(() => B)) on the constructor parameter at index [0]');
    expect(error.message).toContain('C: @Inject(forwardRef(() => A)) on the constructor parameter at index [0]');
    expect(error.cycle).toEqual(['A', 'B', 'C', 'A']);
  });

  it('breaks a cycle through a factory when the factory forwardRefs the class', async () => {
    @Injectable()
    class Engine {
      constructor(@Inject('WHEELS') readonly wheels: { engine: Engine }) {}
    }
    @Module({
      providers: [Engine, { provide: 'WHEELS', inject: [forwardRef(() => Engine)], useFactory: (engine: Engine) => ({ engine }) }],
    })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Engine).wheels.engine).toBe(app.get(Engine));
    expect(app.get(Engine).wheels.engine.wheels).toBe(app.get('WHEELS'));
  });

  it('reports a provider that depends on itself', async () => {
    @Injectable()
    class Selfish {
      constructor(@Inject('SELF') readonly self: unknown) {}
    }
    @Module({ providers: [{ provide: 'SELF', useClass: Selfish }] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow('circular dependency: Selfish -> Selfish');
  });

  it('reports a cycle between transient providers even with forwardRef()', async () => {
    @Injectable({ scope: Scope.TRANSIENT })
    class Ping {
      constructor(@Inject(forwardRef(() => Pong)) readonly pong: unknown) {}
    }
    @Injectable({ scope: Scope.TRANSIENT })
    class Pong {
      constructor(@Inject(forwardRef(() => Ping)) readonly ping: unknown) {}
    }
    @Module({ providers: [Ping, Pong] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(/between TRANSIENT providers: (Ping -> Pong -> Ping|Pong -> Ping -> Pong)/);
  });

  it('reports a cycle of useExisting aliases', async () => {
    @Module({ providers: [{ provide: 'A', useExisting: 'B' }, { provide: 'B', useExisting: 'A' }] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(/cycle of useExisting aliases: (A -> B -> A|B -> A -> B)/);
  });

  it('imports modules that import each other through forwardRef()', async () => {
    @Injectable()
    class OwnersService {
      constructor(@Inject(forwardRef(() => PetsService)) readonly pets: { owners: unknown }) {}
    }
    @Module({ imports: [forwardRef(() => PetsModule)], providers: [OwnersService], exports: [OwnersService] })
    class OwnersModule {}
    @Injectable()
    class PetsService {
      constructor(@Inject(forwardRef(() => OwnersService)) readonly owners: OwnersService) {}
    }
    @Module({ imports: [forwardRef(() => OwnersModule)], providers: [PetsService], exports: [PetsService] })
    class PetsModule {}
    @Module({ imports: [OwnersModule] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(OwnersService).pets).toBe(app.get(PetsService));
    expect(app.get(PetsService).owners).toBe(app.get(OwnersService));
    expect(app.modules.map((module) => module.name)).toEqual(['PetsModule', 'OwnersModule', 'AppModule']);
  });
});
