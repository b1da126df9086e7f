/**
 * Searches everything React holds for a rendered tree (every fiber's props and hook state,
 * deeply) for a string. Used to prove a secret is not kept in React state or props.
 */
export function reactTreeContains(container: HTMLElement, needle: string): boolean {
  const start = firstFiber(container);
  if (!start) throw new Error('No React fiber under this container; is it rendered?');
  let root = start;
  while (root.return) root = root.return;
  const seen = new Set<unknown>();
  const stack: Fiber[] = [root];
  while (stack.length > 0) {
    const fiber = stack.pop()!;
    if (valueContains(fiber.memoizedProps, needle, seen) || hooksContain(fiber.memoizedState, needle, seen))
      return true;
    if (fiber.child) stack.push(fiber.child);
    if (fiber.sibling) stack.push(fiber.sibling);
  }
  return false;
}

interface Fiber {
  return: Fiber | null;
  child: Fiber | null;
  sibling: Fiber | null;
  memoizedProps: unknown;
  memoizedState: unknown;
}

function firstFiber(container: HTMLElement): Fiber | undefined {
  for (const node of [container, ...container.querySelectorAll('*')]) {
    const key = Object.keys(node).find((k) => k.startsWith('__reactFiber$'));
    if (key) return (node as unknown as Record<string, Fiber>)[key];
  }
  return undefined;
}

function hooksContain(state: unknown, needle: string, seen: Set<unknown>): boolean {
  // Function components keep hooks as a linked list of { memoizedState, next }.
  let hook = state as { memoizedState?: unknown; next?: unknown } | null;
  while (hook && typeof hook === 'object' && 'next' in hook) {
    if (valueContains(hook.memoizedState, needle, seen)) return true;
    hook = hook.next as typeof hook;
  }
  return valueContains(state, needle, seen);
}

function valueContains(value: unknown, needle: string, seen: Set<unknown>, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (value === null || typeof value !== 'object' || depth > 12 || seen.has(value)) return false;
  if (typeof Node !== 'undefined' && value instanceof Node) return false; // the DOM is checked on its own
  seen.add(value);
  if (value instanceof Map || value instanceof Set) {
    return [...value].some((entry) => valueContains(entry, needle, seen, depth + 1));
  }
  return Object.keys(value).some(
    (key) =>
      key !== '_owner' &&
      key !== 'return' &&
      valueContains((value as Record<string, unknown>)[key], needle, seen, depth + 1),
  );
}
