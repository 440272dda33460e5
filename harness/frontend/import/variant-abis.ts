import { ABIS, type Abi } from '../../core/layout/abi';

/**
 * Every ABI a target-dependent header is preprocessed for (the eight, and the extras by name). In a
 * file of its own so that the value analysis (value-hint.ts) can read it without importing the probe
 * runner, which imports the analysis back (a run-time import cycle).
 */
export const VARIANT_ABIS: readonly Abi[] = ABIS;
