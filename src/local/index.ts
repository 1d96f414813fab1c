// The embedded OpenWhisk's public surface.
export { startLocalWhisk, type LocalWhisk, type LocalWhiskOptions } from './server.js';
export { loadConfigFile, resolveConfig, type LocalWhiskConfig, type ResolvedConfig, type FaultConfig, type StemCellConfig, defaultStemCells } from './config.js';
export { GUEST_KEY, GUEST_NAMESPACE } from './http/auth.js';
export type { ActivationRecord, ActivationSummary } from './store/record.js';
export type { PoolStats } from './invoker/pool.js';
export type { StemCellStats } from './invoker/stem-cells.js';
