import type { mongo } from 'mongoose';

type Document = mongo.Document;

/**
 * The document server's time, for the stamps other workstations compare: a prescription's
 * createdAt/updatedAt are the mirror pull's cursor on every workstation, so a workstation whose
 * clock lags would stamp its changes behind the others' cursors and they would never be pulled.
 * MongoDB stamps nothing itself on insert, so the time comes from the server's `hello` reply
 * (`localTime`), read at open and at every ping, and is carried forward on this machine's
 * monotonic clock: a workstation clock set by hand in between moves nothing.
 */
export class DocumentServerClock {
  private serverMsAtReading: number;
  private monotonicAtReading: number;

  constructor(private readonly monotonicMs: () => number = () => performance.now()) {
    // Until the first reply: the workstation's own clock, the best there is.
    this.serverMsAtReading = Date.now();
    this.monotonicAtReading = this.monotonicMs();
  }

  /** Asks the server for its time; the reply is taken as of the middle of the round trip. */
  async read(command: (request: Document) => Promise<Document>): Promise<void> {
    const sent = this.monotonicMs();
    const reply = await command({ hello: 1 });
    const answered = this.monotonicMs();
    const { localTime } = reply;
    if (!(localTime instanceof Date) || Number.isNaN(localTime.getTime())) return;
    this.serverMsAtReading = localTime.getTime();
    this.monotonicAtReading = (sent + answered) / 2;
  }

  now(): Date {
    return new Date(Math.round(this.serverMsAtReading + (this.monotonicMs() - this.monotonicAtReading)));
  }
}
