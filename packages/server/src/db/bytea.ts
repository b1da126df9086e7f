import { customType } from 'drizzle-orm/pg-core';

/**
 * Postgres `bytea` as a Buffer. node-postgres returns Buffers and PGlite returns Uint8Arrays, so
 * reads are normalised to a Buffer either way.
 */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});
