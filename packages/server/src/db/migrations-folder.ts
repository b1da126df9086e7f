import { fileURLToPath } from 'node:url';

// src/db/ and dist/db/ are both two levels below the package root, where drizzle/ ships.
// Kept in a variable so the bundler leaves this URL alone instead of treating it as an asset.
const relativeToThisModule = '../../drizzle';

export const migrationsFolder = fileURLToPath(new URL(relativeToThisModule, import.meta.url));
