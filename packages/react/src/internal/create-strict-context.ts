import { createContext, useContext } from 'react';

/**
 * A context whose reader throws a helpful error when a part is used outside its Root, instead
 * of failing later on an undefined value (Ark's createContext).
 */
export function createStrictContext<T>(rootName: string) {
  const Context = createContext<T | null>(null);
  function useStrictContext(partName: string): T {
    const value = useContext(Context);
    if (value === null) throw new Error(`<${partName}> must be used inside <${rootName}>.`);
    return value;
  }
  return [Context.Provider, useStrictContext] as const;
}
