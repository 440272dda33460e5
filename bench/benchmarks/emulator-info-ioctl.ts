import type { Benchmark } from '../benchmark';
import { openSession } from './runtime-session';

/**
 * INFO ioctls per second through the whole path: the runtime encodes hl_info_args with the codec,
 * the kernel entry decodes the request, copies in, checks the spec's annotations and dispatches; the
 * handler answers HL_INFO_DEVICE_STATUS through the codec; the runtime decodes the answer.
 */
export const infoIoctlBenchmark: Benchmark = {
  name: 'emulator.info_ioctl',
  unit: 'ops/s',
  description: 'DRM_IOCTL_HL_INFO (device status) via runtime + codec + kernel entry + decode',
  setup() {
    const { device, hl } = openSession();
    return {
      run: () => {
        const r = hl.info.deviceStatus();
        return r.ok && r.value.status === device.constants.HL_DEVICE_STATUS_OPERATIONAL;
      },
      teardown: () => { hl.close(); },
    };
  },
};
