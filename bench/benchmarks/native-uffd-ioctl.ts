import type { LoadedBenchmark } from '../benchmark';
import { UserfaultfdSession, userfaultfdUnavailable } from '../../harness/testing/userfaultfd-session';

/**
 * Real ioctls per second through the native backend: UFFDIO_WAKE on a registered page of a real
 * userfaultfd (the kernel checks the range and wakes nobody), each call a request to the executor over
 * its FIFOs, the system call, and the answer back. The figure is the backend's round trip, not the
 * driver's cost. Needs /dev/userfaultfd openable (root); otherwise the figure is left out, saying why.
 */
export const nativeUffdIoctlBenchmark: LoadedBenchmark = {
  name: 'native.uffd_wake_ioctl',
  unit: 'ioctls/s',
  description: 'UFFDIO_WAKE on a real userfaultfd through the native executor (Linux, /dev/userfaultfd)',
  load() {
    const unavailable = userfaultfdUnavailable();
    if (unavailable !== undefined) return Promise.resolve(unavailable.why);
    const u = new UserfaultfdSession();
    if (u.handshake() !== 0) {
      u.close();
      return Promise.resolve('UFFDIO_API failed on this kernel');
    }
    const page = u.registered(1);
    const range = u.call('UFFDIO_WAKE', 'uffdio_range', { start: BigInt(page), len: BigInt(u.p.pageSize) });
    if (range.errno !== 0) {
      u.close();
      return Promise.resolve(`UFFDIO_WAKE: errno ${range.errno}`);
    }
    const wake = u.request('UFFDIO_WAKE');
    return Promise.resolve({ run: () => u.p.ioctl(u.fd, wake, u.arg).errno === 0, teardown: () => u.close() });
  },
};
