import { codecFor } from '../core/codec';
import { formatIssue } from '../core/diagnostics';
import { layoutEngine } from '../core/layout/engine';
import { ioctlViews } from '../core/layout/spec-layout';
import { NativeProcess } from '../userspace/native/native-process';
import { spec } from '../../specs/userfaultfd/spec';

/**
 * A userfaultfd in a fresh native executor, driven with the userfaultfd spec's own request numbers
 * and struct codecs (what a C program gets from linux/userfaultfd.h): for the kernel tests of the
 * native backend and its benchmark. Throws on what a test cannot go on without (tests only).
 */

export const USERFAULTFD_NODE = '/dev/userfaultfd';
export const UFFD_API = 0xaan;
export const UFFDIO_REGISTER_MODE_MISSING = 1n;
const O_CLOEXEC = 0o2000000;

export function startNative(opTimeoutSeconds?: number): NativeProcess {
  const s = NativeProcess.start({ allow: [USERFAULTFD_NODE], ...(opTimeoutSeconds !== undefined ? { opTimeoutSeconds } : {}) });
  if (!s.ok) throw new Error(s.issues.map(formatIssue).join('\n'));
  return s.process;
}

/** Why the kernel tests cannot run here (the node cannot be opened), with the errno; undefined when they can. */
export function userfaultfdUnavailable(): { why: string; errno: number } | undefined {
  const p = startNative();
  try {
    const fd = p.open(USERFAULTFD_NODE);
    return fd.ok ? undefined : { why: `${USERFAULTFD_NODE} cannot be opened (errno ${fd.errno}): no kernel proof on this machine`, errno: fd.errno };
  } finally {
    p.exit();
  }
}

export interface CallOutcome {
  readonly errno: number;
  readonly value: number;
  /** The struct as it is in memory after the call (decoded with the spec's layout). */
  readonly after: Record<string, unknown>;
}

export class UserfaultfdSession {
  readonly p: NativeProcess;
  /** The descriptor of /dev/userfaultfd. */
  readonly dev: number;
  /** The userfaultfd USERFAULTFD_IOC_NEW returned. */
  readonly fd: number;
  /** A page for ioctl arguments, between guard pages. */
  readonly arg: number;
  private readonly requests: ReadonlyMap<string, number>;

  constructor(opTimeoutSeconds?: number) {
    this.p = startNative(opTimeoutSeconds);
    this.requests = new Map(ioctlViews(spec, layoutEngine(spec, this.p.abi)).map((v) => [v.name, v.request]));
    const dev = this.p.open(USERFAULTFD_NODE);
    if (!dev.ok) throw new Error(`open ${USERFAULTFD_NODE}: errno ${dev.errno}`);
    this.dev = dev.value;
    const fd = this.p.ioctl(this.dev, this.request('USERFAULTFD_IOC_NEW'), O_CLOEXEC);
    if (fd.errno !== 0) throw new Error(`USERFAULTFD_IOC_NEW: errno ${fd.errno}`);
    this.fd = fd.value;
    const arg = this.p.map(this.p.pageSize);
    if (!arg.ok) throw new Error(`map: errno ${arg.errno}`);
    this.arg = arg.value;
  }

  /** The request number of one of the spec's ioctls on this process's ABI. */
  request(name: string): number {
    const r = this.requests.get(name);
    if (r === undefined) throw new Error(`no ioctl ${name} in specs/userfaultfd`);
    return r;
  }

  /** Writes `value` as `type` at `at` (default: the argument page), calls `ioctl`, decodes what is there after. */
  call(ioctl: string, type: string, value: Record<string, unknown>, at = this.arg): CallOutcome {
    const codec = codecFor<Record<string, unknown>>(spec, this.p.abi, type);
    if (codec === undefined) throw new Error(`no type ${type} in specs/userfaultfd`);
    const bytes = codec.encode(value as never);
    if (!bytes.ok) throw new Error(`cannot encode ${type}: ${bytes.error.message}`);
    const w = this.p.write(at, bytes.value);
    if (w !== 0) throw new Error(`write: errno ${w}`);
    const r = this.p.ioctl(this.fd, this.request(ioctl), at);
    const back = this.p.read(at, codec.size);
    const decoded = back.ok ? codec.decode(back.value) : undefined;
    return { ...r, after: decoded?.ok === true ? decoded.value : {} };
  }

  /** UFFDIO_API with UFFD_API and no feature: its errno. */
  handshake(): number {
    return this.call('UFFDIO_API', 'uffdio_api', { api: UFFD_API, features: 0n, ioctls: 0n }).errno;
  }

  /** A mapping of `pages` pages registered in MISSING mode: its address. */
  registered(pages: number): number {
    const m = this.p.map(pages * this.p.pageSize);
    if (!m.ok) throw new Error(`map: errno ${m.errno}`);
    const r = this.call('UFFDIO_REGISTER', 'uffdio_register', { range: { start: BigInt(m.value), len: BigInt(pages * this.p.pageSize) }, mode: UFFDIO_REGISTER_MODE_MISSING });
    if (r.errno !== 0) throw new Error(`UFFDIO_REGISTER: errno ${r.errno}`);
    return m.value;
  }

  close(): void {
    this.p.exit();
  }
}
