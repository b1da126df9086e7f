import { useCallback, type Ref, type RefCallback } from 'react';

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/** One callback ref that feeds the app's ref and ours. */
export function useComposedRefs<T>(theirs: Ref<T> | undefined, ours: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      setRef(theirs, node);
      setRef(ours, node);
    },
    [theirs, ours],
  );
}
