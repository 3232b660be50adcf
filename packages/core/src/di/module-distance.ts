import type { ModuleNode } from './module-node';

/**
 * Depth along explicit imports, root = 0; a module reachable at several depths takes the deepest, so lifecycle
 * hooks run on a module after every module it imports. Import cycles (forwardRef) are not followed back.
 */
export function assignDistances(root: ModuleNode, nodes: readonly ModuleNode[]): void {
  for (const node of nodes) node.distance = -1;
  const onPath = new Set<ModuleNode>();
  const visit = (node: ModuleNode, distance: number): void => {
    node.distance = distance;
    onPath.add(node);
    for (const imported of node.imports) {
      if (!onPath.has(imported) && imported.distance < distance + 1) visit(imported, distance + 1);
    }
    onPath.delete(node);
  };
  visit(root, 0);
}

/** Deepest first, root last; ties keep scan order (NestJS sorts the same way). */
export function orderForLifecycle(nodes: readonly ModuleNode[]): ModuleNode[] {
  return [...nodes].sort((a, b) => b.distance - a.distance);
}
