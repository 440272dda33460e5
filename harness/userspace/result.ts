import type { Issue } from '../core/diagnostics/issue';

/**
 * What a runtime call gives: a value, or the errno the kernel returned. A value the library cannot
 * even encode (a field that does not fit) fails with EINVAL and the codec's issue, before any ioctl.
 */
export type RtResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errno: number; readonly issue?: Issue };

export const rtOk = <T>(value: T): RtResult<T> => ({ ok: true, value });
export const rtFail = <T = never>(errno: number, issue?: Issue): RtResult<T> => (issue === undefined ? { ok: false, errno } : { ok: false, errno, issue });
