export * from './errors';
export * from './ids';
export * from './clock';
export * from './actor';
export * from './pagination';
export * from './canonical-json';
export * from './context';
