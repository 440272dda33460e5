import test from 'ava';
import type { Spec } from '../model';
import { applyAnnotations, type SpecAnnotations } from './annotations';

const spec: Spec = {
  name: 'demo', version: '0.0.0', enums: [], groups: [], ioctls: [],
  records: [{ kind: 'struct', name: 'demo_args', members: [{ name: 'flags', type: { kind: 'scalar', name: '__u32' } }, { name: 'pad', type: { kind: 'scalar', name: '__u32' } }] }],
  constants: [{ kind: 'constant', name: 'DEMO_FLAG_A', value: 1n }],
};

test('annotations merge into the imported spec', (t) => {
  const s = applyAnnotations(spec, { version: '1.0.0', fields: { 'demo_args.pad': { role: 'pad' } }, groups: { demo_flags: { of: 'flags', members: ['DEMO_FLAG_A'] } } });
  t.is(s.version, '1.0.0');
  t.deepEqual(s.records[0]?.members[1]?.annotations, { role: 'pad' });
  t.is(s.constants[0]?.group, 'demo_flags');
});

test('a misspelt key of an annotations file is an error naming it, not silently dropped', (t) => {
  const typo = { feilds: { 'demo_args.pad': { role: 'pad' } } } as unknown as SpecAnnotations;
  const e = t.throws(() => applyAnnotations(spec, typo));
  t.is(e?.message, 'annotations: unknown key feilds; annotations have version, fields, ioctls, groups, payloads, lintWaivers');
  const g = t.throws(() => applyAnnotations(spec, { groups: { demo_flags: { of: 'flags', members: ['DEMO_FLAG_A'], member: [] } } } as unknown as SpecAnnotations));
  t.regex(g?.message ?? '', /groups\['demo_flags'\]\.member: unknown key \(known here: of, members, doc\)/);
});
