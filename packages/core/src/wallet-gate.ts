/**
 * `@backup-kit/core/wallet-gate`: the wallet's lifecycle as a store (no wallet → create, not on
 * this device → recover, on it). Its own entry, as in @backup-kit/react: it calls Portal through
 * the facade, which the main entry keeps out of apps' eager code (see portal.ts).
 */
export {
  createWalletGateStore,
  type WalletGateSnapshot,
  type WalletGateState,
  type WalletGateStore,
} from './wallet-gate/wallet-gate-store.js';
