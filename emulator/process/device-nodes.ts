import type { Device } from '../device/device';
import type { OpenMode } from '../kernel/open-file';

/** What a path of the emulated /dev names: a device and the minor it opens (compute or control). */
export interface DeviceNode {
  readonly device: Device;
  readonly mode: OpenMode;
}

/** Path → node: the emulated /dev an emulated process opens files in. */
export type DeviceNodes = ReadonlyMap<string, DeviceNode>;

/**
 * The nodes the habanalabs driver creates for its first device: the accel subsystem's compute and
 * control minors (`/dev/accel/accel0`, `/dev/accel/accel_controlD0`, kernels since 6.3) and the
 * driver's own class device names before it moved there (`/dev/hl0`, `/dev/hl_controlD0`).
 */
export const ACCEL_NODES: readonly { readonly path: string; readonly mode: OpenMode }[] = [
  { path: '/dev/accel/accel0', mode: 'compute' },
  { path: '/dev/accel/accel_controlD0', mode: 'control' },
  { path: '/dev/hl0', mode: 'compute' },
  { path: '/dev/hl_controlD0', mode: 'control' },
];

/** The emulated /dev holding `device` at every habanalabs node path. */
export function accelNodes(device: Device): DeviceNodes {
  return new Map(ACCEL_NODES.map((n) => [n.path, { device, mode: n.mode }]));
}

/** The current node path of a mode (the accel one): what a caller that knew only the mode opens. */
export function nodeOf(mode: OpenMode): string {
  return (ACCEL_NODES.find((n) => n.mode === mode) as { path: string }).path;
}
