// Public surface of the victims domain: other domains and the apps import only from here.
export * from './envelope';
export * from './master-key';
export { DataKeyVault, vaultPath } from './key-vault';
export * from './victim-protection';
