export * from './hit-matching';
export * from './agency-identity';
export * from './package-format';
