import { USER_BLOCKS } from '../../../../emulator/device/config';
import { packets } from '../../../../emulator/device/packets';
import type { Issue } from '../../../core/diagnostics/issue';
import { issue } from '../../../core/diagnostics/issue';
import { Violation } from '../../pbt/rules';
import { callValue, needConstant } from '../../pbt/world/call-value';
import type { SpecFacts } from '../../pbt/spec-facts/spec-facts';
import type { Stage, MappedHost, RecipeOptions } from '../device-under-test';
import type { Slot, System } from '../../pbt/world/system';
import { System as SystemClass } from '../../pbt/world/system';
import { SUITE_CONFIG } from '../../pbt/world/suite-config';

const CB_BYTES = 4096;
const MB2 = 2 * 2 ** 20;

function add(map: Map<string, bigint[]>, kind: string, h: bigint): void {
  const list = map.get(kind) ?? [];
  list.push(h);
  map.set(kind, list);
}

/** Whether the client's spec defines the constant `name` (an op, a flag). */
const defines = (facts: SpecFacts, name: string): boolean => facts.constant(name) !== undefined;

/** Whether the input record of the client's ioctl has a field `key` (an older struct may not). */
function hasInputField(facts: SpecFacts, ioctl: string, key: string): boolean {
  return facts.ioctl(ioctl)?.input?.sites.some((x) => x.key === key) === true;
}

/** What the recipe can make beyond the bare minimum, by what the client's spec defines. */
interface Reach {
  readonly mappedCb: boolean;
  readonly tsBuffer: boolean;
  readonly block: boolean;
}

function reachOf(facts: SpecFacts): Reach {
  const mem = 'DRM_IOCTL_HL_MEMORY';
  return {
    mappedCb: defines(facts, 'HL_CB_FLAGS_MAP') && hasInputField(facts, 'DRM_IOCTL_HL_CB', 'flags'),
    tsBuffer: defines(facts, 'HL_MEM_OP_TS_ALLOC') && hasInputField(facts, mem, 'num_of_elements'),
    block: defines(facts, 'HL_MEM_OP_MAP_BLOCK') && hasInputField(facts, mem, 'block_addr'),
  };
}

/**
 * Handle kinds of the full recipe that the client's spec cannot make (a timestamp buffer without
 * HL_MEM_OP_TS_ALLOC, a block without HL_MEM_OP_MAP_BLOCK). A call that needs one of them has no
 * live handle to use: the properties leave such a case out instead of sending an invented value.
 */
export function kindsOutOfReach(facts: SpecFacts): ReadonlySet<string> {
  const r = reachOf(facts);
  return new Set([...(r.tsBuffer ? [] : ['ts_buff']), ...(r.block ? [] : ['block'])]);
}

class Recipe {
  readonly live = new Map<string, bigint[]>();
  readonly stale = new Map<string, bigint[]>();
  host: MappedHost | undefined;

  constructor(private readonly sys: System, private readonly slot: Slot) {}

  private must(what: string, errno: number): void {
    if (errno !== 0) throw new Error(`stage: ${what} failed with errno ${errno}`);
  }

  cb(flags: number): bigint {
    const r = callValue(this.sys, this.slot, 'DRM_IOCTL_HL_CB', { op: needConstant(this.sys, 'HL_CB_OP_CREATE'), cb_size: CB_BYTES, flags });
    this.must('CB create', r.errno);
    const h = r.out['cb_handle'] as bigint;
    const m = this.slot.caller.mmap(h, CB_BYTES);
    if (!m.ok) throw new Error(`stage: mmap of a CB failed with errno ${m.errno}`);
    const nops = packets();
    for (let i = 0; i < CB_BYTES / 8; i++) nops.nop();
    this.slot.process.write(m.value, nops.bytes().subarray(0, CB_BYTES));
    return h;
  }

  /** Makes everything the client's spec reaches, always in this order (with the current spec: every step). */
  build(): void {
    const s = this.sys;
    const reach = reachOf(s.facts);
    const k = (n: string): number => needConstant(s, n);
    add(this.live, 'cb', this.cb(0));
    if (reach.mappedCb) add(this.live, 'cb', this.cb(k('HL_CB_FLAGS_MAP')));
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
    if (chunk === undefined) throw new Error('stage: the spec has no hl_cs_chunk');
    const chunkBytes = chunk.codec.encode({ cb_handle: this.live.get('cb')?.[0] ?? 0n, queue_index: 0, cb_size: 64 });
    if (!chunkBytes.ok) throw new Error('stage: cannot encode a chunk');
    const chunks = s.buffer(this.slot, chunkBytes.value, { canary: false });
    const cs = callValue(s, this.slot, 'DRM_IOCTL_HL_CS', { chunks_execute: BigInt(chunks), num_chunks_execute: 1 });
    this.must('CS submit', cs.errno);
    const seq = cs.out['seq'] as bigint;
    this.must('WAIT_CS', callValue(s, this.slot, 'DRM_IOCTL_HL_WAIT_CS', { seq, timeout_us: 1_000_000n }).errno);
    add(this.live, 'cs', seq);
    add(this.stale, 'cs', seq + 1000n);
    if (reach.tsBuffer) this.tsBuffer();
    if (reach.block) this.block();
  }

  private tsBuffer(): void {
    const ts = callValue(this.sys, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: needConstant(this.sys, 'HL_MEM_OP_TS_ALLOC'), num_of_elements: 16 });
    this.must('TS alloc', ts.errno);
    add(this.live, 'ts_buff', ts.out['handle'] as bigint);
  }

  private block(): void {
    const block = [...USER_BLOCKS.keys()][0] ?? 0;
    const b = callValue(this.sys, this.slot, 'DRM_IOCTL_HL_MEMORY', { op: needConstant(this.sys, 'HL_MEM_OP_MAP_BLOCK'), map_block: { block_addr: BigInt(block) } });
    this.must('MAP_BLOCK', b.errno);
    add(this.live, 'block', b.out['block_handle'] as bigint);
  }
}

/** Builds the stage (see {@link Stage}); issues when the device cannot be created or the spec lacks what the recipe uses. */
export function buildStage(options: RecipeOptions): { stage?: Stage; issues: Issue[] } {
  const { system, issues } = SystemClass.create({ config: SUITE_CONFIG, ...options, slots: 2 });
  if (system === undefined) return { issues };
  const own = system.slot(0);
  const other = system.slot(1);
  try {
    for (const slot of [own, other]) {
      const rc = system.open(slot);
      if (rc !== 0) throw new Error(`stage: open failed with errno ${rc}`);
    }
    const mine = new Recipe(system, own);
    mine.build();
    const theirs = new Recipe(system, other);
    theirs.build();
    if (mine.host === undefined) throw new Error('stage: no host mapping');
    const outOfReach = kindsOutOfReach(system.facts);
    return { stage: { system, own, other, live: mine.live, foreign: theirs.live, stale: mine.stale, host: mine.host, outOfReach }, issues };
  } catch (e) {
    // A broken invariant while building is a finding about the device, not a stage problem.
    if (e instanceof Violation) throw e;
    return { issues: [issue('PBT_STAGE', `spec ${options.spec.name} ${options.spec.version}`, e instanceof Error ? e.message : String(e))] };
  }
}
