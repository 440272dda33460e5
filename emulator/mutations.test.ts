import test from 'ava';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeviceConfig } from './device/config';
import type { Device } from './device/device';
import { packets } from './device/packets';
import { E } from './errno';
import { MUTATION_IDS, MUTATIONS, mutationSet, parseMutations, type MutationId } from './mutations';
import { mappedDram, mappedHost, newDevice, RawCaller, runStream, session, submitStream } from '../harness/testing/emulator-session';

interface Scenario {
  readonly config?: Partial<DeviceConfig>;
  /** What the scenario observes; it must differ between the correct device and the mutant. */
  readonly observe: (d: Device) => unknown;
  /** The correct device's observation. */
  readonly correct: unknown;
}

const INFO = 'DRM_IOCTL_HL_INFO';
const infoArgs = (raw: RawCaller, op: number, size: number, extra: Record<string, unknown> = {}) =>
  ({ return_pointer: BigInt(raw.scratch + 4096), return_size: size, op, ...extra });
const stuck = () => packets().fence(300, 1).bytes();
const MB = 2 ** 20;

const SCENARIOS: { readonly [K in MutationId]: Scenario } = {
  'skip-pad-check': { observe: (d) => { const r = RawCaller.open(d); return r.call(INFO, 'hl_info_args', infoArgs(r, 4, 8, { pad: 1 })); }, correct: E.EINVAL },
  'accept-unknown-flags': { observe: (d) => RawCaller.open(d).call('DRM_IOCTL_HL_CB', 'hl_cb_in', { op: 0, cb_size: 64, flags: 4 }), correct: E.EINVAL },
  'unknown-ioctl-einval': { observe: (d) => RawCaller.open(d).ioctl(0xc0186446), correct: E.ENOTTY },
  'no-zero-extend': {
    observe: (d) => {
      const r = RawCaller.open(d);
      r.call(INFO, 'hl_info_args', infoArgs(r, 4, 8, { pad: 1 }));
      r.put('hl_info_args', infoArgs(r, 4, 8));
      return r.ioctl(r.request(INFO, 16));
    },
    correct: 0,
  },
  'copy-back-driver-size': {
    observe: (d) => {
      const r = RawCaller.open(d);
      r.put('hl_cb_in', { op: 0, cb_size: 64 });
      r.poke(16, new Uint8Array(8).fill(0xee));
      r.ioctl(r.request('DRM_IOCTL_HL_CB', 16));
      return [...r.peek(16, 8)];
    },
    correct: new Array(8).fill(0xee),
  },
  'reject-longer-tail': {
    observe: (d) => { const r = RawCaller.open(d); r.put('hl_info_args', infoArgs(r, 4, 8)); r.poke(24, Uint8Array.of(1)); return r.ioctl(r.request(INFO, 32)); },
    correct: 0,
  },
  // An unreadable CB argument: the mutant runs the handler on zeros (op 0 = create) before the copy back fails.
  'ignore-copy-fault': {
    observe: (d) => { const r = RawCaller.open(d); return [r.process.ioctl(r.fd, r.request('DRM_IOCTL_HL_CB'), 0x10), d.cbPoolUsed]; },
    correct: [E.EFAULT, 0],
  },
  'dma-bound-off-by-one': {
    observe: (d) => { const { hl } = session(d); const h = mappedHost(hl, 4096); return submitStream(hl, packets().linDma(h.va, h.va, 4097).bytes()).ok; },
    correct: false,
  },
  'skip-dma-check': {
    observe: (d) => { const { hl } = session(d); const h = mappedHost(hl, 4096); return submitStream(hl, packets().linDma(0x5000_0000, h.va, 64).bytes()).ok; },
    correct: false,
  },
  'mmu-global-lookup': {
    config: { maxComputeOpens: 2 },
    observe: (d) => {
      const a = session(d).hl;
      mappedHost(a, 4096);
      const secret = mappedHost(a, 4096);
      const b = session(d).hl;
      const mine = mappedHost(b, 4096);
      return submitStream(b, packets().linDma(secret.va, mine.va, 64).bytes()).ok;
    },
    correct: false,
  },
  'allow-secured-register-write': {
    observe: (d) => { const { hl } = session(d); return submitStream(hl, packets().wreg32(d.config.securedRegisterBase, 1).bytes()).ok; }, correct: false,
  },
  'accept-unknown-packet': { observe: (d) => submitStream(session(d).hl, packets().word(0x1f000000).word(0).bytes()).ok, correct: false },
  'skip-output-zeroing': {
    observe: (d) => { const r = RawCaller.open(d); r.call(INFO, 'hl_info_args', infoArgs(r, 0, 304)); return r.get<{ reserved3: bigint }>('hl_info_hw_ip_info', 4096).reserved3; },
    correct: 0n,
  },
  'ignore-return-size': {
    observe: (d) => { const r = RawCaller.open(d); r.poke(4096, new Uint8Array(8).fill(0xee)); r.call(INFO, 'hl_info_args', infoArgs(r, 8, 4)); return [...r.peek(4100, 4)]; },
    correct: [0xee, 0xee, 0xee, 0xee],
  },
  'shared-handle-namespace': {
    config: { maxComputeOpens: 2 },
    observe: (d) => { const a = session(d).hl; const b = session(d).hl; const h = a.cb.createHandle(64); return h.ok && b.cb.usage(h.value).ok; },
    correct: false,
  },
  'stale-handle-enoent': { observe: (d) => { const r = session(d).hl.cb.destroy(0x1000n); return r.ok ? 0 : r.errno; }, correct: E.EINVAL },
  'no-free-on-close': {
    observe: (d) => { const before = d.dram.freeBytes; const s = session(d); s.hl.mem.alloc(4 * MB); s.hl.close(); return d.dram.freeBytes === before; },
    correct: true,
  },
  'no-scrub-on-free': {
    observe: (d) => {
      const a = session(d).hl;
      const src = mappedHost(a, 4096);
      a.write(src.address, new Uint8Array(4096).fill(0x5a));
      runStream(a, packets().linDma(src.va, mappedDram(a, 4096).va, 4096).bytes());
      a.close();
      const b = session(d).hl;
      const dst = mappedHost(b, 4096);
      runStream(b, packets().linDma(mappedDram(b, 4096).va, dst.va, 4096).bytes());
      return b.read(dst.address, 1)?.[0];
    },
    correct: 0,
  },
  'cb-size-unchecked': { observe: (d) => session(d).hl.cb.createHandle(0x200000 - 31).ok, correct: false },
  'chunk-count-unchecked': {
    observe: (d) => {
      const { hl } = session(d);
      const cb = hl.cb.create(8);
      if (!cb.ok) return 'no cb';
      hl.cb.write(cb.value, packets().nop().bytes());
      const queues = [0, 1, 2, 3, 5, 6, 7];
      const raw = new RawCaller(hl.process, d, hl.fd);
      for (let i = 0; i < 513; i++) raw.put('hl_cs_chunk', { cb_handle: cb.value.handle, queue_index: queues[i % 7], cb_size: 8 }, 1024 + i * 64);
      return raw.call('DRM_IOCTL_HL_CS', 'hl_cs_in', { chunks_execute: BigInt(raw.scratch + 1024), num_chunks_execute: 513 });
    },
    correct: E.EINVAL,
  },
  'alloc-size-wraps': { observe: (d) => session(d).hl.mem.alloc(2n ** 64n - 1n).ok, correct: false },
  'wait-ignores-timeout': {
    observe: (d) => { const { hl } = session(d); const s = submitStream(hl, stuck(), 0, { timeoutSec: 2 }); return s.ok ? hl.waitCs(s.value, 10) : s; },
    correct: { ok: true, value: { status: 1, flags: 0, timestampNsec: 0n, completionMap: 0 } },
  },
  'eintr-not-restartable': {
    observe: (d) => {
      const { process, hl } = session(d);
      const s = submitStream(hl, stuck());
      if (!s.ok) return s;
      process.raiseSignal();
      hl.waitCs(s.value, 10);
      const again = hl.waitCs(s.value, 10);
      return again.ok && again.value.status;
    },
    correct: 1,
  },
  'unmap-keeps-mmu-entry': {
    observe: (d) => { const { hl } = session(d); const h = mappedHost(hl, 4096); hl.mem.unmap(BigInt(h.va)); return submitStream(hl, packets().linDma(h.va, h.va, 8).bytes()).ok; },
    correct: false,
  },
  'free-while-mapped': { observe: (d) => { const { hl } = session(d); const m = mappedDram(hl, 4096); return hl.mem.free(m.handle).ok; }, correct: false },
  'utilization-period-unchecked': { observe: (d) => session(d).hl.info.utilization(0).ok, correct: false },
  'timeout-wraps': {
    observe: (d) => { const { hl } = session(d); const s = submitStream(hl, stuck(), 0, { timeoutSec: 4294968 }); return s.ok && hl.waitCs(s.value, 1_000_000).ok; },
    correct: true,
  },
  'exclusive-open-unchecked': { observe: (d) => { session(d); return RawCaller.open(d, 'x86_64', 'control').process.open(d).ok; }, correct: false },
  'multi-cs-len-unchecked': {
    observe: (d) => {
      const { hl } = session(d);
      const r = new RawCaller(hl.process, d, hl.fd);
      return r.call('DRM_IOCTL_HL_WAIT_CS', 'hl_wait_cs_in', { seq: BigInt(r.scratch + 1024), flags: 4, seq_arr_len: 33 });
    },
    correct: E.EINVAL,
  },
};

test('the catalogue has at least 20 mutations, each naming a rule, a point and what changes', (t) => {
  t.true(MUTATION_IDS.length >= 20);
  for (const id of MUTATION_IDS) {
    const m = MUTATIONS[id];
    t.regex(m.rule, /^(D\d+|security)$/, id);
    t.true(m.point.length > 0 && m.doc.length > 0, id);
  }
});

for (const id of MUTATION_IDS) {
  test(`mutation ${id} changes what a caller observes (${MUTATIONS[id].rule})`, (t) => {
    const s = SCENARIOS[id];
    const correct = newDevice(s.config === undefined ? {} : { config: s.config });
    const mutant = newDevice({ config: s.config ?? {}, mutations: [id] });
    t.deepEqual(s.observe(correct), s.correct, 'the correct device');
    t.notDeepEqual(s.observe(mutant), s.correct, 'the mutant');
    t.deepEqual(correct.internalErrors, []);
  });
}

test('each mutation is checked in the file its catalogue entry names', (t) => {
  const root = path.resolve(__dirname, '..', '..', 'emulator');
  for (const id of MUTATION_IDS) {
    const file = path.join(root, MUTATIONS[id].point);
    t.true(fs.existsSync(file), `${id}: ${file}`);
    t.true(fs.readFileSync(file, 'utf8').includes(`'${id}'`), `${id} is not checked in ${MUTATIONS[id].point}`);
  }
});

test('mutation sets: all off by default; unknown ids are reported, not thrown', (t) => {
  t.false(Object.values(mutationSet()).some(Boolean));
  const parsed = parseMutations(['skip-pad-check', 'nonsense']);
  t.true(parsed.mutations['skip-pad-check']);
  t.deepEqual(parsed.unknown, ['nonsense']);
});
