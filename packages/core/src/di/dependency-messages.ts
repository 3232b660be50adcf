import type { Binding } from './binding';
import { scopeLine } from './provider-normalizer';

/** Where a dependency is declared, for messages: a parameter index, or a property name. */
export type DependencyPosition = number | string | symbol;

/** `(?, ConfigService)`: the consumer's arguments with the failing one marked, as NestJS prints them. */
function argumentList(argumentNames: readonly string[], failing: DependencyPosition): string {
  return `(${argumentNames.map((name, index) => (index === failing ? '?' : name)).join(', ')})`;
}

function consumerHead(consumer: Binding, argumentNames: readonly string[], position: DependencyPosition): string {
  const args = typeof position === 'number' ? ` ${argumentList(argumentNames, position)}` : '';
  return `Armature can't resolve dependencies of the ${consumer.name}${args}.`;
}

function whatIsMissing(position: DependencyPosition, dependencyName: string): string {
  return typeof position === 'number'
    ? `the argument "${dependencyName}" at index [${position}]`
    : `the property "${String(position)}" ("${dependencyName}")`;
}

export function unknownDependencyMessage(
  consumer: Binding,
  argumentNames: readonly string[],
  position: DependencyPosition,
  dependencyName: string,
  hints: readonly string[],
): string {
  const moduleName = consumer.host!.name;
  const solutions = hints.length
    ? hints
    : [
        `If "${dependencyName}" is a provider, is it part of the current ${moduleName}?`,
        `If "${dependencyName}" is exported from a separate @Module, is that module imported within ${moduleName}?\n` +
          `  @Module({\n    imports: [ /* the Module containing "${dependencyName}" */ ]\n  })`,
        `If it is not always there, mark it @Optional().`,
      ];
  return (
    `${consumerHead(consumer, argumentNames, position)} Please make sure that ${whatIsMissing(position, dependencyName)} ` +
    `is available in the ${moduleName} context.\n\n` +
    `Potential solutions:\n${solutions.map((line) => `- ${line}`).join('\n')}` +
    scopeLine(consumer.host!)
  );
}

export function undefinedDependencyMessage(consumer: Binding, argumentNames: readonly string[], position: DependencyPosition, viaForwardRef: boolean): string {
  const where = typeof position === 'number' ? `The dependency at index [${position}]` : `The dependency of the property "${String(position)}"`;
  const cause = viaForwardRef
    ? `- Its forwardRef(() => X) returned undefined: X is not exported from the file it is imported from, or is misspelled.`
    : `- A circular file import: the class was not yet defined when ${consumer.name} was decorated. ` +
      `Use @Inject(forwardRef(() => TheClass)) there, or move the class so the files no longer import each other.\n` +
      `- @Inject() received an undefined token: check the import of that constant.`;
  return (
    `${consumerHead(consumer, argumentNames, position)} ${where} is undefined in the ${consumer.host!.name} context.\n\n` +
    `Potential causes:\n${cause}` +
    scopeLine(consumer.host!)
  );
}

/** One step of a dependency cycle: `from` needs `to` through the dependency declared at `position`. */
export interface CycleStep {
  from: Binding;
  to: Binding;
  position: DependencyPosition;
}

function forwardRefAdvice(step: CycleStep): string {
  const wrapped = `forwardRef(() => ${step.to.name})`;
  if (step.from.kind === 'factory') return `${step.from.name} (factory): ${wrapped} in its inject array`;
  const where =
    typeof step.position === 'number' ? `on the constructor parameter at index [${step.position}]` : `on the property "${String(step.position)}"`;
  return `${step.from.name}: @Inject(${wrapped}) ${where}`;
}

export function cycleNames(steps: readonly CycleStep[]): string[] {
  return [...steps.map((step) => step.from.name), steps[0].from.name];
}

export function circularDependencyMessage(steps: readonly CycleStep[]): string {
  const deferrable = steps.filter((step) => step.to.kind === 'class');
  const notDeferrable = steps.filter((step) => step.to.kind !== 'class');
  const advice = [`Remove the cycle: move what they share into a third provider that both inject.`];
  if (deferrable.length) {
    advice.push(
      (notDeferrable.length
        ? `Or wrap the steps that can be deferred in forwardRef():\n`
        : `Or wrap every step of the cycle in forwardRef() (both sides, as NestJS requires):\n`) +
        deferrable.map((step) => `  - ${forwardRefAdvice(step)}`).join('\n'),
    );
  }
  if (notDeferrable.length) {
    advice.push(
      `forwardRef() cannot defer ${notDeferrable.map((step) => `${step.to.name} (a ${step.to.kind} provider)`).join(', ')}: ` +
        `only class providers can be handed out before they are built.`,
    );
  }
  return (
    `Armature found a circular dependency: ${cycleNames(steps).join(' -> ')}. None of them can be built before the others.\n\n` +
    `Potential solutions:\n${advice.map((line) => `- ${line}`).join('\n')}` +
    scopeLine(steps[0].from.host!)
  );
}

export function transientCycleMessage(steps: readonly CycleStep[]): string {
  return (
    `Armature found a circular dependency between TRANSIENT providers: ${cycleNames(steps).join(' -> ')}. ` +
    `Each consumer gets a new instance of a transient provider, so this cycle would create instances forever, forwardRef() or not.\n\n` +
    `Potential solutions:\n- Make one of them DEFAULT (singleton) or REQUEST scoped, or remove the cycle.` +
    scopeLine(steps[0].from.host!)
  );
}
