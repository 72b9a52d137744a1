export * from './training.schema';
