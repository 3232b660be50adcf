import type { Binding, LinkedDependency } from './binding';
import { circularDependencyMessage, cycleNames, transientCycleMessage, type CycleStep } from './dependency-messages';
import { CircularDependencyError } from './errors';
import { Scope } from './scope';

function linksOf(binding: Binding): LinkedDependency[] {
  return binding.properties.length ? [...binding.deps, ...binding.properties] : binding.deps;
}

/**
 * Scope bubbles up as in NestJS: anything that depends, directly or not, on a REQUEST-scoped provider
 * (or on REQUEST itself) needs one instance per request too.
 */
export function propagateRequestScope(bindings: readonly Binding[]): void {
  const consumers = new Map<Binding, Binding[]>();
  const queue: Binding[] = [];
  for (const binding of bindings) {
    binding.isTreeStatic = binding.scope !== Scope.REQUEST;
    if (!binding.isTreeStatic) queue.push(binding);
    for (const dependency of linksOf(binding)) {
      if (!dependency.target) continue;
      const list = consumers.get(dependency.target);
      if (list) list.push(binding);
      else consumers.set(dependency.target, [binding]);
    }
  }
  while (queue.length) {
    for (const consumer of consumers.get(queue.pop()!) ?? []) {
      if (consumer.isTreeStatic) {
        consumer.isTreeStatic = false;
        queue.push(consumer);
      }
    }
  }
}

/** For a binding outside the boot graph (enhancer, ModuleRef.create()): its dependencies are already analysed. */
export function computeStaticness(binding: Binding): void {
  binding.isTreeStatic = binding.scope !== Scope.REQUEST && linksOf(binding).every((dependency) => !dependency.target || dependency.target.isTreeStatic);
}

/**
 * Rejects cycles that forwardRef() does not break, and marks the forwardRef() steps that do break one:
 * those hand out a placeholder of their target instead of waiting for it.
 */
export function analyzeCycles(bindings: readonly Binding[]): void {
  for (const component of cyclicComponents(bindings)) {
    const members = new Set(component);
    for (const binding of component) {
      for (const dependency of linksOf(binding)) {
        // Only a class can be handed out before it is built (as an object with its prototype).
        if (dependency.forward && dependency.target && members.has(dependency.target) && dependency.target.kind === 'class') {
          dependency.breaksCycle = true;
        }
      }
    }
    const unbroken = findCycle(component, members, (dependency) => !dependency.breaksCycle);
    if (unbroken) throw new CircularDependencyError(circularDependencyMessage(unbroken), cycleNames(unbroken));
    const transients = new Set(component.filter((binding) => binding.scope === Scope.TRANSIENT));
    const endless = findCycle([...transients], transients, () => true);
    if (endless) throw new CircularDependencyError(transientCycleMessage(endless), cycleNames(endless));
  }
}

/** Tarjan's strongly connected components, keeping only those that contain a cycle. */
function cyclicComponents(bindings: readonly Binding[]): Binding[][] {
  const index = new Map<Binding, number>();
  const lowLink = new Map<Binding, number>();
  const onStack = new Set<Binding>();
  const stack: Binding[] = [];
  const components: Binding[][] = [];
  let counter = 0;

  const visit = (binding: Binding): void => {
    index.set(binding, counter);
    lowLink.set(binding, counter);
    counter++;
    stack.push(binding);
    onStack.add(binding);
    for (const { target } of linksOf(binding)) {
      if (!target) continue;
      if (!index.has(target)) {
        visit(target);
        lowLink.set(binding, Math.min(lowLink.get(binding)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(binding, Math.min(lowLink.get(binding)!, index.get(target)!));
      }
    }
    if (lowLink.get(binding) !== index.get(binding)) return;
    const component: Binding[] = [];
    let member: Binding;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== binding);
    const selfLoop = component.length === 1 && linksOf(binding).some((dependency) => dependency.target === binding);
    if (component.length > 1 || selfLoop) components.push(component.reverse());
  };

  for (const binding of bindings) if (!index.has(binding)) visit(binding);
  return components;
}

/** A cycle among `members` using only the dependencies `follow` accepts, as steps; undefined when there is none. */
function findCycle(start: readonly Binding[], members: ReadonlySet<Binding>, follow: (dependency: LinkedDependency) => boolean): CycleStep[] | undefined {
  const done = new Set<Binding>();
  const path: CycleStep[] = [];
  const onPath = new Set<Binding>();

  const visit = (binding: Binding): CycleStep[] | undefined => {
    onPath.add(binding);
    for (const dependency of linksOf(binding)) {
      const target = dependency.target;
      if (!target || !members.has(target) || !follow(dependency)) continue;
      path.push({ from: binding, to: target, position: dependency.position });
      if (onPath.has(target)) return path.slice(path.findIndex((step) => step.from === target));
      if (!done.has(target)) {
        const cycle = visit(target);
        if (cycle) return cycle;
      }
      path.pop();
    }
    onPath.delete(binding);
    done.add(binding);
    return undefined;
  };

  for (const binding of start) {
    if (done.has(binding)) continue;
    const cycle = visit(binding);
    if (cycle) return cycle;
  }
  return undefined;
}
