import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait for state, not for time: on a loaded CI machine the lazy chunks
// (passkey option checks, tldts) can take longer than the default second to load.
configure({ asyncUtilTimeout: 5000 });
