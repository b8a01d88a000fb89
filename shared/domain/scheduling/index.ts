export * from './wall-clock';
export * from './intervals';
export * from './types';
export * from './opening-hours';
export * from './day-plan';
export * from './slots';
export * from './booking-check';
export * from './lifecycle';
