import * as assert from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import { specArb } from '../../testing/arbitrary-spec';
import { ABIS } from './abi';
import { layoutEngine, type RecordLayout } from './engine';

function walk(r: RecordLayout, visit: (r: RecordLayout) => void): void {
  visit(r);
  for (const m of r.members) if (m.record !== undefined) walk(m.record, visit);
}

test('every member is aligned and inside its record; struct members are ordered and disjoint; size is a multiple of the alignment (all ABIs)', (t) => {
  t.notThrows(() => checkProperty(fc.property(specArb(), fc.constantFrom(...ABIS), (spec, abi) => {
    const e = layoutEngine(spec, abi);
    for (const d of spec.records) {
      walk(e.record(d.name as string), (r) => {
        assert.equal(r.size % r.align, 0, 'size multiple of align');
        r.members.forEach((m, i) => {
          assert.equal(m.offset % m.align, 0, `member ${i} aligned`);
          assert.ok(m.offset + m.size <= r.size, `member ${i} inside`);
          assert.ok(m.align <= r.align, `member ${i} alignment bounded by the record's`);
          if (r.kind === 'union') assert.equal(m.offset, 0);
          const prev = r.members[i - 1];
          if (r.kind === 'struct' && prev !== undefined) assert.ok(prev.offset + prev.size <= m.offset, `member ${i} after ${i - 1}`);
        });
      });
    }
  }), { seed: 7, numRuns: 300 }));
});

// `__aligned_u64` carries its own aligned(8) attribute, which packing keeps: it is left out here.
test('packed records have no padding: size is the sum of member sizes (a union: the largest), alignment 1', (t) => {
  t.notThrows(() => checkProperty(fc.property(specArb({ attributes: false, alignedScalars: false }), fc.constantFrom(...ABIS), (spec, abi) => {
    const packed = { ...spec, records: spec.records.map((r) => ({ ...r, packed: true })) };
    const e = layoutEngine(packed, abi);
    for (const d of packed.records) {
      const r = e.record(d.name as string);
      const sizes = r.members.map((m) => m.size);
      assert.equal(r.size, r.kind === 'struct' ? sizes.reduce((a, b) => a + b, 0) : Math.max(...sizes));
      assert.equal(r.align, 1);
    }
  }), { seed: 8, numRuns: 200 }));
});

test('padding ranges and member bytes partition each flat struct', (t) => {
  t.notThrows(() => checkProperty(fc.property(specArb({ maxDepth: 0, references: false }), fc.constantFrom(...ABIS), (spec, abi) => {
    const e = layoutEngine(spec, abi);
    for (const d of spec.records) {
      const r = e.record(d.name as string);
      const padded = r.padding.reduce((n, p) => n + p.size, 0);
      assert.equal(padded + r.members.reduce((n, m) => n + m.size, 0), r.size);
      for (const p of r.padding) assert.ok(p.offset + p.size <= r.size);
    }
  }), { seed: 9, numRuns: 200 }));
});
