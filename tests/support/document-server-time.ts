import mongoose from 'mongoose';

/** The document server's own time, from its `hello` reply (the time the app stamps documents with). */
export async function documentServerNow(url: string): Promise<Date> {
  const client = new mongoose.mongo.MongoClient(url);
  await client.connect();
  try {
    const { localTime } = await client.db().command({ hello: 1 });
    if (!(localTime instanceof Date)) throw new Error('The document server did not tell its time');
    return localTime;
  } finally {
    await client.close();
  }
}
