export * from './training.schema';
export * from './exercise.schema';
