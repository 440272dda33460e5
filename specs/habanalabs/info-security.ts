import { array, struct, u16, u32, u8 } from 'uapi-harness/dsl';
import {
  SEC_CERTIFICATE_BUF_SZ, SEC_DEV_INFO_BUF_SZ, SEC_PCR_DATA_BUF_SZ, SEC_PCR_QUOTE_BUF_SZ, SEC_PUB_DATA_BUF_SZ,
  SEC_SIGNATURE_BUF_SZ,
} from './limits';

// Attestation INFO payloads of secured devices. The nonce travels in through `hl_info_args.sec_attest_nonce`
// and comes back here; the byte arrays are firmware blobs whose valid length is in the *_len fields.

export const hl_info_sec_attest = struct('hl_info_sec_attest', {
  nonce: u32,
  pcr_quote_len: u16,
  pub_data_len: u16,
  certificate_len: u16,
  pcr_num_reg: u8,
  pcr_reg_len: u8,
  quote_sig_len: u8,
  pcr_data: array(u8, SEC_PCR_DATA_BUF_SZ),
  pcr_quote: array(u8, SEC_PCR_QUOTE_BUF_SZ),
  quote_sig: array(u8, SEC_SIGNATURE_BUF_SZ),
  public_data: array(u8, SEC_PUB_DATA_BUF_SZ),
  certificate: array(u8, SEC_CERTIFICATE_BUF_SZ),
  pad0: array(u8, 2).pad(),
}, { doc: 'HL_INFO_SECURED_ATTESTATION: the boot attestation report, quote and signing certificate.' });

export const hl_info_signed = struct('hl_info_signed', {
  nonce: u32,
  pub_data_len: u16,
  certificate_len: u16,
  info_sig_len: u8,
  public_data: array(u8, SEC_PUB_DATA_BUF_SZ),
  certificate: array(u8, SEC_CERTIFICATE_BUF_SZ),
  info_sig: array(u8, SEC_SIGNATURE_BUF_SZ),
  dev_info_len: u16,
  dev_info: array(u8, SEC_DEV_INFO_BUF_SZ),
  pad: array(u8, 2).pad(),
}, { doc: 'HL_INFO_DEV_SIGNED: device information signed by the device together with the caller\'s nonce.' });
