import * as path from 'node:path';
import test from 'ava';
import { formatIssue } from '../../core/diagnostics/format';
import { fetchKernelHeaders } from '../../frontend/kernel-headers';
import { ABIS, DEFAULT_ABI_NAMES } from '../../core/layout/abi';
import { loadUapi } from '../load/load-uapi';
import type { Change } from './change';
import { diffSpecs } from './diff-specs';

const abis = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

// Debian's linux-libc-dev of three kernel series, fetched into the cache (the first run downloads;
// when Debian's archive cannot be reached the test fails saying so, it is never skipped).
async function header(series: '5.10' | '6.1' | '6.12', rel: string): Promise<{ file: string; include: string }> {
  const r = fetchKernelHeaders(series);
  if (r.headers === undefined) throw new Error(`cannot fetch linux-libc-dev ${series}: ${r.issues.map(formatIssue).join('; ')}`);
  return { file: path.join(r.headers.includeDir, rel), include: r.headers.includeDir };
}

async function diffHeaders(a: { file: string; include: string }, b: { file: string; include: string }) {
  const old = await loadUapi(a.file, { includeDirs: [a.include] });
  const now = await loadUapi(b.file, { includeDirs: [b.include] });
  if (old.uapi === undefined || now.uapi === undefined) throw new Error([...old.issues, ...now.issues].map(formatIssue).join('\n'));
  return diffSpecs({ spec: old.uapi.spec, label: a.file, headerMode: true }, { spec: now.uapi.spec, label: b.file, headerMode: true }, { abis });
}

const has = (changes: readonly Change[], rule: string, subject: string | RegExp): boolean =>
  changes.some((c) => c.rule === rule && (typeof subject === 'string' ? c.subject === subject : subject.test(c.subject)));

test('5.10 -> 6.1: cs_counters reshaped under the same opcode and exported constants changed', async (t) => {
  const r = await diffHeaders(await header('5.10', 'misc/habanalabs.h'), await header('6.1', 'misc/habanalabs.h'));
  t.is(r.verdict, 'breaking');
  t.true(has(r.changes, 'FIELD_MOVED', /^struct hl_info_cs_counters\./), 'cs_counters fields changed meaning');
  t.true(has(r.changes, 'STRUCT_SIZE_CHANGED', 'struct hl_info_cs_counters'));
  const sob = r.changes.find((c) => c.rule === 'CONSTANT_VALUE_CHANGED' && c.subject === 'constant GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT');
  t.like(sob, { old: 48n, new: 144n });
  const mon = r.changes.find((c) => c.rule === 'CONSTANT_VALUE_CHANGED' && c.subject === 'constant GAUDI_FIRST_AVAILABLE_W_S_MONITOR');
  t.like(mon, { old: 24n, new: 72n });
  // Compatible evolution of the same years is recognised as such.
  // The kernel reads hl_mem_in; nothing in a non-DRM header shows that old kernels rejected a non-zero pad.
  t.true(has(r.changes, 'PAD_GIVEN_MEANING_UNCHECKED', 'struct hl_mem_in.num_of_elements'), 'hl_mem_in.pad -> num_of_elements (6.1)');
  t.true(has(r.changes, 'PAD_GIVEN_MEANING', 'struct hl_cs_out.sob_base_addr_offset'), 'hl_cs_out.pad -> sob_base_addr_offset (5.15)');
  t.true(has(r.changes, 'UNION_MEMBER_ADDED', /^struct hl_cs_in\./));
  t.false(has(r.changes, 'FIELD_INSERTED', /^struct hl_cs_in\./), 'new union members are not insertions');
});

test('6.1 -> 6.12: razwi event redesigned, every request number renumbered, dmabuf handle moved', async (t) => {
  const r = await diffHeaders(await header('6.1', 'misc/habanalabs.h'), await header('6.12', 'drm/habanalabs_accel.h'));
  t.is(r.verdict, 'breaking');
  t.true(has(r.changes, 'STRUCT_SIZE_CHANGED', 'struct hl_info_razwi_event'));
  t.true(has(r.changes, 'FIELD_REMOVED', /^struct hl_info_razwi_event\./));
  for (const n of ['INFO', 'CB', 'CS', 'WAIT_CS', 'MEMORY', 'DEBUG']) {
    t.true(has(r.changes, 'IOCTL_BECAME_CONSTANT', `ioctl HL_IOCTL_${n}`), `HL_IOCTL_${n} now names an index`);
    t.true(has(r.changes, 'IOCTL_ADDED', `ioctl DRM_IOCTL_HL_${n}`));
  }
  t.true(has(r.changes, 'FIELD_MOVED', 'struct hl_mem_in.export_dmabuf_fd.handle'));
  t.true(has(r.changes, 'STRUCT_GROWN_NOT_CARRIED', 'struct hl_info_hw_ip_info'), 'growth of an INFO payload depends on the clamp, which a header cannot show');
});

test('a header diffed with itself is identical', async (t) => {
  const h = await header('6.12', 'drm/habanalabs_accel.h');
  const r = await diffHeaders(h, h);
  t.is(r.verdict, 'identical');
  t.deepEqual(r.changes, []);
});
