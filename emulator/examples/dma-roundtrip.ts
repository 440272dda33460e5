/**
 * DMA a buffer host → device → host through the emulated habanalabs core and read it back.
 *
 *   npx tsc -p . && node dist/emulator/examples/dma-roundtrip.js
 */
import { findAbi, type Abi } from '../../harness/core/layout/abi';
import { HlRuntime } from '../../harness/userspace';
import { createDevice } from '../device/create-device';
import { packets } from '../device/packets';
import { errnoName } from '../errno';
import { EmulatedProcess } from '../process/emulated-process';
import { spec as habanalabs } from '../../specs/habanalabs/spec';

function must<T>(what: string, r: { ok: true; value: T } | { ok: false; errno: number }): T {
  if (!r.ok) {
    console.error(`${what} failed: ${errnoName(r.errno)}`);
    process.exit(1);
  }
  return r.value;
}

const X86_64 = findAbi('x86_64') as Abi;
const { device, issues } = createDevice({ spec: habanalabs });
if (device === undefined) {
  for (const i of issues) console.error(`${i.path}: ${i.message}`);
  process.exit(1);
}
const proc = EmulatedProcess.on(device, X86_64);
const hl = must('open', HlRuntime.open(proc, { spec: device.spec }));

const hw = must('INFO hw_ip_info', hl.info.hwIp());
const card = Buffer.from(hw.card_name).toString('utf8').replace(/\0+$/, '');
console.log(`device ${card} (id 0x${hw.device_id.toString(16)}), ${Number(hw.dram_size) / 2 ** 30} GiB DRAM, pages of ${Number(hw.dram_page_size) / 2 ** 20} MiB`);

// A host buffer with a recognisable pattern, and one to receive it back.
const size = 64 * 1024;
const src = must('host buffer', hl.hostBuffer(size));
const dst = must('host buffer', hl.hostBuffer(size));
const pattern = Uint8Array.from({ length: size }, (_, i) => (i * 7 + 3) & 0xff);
hl.write(src, pattern);

// Map both host buffers and a device allocation into the context's device address space.
const srcVa = must('map source', hl.mem.mapHost(src, size));
const dstVa = must('map destination', hl.mem.mapHost(dst, size));
const mem = must('alloc device memory', hl.mem.alloc(size));
const devVa = must('map device memory', hl.mem.mapDevice(mem));
console.log(`host 0x${src.toString(16)} -> device VA 0x${srcVa.toString(16)}; DRAM handle 0x${mem.toString(16)} -> VA 0x${devVa.toString(16)}`);

// One command buffer: copy host → DRAM, then DRAM → host, then stop.
const stream = packets().linDma(srcVa, devVa, size).linDma(devVa, dstVa, size).stop().bytes();
const cb = must('create CB', hl.cb.create(stream.length));
must('write CB', hl.cb.write(cb, stream));
const seq = must('submit', hl.cs.submit({ execute: [{ cb, queue: 0, size: stream.length }], flags: ['HL_CS_FLAGS_TIMESTAMP'] }));
const done = must('wait', hl.waitCs(seq, 1_000_000));
console.log(`submission ${seq}: status ${done.status} (0 = completed), finished at host time ${done.timestampNsec} ns`);

const back = hl.read(dst, size) ?? new Uint8Array(0);
const same = back.length === size && back.every((b, i) => b === pattern[i]);
console.log(`read back ${back.length} bytes: ${same ? 'identical to what was sent' : 'DIFFERENT from what was sent'}`);

must('unmap', hl.mem.unmap(devVa));
must('free', hl.mem.free(mem));
hl.close();
process.exit(same ? 0 : 1);
