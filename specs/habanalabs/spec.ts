import { defineSpec } from 'uapi-harness/dsl';
import * as gaudi from './asic-gaudi';
import * as gaudi2 from './asic-gaudi2';
import * as goya from './asic-goya';
import { hlCbFlags, hlCbOp } from './cb';
import { hl_cs_chunk, hlCsChunkFlags, hlCsFlags, hlCsStatus } from './cs';
import { hlDebugOp } from './debug';
import { hl_device_status, hl_engine_command, hl_info_fw_err_type, hl_clk_throttling_type, hl_server_type } from './enums';
import { hlInfoOp } from './info';
import { hlClkThrottleReasons } from './info-device';
import { hl_user_mapping, hlNotifierEvents, hlRazwiFlags } from './info-events';
import { hlCommandRange, hlIoctlIndex, hlIoctls } from './ioctls';
import { asicReservations, infoLimits, ioctlLimits } from './limits';
import { hlMemFlags, hlMemOp } from './memory';
import { hlWaitCsFlags, hlWaitCsStatus, hlWaitCsStatusFlags } from './wait-cs';

/**
 * The Habana Labs accelerator uAPI as Linux 6.12 ships it in include/uapi/drm/habanalabs_accel.h.
 *
 * Conventions of these files: structs, unions and enums are exported under their C names; constant
 * sets (which C does not name) in camelCase. Every value is the header's, every array length is the
 * #define the header uses, and members are in the header's order with its nesting and anonymity.
 */
export const spec = defineSpec({
  name: 'habanalabs',
  version: '1.4.0',
  ioctls: hlIoctls,
  // Reached through no ioctl argument or opcode payload (hl_cs_chunk and hl_user_mapping travel behind
  // user pointers), but part of the header's contract.
  types: [
    hl_cs_chunk, hl_user_mapping,
    hl_device_status, hl_server_type, hl_clk_throttling_type, hl_info_fw_err_type, hl_engine_command,
    goya.goya_queue_id, goya.goya_engine_id, goya.hl_goya_pll_index, goya.hl_goya_dma_direction,
    gaudi.gaudi_queue_id, gaudi.gaudi_engine_id, gaudi.hl_gaudi_pll_index, gaudi.gaudi_dcores,
    gaudi2.gaudi2_queue_id, gaudi2.gaudi2_engine_id, gaudi2.hl_gaudi2_pll_index,
  ],
  constants: [
    asicReservations,
    hlNotifierEvents,
    hlInfoOp,
    infoLimits,
    hlClkThrottleReasons,
    hlRazwiFlags,
    hlCbOp,
    hlCbFlags,
    hlCsChunkFlags,
    hlCsFlags,
    hlCsStatus,
    ioctlLimits,
    hlWaitCsFlags,
    hlWaitCsStatus,
    hlWaitCsStatusFlags,
    hlMemOp,
    hlMemFlags,
    hlDebugOp,
    hlIoctlIndex,
    hlCommandRange,
  ],
});
