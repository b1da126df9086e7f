// The JSX runtime, through one module of ours: the library build compiles JSX against it (see
// vite.config.ts), so an app's bundler writes one import of react/jsx-runtime, not one per part.
export { Fragment, jsx, jsxs } from 'react/jsx-runtime';
