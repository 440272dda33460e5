import { E } from '../../../core/boundary/errno';
import type { Errno, IoctlOutcome, MapRequest, Process, SysResult } from '../../../core/boundary/process';
import type { NativeProcess } from '../../../userspace/native/native-process';
import type { IoctlCounter } from '../../pbt/world/session-hook';

/** The requests of the open recipe, on the executor's ABI (from the spec, see UserfaultfdRequests). */
export interface UserfaultfdRequests {
  readonly iocNew: number;
  readonly api: number;
  /** Size of struct uffdio_api on this ABI. */
  readonly apiSize: number;
}

const O_CLOEXEC = 0o2000000;
const O_NONBLOCK = 0o4000;
const UFFD_API = 0xaan;

/**
 * A real process (a native executor) in which `open` of the recipe's node is what a userfaultfd
 * client does before its first range ioctl: open /dev/userfaultfd, `USERFAULTFD_IOC_NEW` (O_CLOEXEC |
 * O_NONBLOCK: a fault nobody serves never blocks the executor) gives the userfaultfd, the node's own
 * descriptor is closed, and the `UFFDIO_API` handshake (UFFD_API, no feature) is made once; the
 * userfaultfd is the open file the suite calls. Everything else passes through. Descriptors and
 * mappings are remembered so that a pooled executor starts the next stage clean ({@link reset}).
 */
export class UserfaultfdProcess implements Process {
  readonly backend = 'native' as const;
  private readonly fds = new Set<number>();
  private readonly maps = new Set<number>();

  constructor(readonly native: NativeProcess, private readonly node: string, private readonly requests: UserfaultfdRequests, private readonly counter: IoctlCounter) {}

  get abi(): NativeProcess['abi'] {
    return this.native.abi;
  }

  open(path: string, flags = 0): SysResult<number> {
    const dev = this.native.open(path, flags);
    if (!dev.ok || path !== this.node) return this.track(dev);
    const uffd = this.ioctl(dev.value, this.requests.iocNew, O_CLOEXEC | O_NONBLOCK);
    this.native.close(dev.value);
    if (uffd.errno !== 0) return { ok: false, errno: uffd.errno };
    const arg = this.native.map(this.requests.apiSize);
    if (!arg.ok) return { ok: false, errno: arg.errno };
    const bytes = new Uint8Array(this.requests.apiSize);
    new DataView(bytes.buffer).setBigUint64(0, UFFD_API, true);
    const w = this.native.write(arg.value, bytes);
    const api = w === 0 ? this.ioctl(uffd.value, this.requests.api, arg.value) : { errno: w, value: -1 };
    this.native.unmap(arg.value);
    if (api.errno !== 0) {
      this.native.close(uffd.value);
      return { ok: false, errno: api.errno };
    }
    this.fds.add(uffd.value);
    return { ok: true, value: uffd.value };
  }

  ioctl(fd: number, request: number, arg: bigint | number): IoctlOutcome {
    this.counter.ioctls += 1;
    return this.native.ioctl(fd, request, arg);
  }

  close(fd: number): Errno {
    this.fds.delete(fd);
    return this.native.close(fd);
  }

  map(length: number, request?: MapRequest): SysResult<number> {
    const m = this.native.map(length, request);
    if (m.ok) this.maps.add(m.value);
    return m;
  }

  unmap(address: number): Errno {
    this.maps.delete(address);
    return this.native.unmap(address);
  }

  write(address: number, bytes: Uint8Array): Errno {
    return this.native.write(address, bytes);
  }

  read(address: number, length: number): SysResult<Uint8Array> {
    return this.native.read(address, length);
  }

  /** The executor stays (it is pooled): its files are closed and its mappings unmapped. */
  exit(): void {
    this.reset();
  }

  /** Closes every descriptor and unmaps every mapping this process made; false when the executor is gone. */
  reset(): boolean {
    for (const fd of this.fds) this.native.close(fd);
    for (const a of this.maps) this.native.unmap(a);
    this.fds.clear();
    this.maps.clear();
    return this.native.gone === undefined;
  }

  private track(r: SysResult<number>): SysResult<number> {
    if (r.ok) this.fds.add(r.value);
    return r.ok ? r : { ok: false, errno: r.errno === 0 ? E.EIO : r.errno };
  }
}
