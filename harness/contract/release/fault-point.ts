/**
 * Crash points of the store writers, for the tests that kill a release part way: when the
 * environment variable UAPI_STORE_FAULT names a point, the process kills itself there with SIGKILL
 * (no clean-up runs, exactly as `kill -9` or a power cut would leave things). Unset, nothing happens.
 */
export type FaultPoint = 'locked' | 'staged' | 'sealed' | 'replaced' | 'manifest-written';

export function faultPoint(point: FaultPoint): void {
  if (process.env['UAPI_STORE_FAULT'] === point) process.kill(process.pid, 'SIGKILL');
}
