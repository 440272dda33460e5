import test from 'ava';
import { findAbi, type Abi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import { array, anonymous, defineSpec, struct, u16, u32, u64, u8, union } from '../../core/model/dsl';
import { byteMapOf, type ByteMap } from './byte-map-model';
import { GEOMETRY, mapGeometry } from './byte-map-geometry';
import { byteMapSvg } from './byte-map-svg';

const abi = (n: string): Abi => findAbi(n) as Abi;
const mapOf = (record: ReturnType<typeof struct> | ReturnType<typeof union>, on: string): ByteMap => {
  const spec = defineSpec({ name: 't', version: '1.0.0', types: [record] });
  return byteMapOf(layoutEngine(spec, abi(on)).record(record.decl().name as string));
};

/** `<g class="K" data-...>` groups of an SVG, with their data attributes. */
function groups(svg: string, cls: string): { offset: number; size: number; name?: string }[] {
  const re = new RegExp(`<g class="${cls}(?: [^"]*)?"((?: data-[a-z]+="[^"]*")*)>`, 'g');
  return [...svg.matchAll(re)].map((m) => {
    const data = Object.fromEntries([...(m[1] ?? '').matchAll(/data-([a-z]+)="([^"]*)"/g)].map((d) => [d[1], d[2]]));
    return { offset: Number(data['offset']), size: Number(data['size']), ...(data['name'] !== undefined ? { name: data['name'] } : {}) };
  });
}

const hazard = struct('hazard', { a: u32, b: u64, c: u32 });

test('the classic hazard {__u32 a; __u64 b; __u32 c;} shows a 4-byte hole and 4 bytes of tail padding on x86_64', (t) => {
  const svg = byteMapSvg(mapOf(hazard, 'x86_64'), { id: 'h64', title: 'struct hazard on x86_64' });
  t.deepEqual(groups(svg, 'hole'), [{ offset: 4, size: 4 }]);
  t.deepEqual(groups(svg, 'tail'), [{ offset: 20, size: 4 }]);
  t.deepEqual(groups(svg, 'field'), [{ offset: 0, size: 4, name: 'a' }, { offset: 8, size: 8, name: 'b' }, { offset: 16, size: 4, name: 'c' }]);
  t.regex(svg, />hole 4 B</);
  t.regex(svg, />tail padding 4 B</);
  t.regex(svg, /fill="url\(#h64-hole\)"/, 'holes are hatched with the diagram\'s own pattern');
});

test('the same hazard on i386 has no hole and no padding: b sits at offset 4 and spans two rows', (t) => {
  const svg = byteMapSvg(mapOf(hazard, 'i386'), { id: 'h32', title: 'struct hazard on i386' });
  t.deepEqual(groups(svg, 'hole'), []);
  t.deepEqual(groups(svg, 'tail'), []);
  t.deepEqual(groups(svg, 'field').map((g) => [g.name, g.offset]), [['a', 0], ['b', 4], ['b', 4], ['c', 12]]);
  t.regex(svg, />… b</, 'the second piece of b says whose it is');
});

test('boxes are as wide as their bytes, bit-fields as wide as their bits', (t) => {
  const g = mapGeometry(mapOf(hazard, 'x86_64'));
  const widths = g.boxes.map((b) => [b.kind, b.w / GEOMETRY.cell]);
  t.deepEqual(widths, [['field', 4], ['hole', 4], ['field', 8], ['field', 4], ['tail', 4]]);
  const bits = mapOf(struct('bits', { mode: u32.bits(3), level: u32.bits(5), rest: u32.bits(24) }), 'x86_64');
  t.deepEqual(mapGeometry(bits).boxes.map((b) => b.w / GEOMETRY.cell * 8), [3, 5, 24]);
  const svg = byteMapSvg(bits, { id: 'b', title: 'bits' });
  t.is(groups(svg, 'field bitfield').length, 0, 'class lists start with the mark');
  t.is([...svg.matchAll(/class="field f-same bitfield"/g)].length, 3);
  t.regex(svg, /class="meta">@0\.3</, 'level starts at byte 0, bit 3');
  t.regex(svg, /<title>struct bits\.level: __u32, offset 0, 4 bytes, bits 3\.\.7 \(allocation order\)<\/title>/);
  t.regex(svg, /class="footnote">1 mode: @0\.0 · 3 bits · __u32</, 'mode is too narrow for its name: a footnote gives it');
});

test('union members and anonymous unions share bytes in lanes one above the other', (t) => {
  const u = union('choice', { whole: u64, halves: struct('halves', { lo: u32, hi: u32 }) });
  const g = mapGeometry(mapOf(u, 'x86_64'));
  t.deepEqual(g.lanes, [0, 1, 1]);
  t.is(g.rows.length, 1);
  t.is(g.rows[0]?.h, 2 * GEOMETRY.lane);
  const s = struct('with_anon', { tag: u32, pad: u32, value: anonymous(union({ a: u64, b: u32 })) });
  t.deepEqual(mapGeometry(mapOf(s, 'x86_64')).lanes, [0, 0, 0, 1]);
});

test('the middle of a long array is cut short, and the cut says how many bytes it stands for', (t) => {
  const big = struct('big', { len: u32, pad: u32, data: array(u8, 4096) });
  const map = mapOf(big, 'x86_64');
  const g = mapGeometry(map);
  t.deepEqual(g.elisions.map((e) => [e.fromByte, e.toByte]), [[16, 4096]]);
  t.deepEqual(g.rows.map((r) => r.offset), [0, 8, 4096]);
  t.regex(byteMapSvg(map, { id: 'big', title: 'big' }), />4,080 more bytes</);
});

test('names too long for their box are numbered and spelled out under the map', (t) => {
  // A 2-byte box holds 19 characters in the name font and 22 in the small one.
  const s = struct('narrow', { interrupt_id_of_first: u16, x: u8, very_long_flag_name: u8, rest: u32 });
  const svg = byteMapSvg(mapOf(s, 'x86_64'), { id: 'n', title: 'narrow' });
  t.regex(svg, /class="name small">1 very_lo…</);
  t.regex(svg, /class="footnote">1 very_long_flag_name: @3 · 1 B · __u8</);
  t.notRegex(svg, /class="footnote">\d+ interrupt_id_of_first/, 'a name that fits in the small font needs no footnote');
  t.regex(svg, /class="name small">interrupt_id_of_first</);
  t.regex(svg, /class="name">x</);
});

test('change marks set the field style and add their note', (t) => {
  const svg = byteMapSvg(mapOf(hazard, 'x86_64'), { id: 'm', title: 'marks', marks: new Map([['b', { mark: 'moved', note: 'was @4' }]]) });
  t.regex(svg, /<g class="field f-moved" data-name="b"/);
  t.regex(svg, />@8 · 8 B · was @4 · __u64</);
  t.regex(svg, /<title>struct hazard\.b: __u64, offset 8, 8 bytes \[moved: was @4\]<\/title>/);
});

test('text in the diagram is escaped', (t) => {
  const svg = byteMapSvg(mapOf(hazard, 'x86_64'), { id: 'e', title: 'a <b> & "c"' });
  t.regex(svg, /<title id="e-title">a &lt;b&gt; &amp; "c"<\/title>/);
});

test('the same map always gives the same picture', (t) => {
  t.is(byteMapSvg(mapOf(hazard, 'x86_64'), { id: 'd', title: 'd' }), byteMapSvg(mapOf(hazard, 'x86_64'), { id: 'd', title: 'd' }));
});
