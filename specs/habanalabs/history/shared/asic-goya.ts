import { enumeration } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.

// Goya numbering of queues, engines and PLLs, as the header's enums list them (explicit values).

export const goya_queue_id = enumeration('goya_queue_id', {
  GOYA_QUEUE_ID_DMA_0: 0, GOYA_QUEUE_ID_DMA_1: 1, GOYA_QUEUE_ID_DMA_2: 2, GOYA_QUEUE_ID_DMA_3: 3,
  GOYA_QUEUE_ID_DMA_4: 4,
  GOYA_QUEUE_ID_CPU_PQ: 5,
  GOYA_QUEUE_ID_MME: 6,
  GOYA_QUEUE_ID_TPC0: 7, GOYA_QUEUE_ID_TPC1: 8, GOYA_QUEUE_ID_TPC2: 9, GOYA_QUEUE_ID_TPC3: 10,
  GOYA_QUEUE_ID_TPC4: 11, GOYA_QUEUE_ID_TPC5: 12, GOYA_QUEUE_ID_TPC6: 13, GOYA_QUEUE_ID_TPC7: 14,
  GOYA_QUEUE_ID_SIZE: 15,
}, { doc: 'Goya queue numbers (`hl_cs_chunk.queue_index`): external PCI DMA queues first, then the CPU queue, then internal ones.' });

export const goya_engine_id = enumeration('goya_engine_id', {
  GOYA_ENGINE_ID_DMA_0: 0, GOYA_ENGINE_ID_DMA_1: 1, GOYA_ENGINE_ID_DMA_2: 2, GOYA_ENGINE_ID_DMA_3: 3,
  GOYA_ENGINE_ID_DMA_4: 4,
  GOYA_ENGINE_ID_MME_0: 5,
  GOYA_ENGINE_ID_TPC_0: 6, GOYA_ENGINE_ID_TPC_1: 7, GOYA_ENGINE_ID_TPC_2: 8, GOYA_ENGINE_ID_TPC_3: 9,
  GOYA_ENGINE_ID_TPC_4: 10, GOYA_ENGINE_ID_TPC_5: 11, GOYA_ENGINE_ID_TPC_6: 12, GOYA_ENGINE_ID_TPC_7: 13,
  GOYA_ENGINE_ID_SIZE: 14,
}, { doc: 'Goya engine numbers: bit positions in `hl_info_hw_idle.busy_engines_mask`.' });

export const hl_goya_pll_index = enumeration('hl_goya_pll_index', {
  HL_GOYA_CPU_PLL: 0,
  HL_GOYA_IC_PLL: 1,
  HL_GOYA_MC_PLL: 2,
  HL_GOYA_MME_PLL: 3,
  HL_GOYA_PCI_PLL: 4,
  HL_GOYA_EMMC_PLL: 5,
  HL_GOYA_TPC_PLL: 6,
  HL_GOYA_PLL_MAX: 7,
}, { doc: 'Goya PLLs, selected by `hl_info_args.pll_index` for HL_INFO_PLL_FREQUENCY.' });

export const hl_goya_dma_direction = enumeration('hl_goya_dma_direction', {
  HL_DMA_HOST_TO_DRAM: 0,
  HL_DMA_HOST_TO_SRAM: 1,
  HL_DMA_DRAM_TO_SRAM: 2,
  HL_DMA_SRAM_TO_DRAM: 3,
  HL_DMA_SRAM_TO_HOST: 4,
  HL_DMA_DRAM_TO_HOST: 5,
  HL_DMA_DRAM_TO_DRAM: 6,
  HL_DMA_SRAM_TO_SRAM: 7,
  HL_DMA_ENUM_MAX: 8,
}, { doc: 'Direction of a LIN_DMA packet on a Goya DMA queue; the driver uses it to check and patch the packet addresses.' });
