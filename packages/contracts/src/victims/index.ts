export * from './record.schema';
export * from './screening.schema';
export * from './referral.schema';
export * from './statistics.schema';
