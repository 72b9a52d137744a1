export * from './hit-matching';
