import test from 'ava';
import { layoutEngine } from '../../core/layout/engine';
import { byteMapOf } from './byte-map-model';
import { fieldChanges, layoutsDiffer } from './field-changes';
import { DEMO_ABIS, DEMO_NEW_SPEC, DEMO_OLD_SPEC } from '../../testing/check-result-data';

const maps = (abiIndex: number) => {
  const abi = DEMO_ABIS[abiIndex];
  if (abi === undefined) throw new Error('no ABI');
  return {
    old: byteMapOf(layoutEngine(DEMO_OLD_SPEC, abi).record('demo_args')),
    new: byteMapOf(layoutEngine(DEMO_NEW_SPEC, abi).record('demo_args')),
  };
};

test('every kind of field change is told apart (x86_64)', (t) => {
  const m = maps(0);
  const c = fieldChanges(m.old, m.new);
  t.deepEqual(Object.fromEntries(c.new), {
    handle: { mark: 'same' },
    size: { mark: 'retyped', note: 'was __u32' },
    version: { mark: 'inserted', note: 'new' },
    ctx_id: { mark: 'renamed', note: 'was pad' },
    count: { mark: 'moved', note: 'was @20' },
    reserved: { mark: 'same' },
  });
  t.deepEqual(Object.fromEntries(c.old), {
    handle: { mark: 'same' },
    size: { mark: 'retyped', note: 'now __u16' },
    pad: { mark: 'renamed', note: 'now ctx_id' },
    flags: { mark: 'removed', note: 'removed' },
    count: { mark: 'moved', note: 'now @16' },
    reserved: { mark: 'same' },
  });
  t.true(layoutsDiffer(m.old, m.new, c));
});

test('on i386 the reserved field moves up as well', (t) => {
  const m = maps(1);
  t.deepEqual(fieldChanges(m.old, m.new).new.get('reserved'), { mark: 'moved', note: 'was @24' });
});

test('a layout compared with itself has nothing to draw', (t) => {
  const m = maps(0);
  t.false(layoutsDiffer(m.new, m.new, fieldChanges(m.new, m.new)));
});
