/**
 * `@backup-kit/core/wallet-gate`: the wallet's lifecycle as a store (no wallet → create, not on
 * this device → recover, on it). Its own entry, as in @backup-kit/react: its store is a lazy chunk
 * like the main entry's flows.
 */
export type { WalletGateSnapshot, WalletGateState, WalletGateStore } from './wallet-gate/wallet-gate-store.js';
export { createWalletGateStore } from './wallet-gate/lazy-wallet-gate-store.js';
