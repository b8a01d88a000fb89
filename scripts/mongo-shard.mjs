#!/usr/bin/env node
// Shards the clinic's four document collections on a MongoDB sharded cluster (run against a
// mongos): `npm run mongo-shard -- "mongodb://admin:PASSWORD@mongos.clinic.lan:27017/clinic"`.
// Creates the shard-key indexes, enables sharding for the database and shards:
//   prescriptions, patient_feedback, communication_logs  by { patientId: 'hashed' }
//   system_audit_logs                                    by { eventId: 1 }
// Why, and which queries then go to every shard: docs/running-the-clinic-server.md, "Sharding".
// Safe to run again: collections already sharded are reported and left as they are.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';

export const SHARD_KEYS = {
  // Hashed: patient ids grow with each registration, so a ranged key would send every new
  // patient's documents to the last chunk; hashing spreads them while keeping a patient's
  // documents together (every query the app sends here names the patient, or is listed).
  prescriptions: { patientId: 'hashed' },
  patient_feedback: { patientId: 'hashed' },
  communication_logs: { patientId: 'hashed' },
  // Not by patient: a sharded collection's unique index must start with the shard key, and the
  // audit trail's unique eventId is what refuses a record delivered twice from the outbox. Event
  // ids are random UUIDs, so a ranged key on them spreads the writes evenly.
  system_audit_logs: { eventId: 1 },
};

async function main(uri) {
  if (!uri) {
    console.error('usage: npm run mongo-shard -- "mongodb://user:password@mongos-host:27017/<database>"');
    process.exit(2);
  }
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  try {
    const db = client.db();
    const admin = client.db('admin');
    const hello = await admin.command({ hello: 1 });
    if (hello.msg !== 'isdbgrid') {
      throw new Error('This is not a mongos (the router of a sharded cluster): connect to the cluster\'s mongos.');
    }
    await admin.command({ enableSharding: db.databaseName });
    for (const [collection, key] of Object.entries(SHARD_KEYS)) {
      await db.collection(collection).createIndex(key);
      try {
        await admin.command({ shardCollection: `${db.databaseName}.${collection}`, key });
        console.log(`${collection}: sharded by ${JSON.stringify(key)}`);
      } catch (error) {
        if (/already sharded/i.test(String(error?.message))) console.log(`${collection}: already sharded, left as it is`);
        else throw error;
      }
    }
  } finally {
    await client.close();
  }
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv[2]).catch((error) => {
    console.error(error instanceof Error ? error.message.replace(/\/\/[^@/\s]*@/g, '//') : String(error));
    process.exit(1);
  });
}
