// The four document collections of the seed: zod schemas and types shared by both document
// stores (MongoDB, SQLite JSON tables), the services and the renderer. No Node imports here.
export * from './fields';
export * from './prescriptions';
export * from './patient-feedback';
export * from './communication-logs';
export * from './system-audit-logs';
export * from './feedback-summary';
