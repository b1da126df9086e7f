import { useState } from 'react';

/**
 * Radix's controlled/uncontrolled pair: with `value` the app owns the state and hears every change
 * through `onChange`; without it the component keeps its own, starting at `defaultValue`.
 */
export function useControllableState<T, D extends T | undefined = T>(
  value: T | undefined,
  defaultValue: D,
  onChange: ((next: T) => void) | undefined,
): [T | D, (next: T) => void] {
  const [own, setOwn] = useState<T | D>(defaultValue);
  const current = value === undefined ? own : value;
  return [
    current,
    (next) => {
      if (next === current) return;
      if (value === undefined) setOwn(next);
      onChange?.(next);
    },
  ];
}
