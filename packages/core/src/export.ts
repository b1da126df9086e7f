/**
 * `@backup-kit/core/export`: exporting the wallet's private keys (eject) as a flow. Its own entry,
 * as in @backup-kit/react; its flow is a lazy chunk like the main entry's flows.
 */
export type { ExportFlow, ExportFlowOptions, ExportSnapshot, ExportState } from './export/export-flow.js';
export { createExportFlow } from './export/lazy-export-flow.js';
