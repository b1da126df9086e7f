// React's runtime API through one module of ours, for the library build only: vite.config.ts
// resolves the parts' `import ... from 'react'` here, so an app's bundler writes one import of
// "react" for the whole kit instead of one per part. Source files import from 'react' as usual
// (the hooks lint needs that to recognise refs and state).
export {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
