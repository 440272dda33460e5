import type { Benchmark } from '../benchmark';
import { openSession } from './runtime-session';

/** The largest everyday INFO answer: hl_info_hw_ip_info (304 bytes, 150 fields and array elements). */
export const infoHwIpBenchmark: Benchmark = {
  name: 'emulator.info_hw_ip_ioctl',
  unit: 'ops/s',
  description: 'DRM_IOCTL_HL_INFO (hw_ip_info, 304 bytes) via runtime + codec + kernel entry + decode',
  setup() {
    const { device, hl } = openSession();
    return {
      run: () => {
        const r = hl.info.hwIp();
        return r.ok && r.value.device_id === device.config.deviceId;
      },
      teardown: () => { hl.close(); },
    };
  },
};
