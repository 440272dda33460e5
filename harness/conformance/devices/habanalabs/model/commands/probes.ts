import { ensure, type RuleId } from '../../../../pbt/rules';
import { decodePayload, infoCall } from '../real';
import { EMULATED_SCOPE } from '../scope';
import { onSides, type Exec } from './context';

/**
 * The device's DRAM books agree with the model's: through the uAPI (INFO DRAM_USAGE on an open
 * file: free DRAM, and that file's own usage), or, with no file open or a client without INFO
 * DRAM_USAGE, through the device itself.
 */
export function checkDramUsage(x: Exec, rule: RuleId, when: string): void {
  const { m, r, env } = x;
  const i = m.slots.findIndex((s) => s.open);
  if (i < 0 || !env.reach.infoDramUsage) {
    for (const side of r.sides) {
      const free = BigInt(side.system.device.dram.freeBytes);
      ensure(free === m.dramFree, rule, () => `${when}: the device has ${free} bytes of DRAM free, the model ${m.dramFree}`);
    }
    return;
  }
  const slot = m.slots[i];
  const got = onSides(r, `INFO DRAM_USAGE ${when}`, (side) => {
    const a = infoCall(side, i, env.k(EMULATED_SCOPE.infoDramUsage), 16);
    const v = decodePayload(side, 'hl_info_dram_usage', a.answer) ?? {};
    return { errno: a.errno, free: v['dram_free_mem'] as bigint, ctx: v['ctx_dram_mem'] as bigint };
  });
  ensure(got.errno === 0 && got.free === m.dramFree, rule, () => `${when}: INFO DRAM_USAGE reports ${got.free} bytes free (errno ${got.errno}), the model ${m.dramFree}`);
  ensure(got.ctx === slot?.dramBytes, rule, () => `${when}: INFO DRAM_USAGE reports ${got.ctx} bytes used by slot ${i}, the model ${slot?.dramBytes}`);
}
