import test from 'ava';
import { E } from '../../../../emulator/errno';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { referenceRelease } from '../../../testing/reference-releases';
import { spec as current } from '../../../../specs/habanalabs/spec';
import { codecFor } from '../../../core/codec';
import { faultSites } from '../args/faults';
import { declaredByConvention, inputView, payloadView, SAME_SPEC } from './device-view';
import { recordSites, type FieldSite } from './field-sites';
import { specFacts } from './spec-facts';

const x86 = findAbi('x86_64') as Abi;
const release = referenceRelease;
const device = specFacts(current, x86);

function site(facts: ReturnType<typeof specFacts>, ioctl: string, p: string): FieldSite {
  const s = facts.ioctl(ioctl)?.input?.sites.find((x) => x.path === p);
  if (s === undefined) throw new Error(`no site ${p}`);
  return s;
}

test('one spec for client and device: every fault and every pad stands', (t) => {
  const f = specFacts(current, x86);
  const cb = f.ioctl('DRM_IOCTL_HL_CB');
  if (cb === undefined) return t.fail();
  t.is(inputView(f, device, cb), SAME_SPEC);
  t.is(payloadView(f, device, 'hl_info_op', 0n), SAME_SPEC);
});

test('an older client: a pad the driver gave a meaning is no pad fault, one it kept is', (t) => {
  const old = specFacts(release('1.0.0'), x86);
  const cb = old.ioctl('DRM_IOCTL_HL_CB');
  const cs = old.ioctl('DRM_IOCTL_HL_CS');
  if (cb === undefined || cs === undefined) return t.fail();
  // hl_cb_in.pad became flags (5.10), hl_cs_in.chunks_store the staged-submission seq (5.15).
  t.false(inputView(old, device, cb).zeroThere(site(old, 'DRM_IOCTL_HL_CB', 'hl_cb_in.pad')));
  t.false(inputView(old, device, cs).zeroThere(site(old, 'DRM_IOCTL_HL_CS', 'hl_cs_in.chunks_store')));
  t.true(inputView(old, device, cs).zeroThere(site(old, 'DRM_IOCTL_HL_CS', 'hl_cs_in.pad[0]')));
  t.deepEqual(old.ioctls.flatMap((i) => faultSites(old, i, 'pad', inputView(old, device, i)).map((s) => s.path)),
    ['hl_info_args.pad', 'hl_cs_in.pad[0]', 'hl_cs_in.pad[1]', 'hl_cs_in.pad[2]', 'hl_cs_in.pad[3]']);
});

test('an older client: a flag bit or a value the driver defined since is no fault', (t) => {
  const old = specFacts(release('1.2.0'), x86);
  const cb = old.ioctl('DRM_IOCTL_HL_CB');
  if (cb === undefined) return t.fail();
  const view = inputView(old, device, cb);
  const flags = site(old, 'DRM_IOCTL_HL_CB', 'hl_cb_in.flags');
  // 1.2.0 has HL_CB_FLAGS_MAP (bit 0); the driver added GET_DEVICE_VA (bit 1); bit 5 is nobody's.
  t.false(view.bitUnknownThere(flags, 1));
  t.true(view.bitUnknownThere(flags, 5));
  const op = site(old, 'DRM_IOCTL_HL_CB', 'hl_cb_in.op');
  t.false(view.valueUnknownThere(op, 2n), 'HL_CB_OP_INFO came after 1.2.0');
  t.true(view.valueUnknownThere(op, 3n));
});

test('an older client: INFO answer pads are checked only where the driver\'s answer has pad too', (t) => {
  const old = specFacts(release('1.0.0'), x86);
  const op = (name: string): bigint => old.constant(name) ?? -1n;
  const payloadSite = (record: string, p: string): FieldSite => {
    const codec = codecFor(old.spec, x86, record);
    const s = codec === undefined ? undefined : recordSites(codec.plan, record).sites.find((x) => x.path === p);
    if (s === undefined) throw new Error(`no site ${p}`);
    return s;
  };
  // hw_ip_info.pad (the two bytes after dram_enabled) became security_enabled and mme_master_slave_mode.
  t.false(payloadView(old, device, 'hl_info_op', op('HL_INFO_HW_IP_INFO')).zeroThere(payloadSite('hl_info_hw_ip_info', 'hl_info_hw_ip_info.pad[0]')));
  // hw_idle.pad became busy_engines_mask (5.4); device_status kept its pad.
  t.false(payloadView(old, device, 'hl_info_op', op('HL_INFO_HW_IDLE')).zeroThere(payloadSite('hl_info_hw_idle', 'hl_info_hw_idle.pad')));
  const statusPad = payloadSite('hl_info_device_status', 'hl_info_device_status.pad');
  t.true(payloadView(old, device, 'hl_info_op', op('HL_INFO_DEVICE_STATUS')).zeroThere(statusPad));
  t.false(payloadView(old, device, 'hl_info_op', 999n).zeroThere(statusPad), 'an opcode the driver does not have: no claim');
});

test('an errno an older spec leaves out is its answer when the driver declares that class with the convention\'s errno', (t) => {
  const old = specFacts(release('1.0.0'), x86);
  const cs = old.ioctl('DRM_IOCTL_HL_CS');
  if (cs === undefined) return t.fail();
  // The 1.x tables were frozen before CS declared privileged: EPERM; EPERM is also the convention.
  t.false(cs.declared.has(E.EPERM));
  t.true(declaredByConvention(cs, device, E.EPERM));
  t.false(declaredByConvention(cs, device, E.EIO), 'EIO is no class CS declares');
  const same = specFacts(current, x86).ioctl('DRM_IOCTL_HL_CS');
  if (same === undefined) return t.fail();
  t.false(declaredByConvention(same, device, E.EIO), 'one spec for both sides: only its own table counts');
});
