import { ArmatureContainer, type ContainerOptions, type ModuleImport } from '../../src/di';

/** The error a boot fails with; fails the test when the boot succeeds. */
export async function bootError<E extends Error = Error>(root: ModuleImport, options?: ContainerOptions): Promise<E> {
  try {
    await ArmatureContainer.create(root, options);
  } catch (error) {
    return error as E;
  }
  throw new Error('Expected ArmatureContainer.create() to fail, but it booted.');
}
