export * from './hit-matching';
export * from './agency-identity';
export * from './package-format';
export * from './partner-card';
export * from './signed-request';
export * from './cooperation.policy';
export {
  CooperationService,
  INDEXED_ENTITY_TYPES,
  SIGNED_JSON,
  checkLedger,
  signReceipt,
  verifyReceipt,
  type CooperationServiceOptions,
  type ReceivedPackage,
} from './cooperation.service';
export type { PartnerRow, PackageRow } from './cooperation.repository';
export { loadCooperationDemo, type CooperationDemo } from './cooperation.demo';
