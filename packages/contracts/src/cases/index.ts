export * from './common.schema';
export * from './case.schema';
export * from './member.schema';
export * from './note.schema';
export * from './task.schema';
export * from './entity.schema';
export * from './dashboard.schema';
