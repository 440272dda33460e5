import { USER_BLOCKS } from '../../../emulator/device/config';
import { packets } from '../../../emulator/device/packets';
import type { Issue } from '../../diagnostics/issue';
import { issue } from '../../diagnostics/issue';
import { Violation } from '../rules';
import { callValue, needConstant } from './call-value';
import type { Slot, System, SystemOptions } from './system';
import { System as SystemClass } from './system';
import { SUITE_CONFIG } from './suite-config';

/** Handles by the kind names the spec's `handle(kind)` annotations use. */
export type HandlesByKind = ReadonlyMap<string, readonly bigint[]>;

/** Mapped host memory of a slot with its device address. */
export interface MappedHost {
  readonly address: number;
  readonly size: number;
  readonly va: bigint;
}

/**
 * A device with two open files and some of everything: command buffers (one mapped into the device
 * MMU) full of NOP packets, device memory (one allocation mapped), mapped host memory, a completed
 * submission, a timestamp buffer and a mapped block, plus handles that were destroyed. Slot 0 is the
 * caller; slot 1 owns the foreign handles. Built the same way every time, so that two fixtures (two
 * ABIs, a baseline and a variant) start identical.
 */
export interface Fixture {
  readonly system: System;
  readonly own: Slot;
  readonly other: Slot;
  readonly live: HandlesByKind;
  readonly foreign: HandlesByKind;
  readonly stale: HandlesByKind;
  readonly host: MappedHost;
}

const CB_BYTES = 4096;
const MB2 = 2 * 2 ** 20;

function add(map: Map<string, bigint[]>, kind: string, h: bigint): void {
  const list = map.get(kind) ?? [];
  list.push(h);
  map.set(kind, list);
}

class Recipe {
  readonly live = new Map<string, bigint[]>();
  readonly stale = new Map<string, bigint[]>();
  host: MappedHost | undefined;

  constructor(private readonly sys: System, private readonly slot: Slot) {}

  private must(what: string, errno: number): void {
    if (errno !== 0) throw new Error(`fixture: ${what} failed with errno ${errno}`);
  }

  cb(flags: number): bigint {
    const r = callValue(this.sys, this.slot, 'DRM_IOCTL_HL_CB', { op: needConstant(this.sys, 'HL_CB_OP_CREATE'), cb_size: CB_BYTES, flags });
    this.must('CB create', r.errno);
    const h = r.out['cb_handle'] as bigint;
    const m = this.slot.process.mmap(this.slot.fd ?? -1, h, CB_BYTES);
    if (!m.ok) throw new Error(`fixture: mmap of a CB failed with errno ${m.errno}`);
    const nops = packets();
    for (let i = 0; i < CB_BYTES / 8; i++) nops.nop();
    this.slot.process.memory.copyOut(m.value, nops.bytes(), 0, CB_BYTES);
    return h;
  }

  build(): void {
    const s = this.sys;
    const k = (n: string): number => needConstant(s, n);
    add(this.live, 'cb', this.cb(0));
    add(this.live, 'cb', this.cb(k('HL_CB_FLAGS_MAP')));
    const gone = this.cb(0);
    this.must('CB destroy', callValue(s, this.slot, 'DRM_IOCTL_HL_CB', { op: k('HL_CB_OP_DESTROY'), cb_handle: gone }).errno);
    add(this.stale, 'cb', gone);
    const mem = (): bigint => {
      const r = callValue(s, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: k('HL_MEM_OP_ALLOC'), alloc: { mem_size: BigInt(MB2), page_size: 0n } });
      this.must('MEM alloc', r.errno);
      return r.out['handle'] as bigint;
    };
    const unmapped = mem();
    const mapped = mem();
    this.must('MEM map', callValue(s, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: k('HL_MEM_OP_MAP'), map_device: { handle: mapped, hint_addr: 0n } }).errno);
    const freed = mem();
    this.must('MEM free', callValue(s, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: k('HL_MEM_OP_FREE'), free: { handle: freed } }).errno);
    add(this.live, 'mem', unmapped);
    add(this.live, 'mem', mapped);
    add(this.stale, 'mem', freed);
    const size = 64 * 1024;
    const address = s.buffer(this.slot, new Uint8Array(size).fill(0x3c), { canary: false });
    const hostMap = callValue(s, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: k('HL_MEM_OP_MAP'), flags: k('HL_MEM_USERPTR'), map_host: { host_virt_addr: BigInt(address), mem_size: BigInt(size), hint_addr: 0n } });
    this.must('MEM map host', hostMap.errno);
    this.host = { address, size, va: hostMap.out['device_virt_addr'] as bigint };
    const chunk = s.facts.ioctl('DRM_IOCTL_HL_CS')?.pointed.get('hl_cs_chunk');
    if (chunk === undefined) throw new Error('fixture: the spec has no hl_cs_chunk');
    const chunkBytes = chunk.codec.encode({ cb_handle: this.live.get('cb')?.[0] ?? 0n, queue_index: 0, cb_size: 64 });
    if (!chunkBytes.ok) throw new Error('fixture: cannot encode a chunk');
    const chunks = s.buffer(this.slot, chunkBytes.value, { canary: false });
    const cs = callValue(s, this.slot, 'DRM_IOCTL_HL_CS', { chunks_execute: BigInt(chunks), num_chunks_execute: 1 });
    this.must('CS submit', cs.errno);
    const seq = cs.out['seq'] as bigint;
    this.must('WAIT_CS', callValue(s, this.slot, 'DRM_IOCTL_HL_WAIT_CS', { seq, timeout_us: 1_000_000n }).errno);
    add(this.live, 'cs', seq);
    add(this.stale, 'cs', seq + 1000n);
    const ts = callValue(s, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: k('HL_MEM_OP_TS_ALLOC'), num_of_elements: 16 });
    this.must('TS alloc', ts.errno);
    add(this.live, 'ts_buff', ts.out['handle'] as bigint);
    const block = [...USER_BLOCKS.keys()][0] ?? 0;
    const b = callValue(s, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: k('HL_MEM_OP_MAP_BLOCK'), map_block: { block_addr: BigInt(block) } });
    this.must('MAP_BLOCK', b.errno);
    add(this.live, 'block', b.out['block_handle'] as bigint);
  }
}

/** Builds the fixture (see {@link Fixture}); issues when the device cannot be created or the spec lacks what the recipe uses. */
export function buildFixture(options: Omit<SystemOptions, 'slots'>): { fixture?: Fixture; issues: Issue[] } {
  const { system, issues } = SystemClass.create({ config: SUITE_CONFIG, ...options, slots: 2 });
  if (system === undefined) return { issues };
  const own = system.slot(0);
  const other = system.slot(1);
  try {
    for (const slot of [own, other]) {
      const rc = system.open(slot);
      if (rc !== 0) throw new Error(`fixture: open failed with errno ${rc}`);
    }
    const mine = new Recipe(system, own);
    mine.build();
    const theirs = new Recipe(system, other);
    theirs.build();
    if (mine.host === undefined) throw new Error('fixture: no host mapping');
    return { fixture: { system, own, other, live: mine.live, foreign: theirs.live, stale: mine.stale, host: mine.host }, issues };
  } catch (e) {
    // A broken invariant while building is a finding about the device, not a fixture problem.
    if (e instanceof Violation) throw e;
    return { issues: [issue('PBT_FIXTURE', `spec ${options.spec.name} ${options.spec.version}`, e instanceof Error ? e.message : String(e))] };
  }
}
