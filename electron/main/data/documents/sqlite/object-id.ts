import { randomBytes } from 'node:crypto';

/**
 * Ids for documents of the SQLite store in MongoDB's ObjectId layout (24 hex digits: 4 bytes of
 * seconds, 5 random bytes fixed per process, a 3-byte counter), so a document keeps one id shape
 * whichever store made it, and ids sort by creation time as MongoDB's do.
 */
const processPart = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

export function newObjectIdHex(now: Date = new Date()): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(now.getTime() / 1000) % 0x100000000;
  return seconds.toString(16).padStart(8, '0') + processPart + counter.toString(16).padStart(6, '0');
}
