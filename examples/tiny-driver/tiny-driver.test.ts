/**
 * Bring your own driver: a device under test written the way a vendor would, outside the harness and
 * importing only the package (`uapi-harness` and its DSL entry), plugged into the spec-derived suite.
 * The "driver" is a tiny object store behind one ioctl: create an object (its handle comes back),
 * destroy it, or query it. Its processes implement the `Process` boundary in memory (mappings between
 * guard pages, copy_from_user/copy_to_user that fault on unmapped bytes), the way the native executor
 * does with real system calls.
 */
import test from 'ava';
import { defineSpec, flags, ioctl, struct, u32, u64, values } from 'uapi-harness/dsl';
import {
  E, findAbi, runSuite, System, type Abi, type DeviceInstance, type DeviceUnderTest, type Errno, type IoctlCounter,
  type IoctlOutcome, type MapRequest, type OpenMode, type Process, type RecipeOptions, type Spec, type SysResult,
} from 'uapi-harness';

const tinyOp = values('tiny_op', {
  TINY_OP_CREATE: { value: 0, doc: 'Make an object; its handle comes back in `handle`.' },
  TINY_OP_DESTROY: { value: 1, doc: 'Destroy the object `handle`.' },
  TINY_OP_QUERY: { value: 2, doc: 'The object\'s value in `value`.' },
}, 'Operations of TINY_IOC_OBJ.');
const tinyFlags = flags('tiny_flags', { TINY_F_ZERO: 0x1 }, 'Flags of TINY_IOC_OBJ (TINY_F_ZERO: QUERY answers 0).');
const tiny_obj = struct('tiny_obj', {
  handle: u64.inout().handle('obj'),
  op: u32.in().oneOf('tiny_op'),
  flags: u32.in().flags('tiny_flags'),
  value: u32.out(),
  pad: u32.pad(),
});
const spec = defineSpec({
  name: 'tiny', version: '1.0.0', types: [tiny_obj], constants: [tinyOp, tinyFlags],
  ioctls: [ioctl('TINY_IOC_OBJ', {
    dir: 'rw', type: 'T', nr: 1, arg: tiny_obj, sizeExtensible: true, tail: 'ignore',
    errno: { nonzeroPad: 'EINVAL', unknownFlags: 'EINVAL', badValue: 'EINVAL', staleHandle: 'ENOENT', foreignHandle: 'ENOENT', badPointer: 'EFAULT' },
  })],
});

const NODE = '/dev/tiny0';
const PAGE = 4096;
const STRUCT = 24;

/** The driver: objects per open file, handles from one counter (so a foreign handle is a real one). */
class TinyDevice {
  readonly files = new Map<number, Map<bigint, number>>();
  private nextFile = 1;
  private nextHandle = 0x100n;

  constructor(readonly foreignBug = false) {}

  open(): number {
    this.files.set(this.nextFile, new Map());
    return this.nextFile++;
  }

  /** The ioctl entry: dispatch on type/nr, copy the caller's size in (zero-extended), act, copy back. */
  ioctl(file: number, request: number, arg: number, user: { read(a: number, n: number): Uint8Array | undefined; write(a: number, b: Uint8Array): boolean }): number {
    const objects = this.files.get(file);
    if (objects === undefined) return E.EBADF;
    if (((request >>> 8) & 0xff) !== 0x54 || (request & 0xff) !== 1) return E.ENOTTY;
    const size = Math.min((request >>> 16) & 0x3fff, STRUCT);
    const given = user.read(arg, size);
    if (given === undefined) return E.EFAULT;
    const buf = new Uint8Array(STRUCT);
    buf.set(given);
    const v = new DataView(buf.buffer);
    const [handle, op, flags, pad] = [v.getBigUint64(0, true), v.getUint32(8, true), v.getUint32(12, true), v.getUint32(20, true)];
    if (pad !== 0 || (flags & ~1) !== 0 || op > 2) return E.EINVAL;
    const owner = this.foreignBug ? [...this.files.values()].find((m) => m.has(handle)) : objects;
    if (op === 0) {
      const h = this.nextHandle++;
      objects.set(h, Number(h & 0xffffn) * 3);
      v.setBigUint64(0, h, true);
      v.setUint32(16, 0, true);
    } else if (owner === undefined || !owner.has(handle)) {
      return E.ENOENT;
    } else if (op === 1) {
      owner.delete(handle);
    } else {
      v.setUint32(16, (flags & 1) !== 0 ? 0 : owner.get(handle) ?? 0, true);
    }
    return user.write(arg, buf.subarray(0, size)) ? 0 : E.EFAULT;
  }
}

interface Mapping { readonly start: number; readonly bytes: Uint8Array; readonly writable: boolean }

/** A process in memory: mappings between guard pages, descriptors of the tiny device. */
class TinyProcess implements Process {
  readonly backend = 'emulated' as const;
  private readonly maps: Mapping[] = [];
  private readonly fds = new Map<number, number>();
  private next = 0x10000;

  constructor(readonly abi: Abi, private readonly device: TinyDevice, private readonly counter: IoctlCounter) {}

  open(path: string): SysResult<number> {
    if (path !== NODE) return { ok: false, errno: E.ENOENT };
    const fd = 3 + this.fds.size;
    this.fds.set(fd, this.device.open());
    return { ok: true, value: fd };
  }

  ioctl(fd: number, request: number, arg: bigint | number): IoctlOutcome {
    this.counter.ioctls += 1;
    const file = this.fds.get(fd);
    if (file === undefined) return { errno: E.EBADF, value: 0 };
    const address = Number(arg);
    const user = {
      read: (a: number, n: number): Uint8Array | undefined => { const r = this.read(a, n); return r.ok ? r.value : undefined; },
      write: (a: number, b: Uint8Array): boolean => this.write(a, b) === 0,
    };
    return { errno: this.device.ioctl(file, request, Number.isSafeInteger(address) ? address : -1, user), value: 0 };
  }

  close(fd: number): Errno {
    const file = this.fds.get(fd);
    if (file === undefined) return E.EBADF;
    this.fds.delete(fd);
    this.device.files.delete(file);
    return 0;
  }

  map(length: number, request: MapRequest = {}): SysResult<number> {
    const size = Math.max(PAGE, Math.ceil(length / PAGE) * PAGE);
    const bytes = new Uint8Array(size);
    if (request.contents !== undefined) bytes.set(request.contents.subarray(0, size));
    const start = this.next;
    this.next += size + PAGE; // a guard page after every mapping
    this.maps.push({ start, bytes, writable: request.writable ?? true });
    return { ok: true, value: start };
  }

  unmap(address: number): Errno {
    const i = this.maps.findIndex((m) => m.start === address);
    if (i < 0) return E.EINVAL;
    this.maps.splice(i, 1);
    return 0;
  }

  write(address: number, bytes: Uint8Array): Errno {
    const m = this.at(address, bytes.length);
    if (m === undefined || !m.writable) return E.EFAULT;
    m.bytes.set(bytes, address - m.start);
    return 0;
  }

  read(address: number, length: number): SysResult<Uint8Array> {
    const m = this.at(address, length);
    return m === undefined ? { ok: false, errno: E.EFAULT } : { ok: true, value: m.bytes.slice(address - m.start, address - m.start + length) };
  }

  exit(): void {
    for (const fd of [...this.fds.keys()]) this.close(fd);
  }

  /** The one mapping holding [address, address+length) (mappings never touch: guard pages). */
  private at(address: number, length: number): Mapping | undefined {
    return this.maps.find((m) => address >= m.start && address + length <= m.start + m.bytes.length);
  }
}

class TinyInstance implements DeviceInstance {
  readonly internalErrors: readonly unknown[] = [];
  readonly device: TinyDevice;

  constructor(readonly spec: Spec, foreignBug: boolean) {
    this.device = new TinyDevice(foreignBug);
  }

  digest(): string {
    return [...this.device.files.entries()].map(([f, m]) => `${f}:${[...m.entries()].join(',')}`).join(' ');
  }

  node(mode: OpenMode): string | undefined {
    return mode === 'compute' ? NODE : undefined;
  }

  processes(abi: Abi, counter: IoctlCounter, count: number): Process[] {
    return Array.from({ length: count }, () => new TinyProcess(abi, this.device, counter));
  }
}

/** The recipe: both files open, two live objects and a destroyed one in the caller's, one in the other's. */
function tinyDevice(foreignBug: boolean): DeviceUnderTest {
  return {
    name: 'the tiny test device',
    nodes: { compute: NODE },
    problem: (s) => (s.ioctls.some((i) => i.name === 'TINY_IOC_OBJ') ? undefined : `needs ioctl TINY_IOC_OBJ, which ${s.name} ${s.version} does not define`),
    outOfReach: () => new Set(),
    properties: [],
    recipe(o: RecipeOptions) {
      const system = System.over(new TinyInstance(o.deviceSpec ?? o.spec, foreignBug), { spec: o.spec, abi: o.abi, slots: 2, ...(o.counter !== undefined ? { counter: o.counter } : {}) });
      const [own, other] = [system.slot(0), system.slot(1)];
      const create = (slot: typeof own): bigint => {
        const r = callValueOf(system, slot, { op: 0 });
        if (r.errno !== 0) throw new Error(`tiny recipe: create failed with errno ${r.errno}`);
        return r.handle;
      };
      for (const s of [own, other]) if (system.open(s) !== 0) throw new Error('tiny recipe: open failed');
      const live = [create(own), create(own)];
      const gone = create(own);
      if (callValueOf(system, own, { op: 1, handle: gone }).errno !== 0) throw new Error('tiny recipe: destroy failed');
      const host = system.buffer(own, new Uint8Array(PAGE), { canary: false });
      return {
        stage: {
          system, own, other, live: new Map([['obj', live]]), stale: new Map([['obj', [gone]]]), foreign: new Map([['obj', [create(other)]]]),
          host: { address: host, size: PAGE, va: 0n }, outOfReach: new Set<string>(),
        },
        issues: [],
      };
    },
  };
}

/** One TINY_IOC_OBJ call through the suite's checked path; the errno and the handle answered. */
function callValueOf(system: System, slot: System['slots'][number], value: { op: number; handle?: bigint }): { errno: number; handle: bigint } {
  const f = system.facts.ioctl('TINY_IOC_OBJ');
  if (f === undefined) throw new Error('no TINY_IOC_OBJ');
  const image = new Uint8Array(f.size);
  const v = new DataView(image.buffer);
  v.setBigUint64(0, value.handle ?? 0n, true);
  v.setUint32(8, value.op, true);
  const r = system.call(slot, f, image);
  return { errno: r.errno, handle: new DataView(r.bytes.buffer, r.bytes.byteOffset).getBigUint64(0, true) };
}

const abis = ['x86_64', 'i386'].map((n) => findAbi(n) as Abi);

test('a device defined outside the harness runs the spec-derived suite, and a correct one passes every property', (t) => {
  const r = runSuite({ spec, abis, counter: { ioctls: 0 }, runs: 15, seed: 7, device: tinyDevice(false) });
  const failed = r.outcomes.filter((o) => o.verdict === 'fail').map((o) => `${o.name}: ${o.message ?? ''}`);
  t.deepEqual(failed, []);
  const ran = r.outcomes.filter((o) => o.verdict === 'pass').map((o) => o.id);
  for (const id of ['D14/declared-errno', 'D1/nonzero-pad-rejected', 'D2/unknown-flag-bits-rejected', 'D14/unknown-value-rejected', 'no-cross-context-handle-use', 'D3/unknown-command-enotty', 'D14/unreadable-argument-efault', 'D13/32-bit-abi-same-result']) {
    t.true(ran.includes(id), `${id} did not run: ${r.outcomes.map((o) => `${o.name} ${o.verdict} ${o.message ?? ''}`).join('; ')}`);
  }
  t.true(r.ioctls > 200, `${r.ioctls} ioctls`);
});

test('the same suite catches a tiny device that lets one file use another file\'s objects', (t) => {
  const r = runSuite({ spec, abis: abis.slice(0, 1), counter: { ioctls: 0 }, runs: 15, seed: 7, device: tinyDevice(true), stopAtFirstFailure: true });
  const failed = r.outcomes.filter((o) => o.verdict === 'fail');
  t.is(failed[0]?.rule, 'no-cross-context-handle-use', r.outcomes.map((o) => `${o.name} ${o.verdict} ${o.message ?? ''}`).join('; '));
});
