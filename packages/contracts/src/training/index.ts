export * from './training.schema';
export * from './exercise.schema';
export * from './lti.schema';
