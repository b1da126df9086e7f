/**
 * `@backup-kit/core/export`: exporting the wallet's private keys (eject) as a flow. Its own entry,
 * as in @backup-kit/react: it calls Portal through the facade, which the main entry keeps out of
 * apps' eager code (see portal.ts).
 */
export {
  createExportFlow,
  type ExportFlow,
  type ExportFlowOptions,
  type ExportSnapshot,
  type ExportState,
} from './export/export-flow.js';
