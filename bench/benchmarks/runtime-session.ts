import { findAbi, type Abi } from '../../harness/core/layout/abi';
import { HlRuntime } from '../../harness/userspace';
import { createDevice } from '../../emulator/device/create-device';
import type { Device } from '../../emulator/device/device';
import { EmulatedProcess } from '../../emulator/process/emulated-process';
import { spec as habanalabs } from '../../specs/habanalabs/spec';

/** A device and a runtime opened on it from an x86_64 process: what the emulator benchmarks drive. */
export function openSession(): { device: Device; hl: HlRuntime } {
  const { device, issues } = createDevice({ spec: habanalabs });
  if (device === undefined) throw new Error(`bench: cannot create the device: ${issues.map((i) => i.message).join('; ')}`);
  const hl = HlRuntime.open(EmulatedProcess.on(device, findAbi('x86_64') as Abi), { spec: device.spec });
  if (!hl.ok) throw new Error(`bench: cannot open the device (errno ${hl.errno})`);
  return { device, hl: hl.value };
}
