// Public surface of the crypto-tracing domain. Other domains import only from here (`@trag/core/crypto`).
export {
  validateAddress,
  describeAddressError,
  toChecksumAddress,
  tronToEthereum,
  ethereumToTron,
  tronToHex,
  encodeBase58Address,
  encodeSegwitAddress,
} from './address';
export type {
  AddressValidation,
  AddressChain,
  AddressType,
  AddressErrorCode,
  AddressWarningCode,
  BtcNetwork,
} from './address';
