import test from 'ava';
import { defineSpec, s32, s64, struct, u32, u64 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';
import { timeUnitOf } from './s8-64-bit-time';

test('S8 flags 32-bit time fields and explains the overflow per unit', (t) => {
  const bad = struct('s8_bad', { timeout_ms: u32, tv_sec: s32, deadline: u32, wait_ns: u32 });
  const found = findingsOf('S8', defineSpec({ name: 's8', version: '1.0.0', types: [bad] }));
  t.deepEqual(subjects(found), ['warning struct s8_bad.timeout_ms', 'warning struct s8_bad.tv_sec', 'warning struct s8_bad.deadline', 'warning struct s8_bad.wait_ns']);
  const advice = '; use one `__u64` of nanoseconds, or `__s64` seconds plus `__u64` nanoseconds';
  t.is(found[0]?.message, `32-bit time field: a 32-bit unsigned count of milliseconds runs out after 49.7 days${advice}`);
  t.is(found[1]?.message, `32-bit time field: a 32-bit signed count of seconds since the epoch runs out in 2038 (the y2038 problem)${advice}`);
  t.is(found[2]?.message, `32-bit time field: its name gives no unit, and a 32-bit unsigned count runs out in each: as nanoseconds after 4.29 seconds, as microseconds after 71.6 minutes, as milliseconds after 49.7 days, as seconds since the epoch in 2106${advice}`);
  t.is(found[3]?.message, `32-bit time field: a 32-bit unsigned count of nanoseconds runs out after 4.29 seconds${advice}`);
});

test('S8 accepts 64-bit times and names that only look like units', (t) => {
  const good = struct('s8_good', { timeout_ns: u64, tv_sec: s64, tv_nsec: u64, sec_attest_nonce: u32, ns_id: u32 });
  t.deepEqual(findingsOf('S8', defineSpec({ name: 's8', version: '1.0.0', types: [good] })), []);
});

test('S8 reads units from name words', (t) => {
  t.is(timeUnitOf('interrupt_timeout_us'), 'us');
  t.is(timeUnitOf('tv_nsec'), 'ns');
  t.is(timeUnitOf('timeout'), 'unknown');
  t.is(timeUnitOf('sec_attest_nonce'), undefined);
  t.is(timeUnitOf('security_enabled'), undefined);
});
