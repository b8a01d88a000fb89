/**
 * Driver errors that mean "the server is not there right now", not "the request is wrong". Kept
 * apart from the Mongoose adapter, so that the outbox can name them without loading the driver
 * (a standalone workstation never loads it).
 */
export const MONGO_UNREACHABLE_ERRORS: ReadonlySet<string> = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClosedError',
]);
