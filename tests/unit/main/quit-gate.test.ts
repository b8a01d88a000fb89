import { describe, expect, it } from 'vitest';
import { holdQuitUntilClosed, type QuitEvent } from '../../../electron/main/quit-gate';

function quitEvent(): QuitEvent & { prevented: boolean } {
  const event = {
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('holding quit until the workstation has closed', () => {
  it('quits only after close finishes, then lets the second quit through', async () => {
    const closing = deferred();
    const steps: string[] = [];
    let quitCalled = deferred();
    const onWillQuit = holdQuitUntilClosed(
      () => {
        steps.push('close started');
        return closing.promise.then(() => void steps.push('close finished'));
      },
      () => {
        steps.push('quit');
        quitCalled.resolve();
      },
      () => steps.push('failure reported'),
    );

    const first = quitEvent();
    onWillQuit(first);
    expect(first.prevented).toBe(true);
    expect(steps).toEqual(['close started']);

    // A second quit request while closing is held too and starts no second close.
    const whileClosing = quitEvent();
    onWillQuit(whileClosing);
    expect(whileClosing.prevented).toBe(true);
    expect(steps).toEqual(['close started']);

    closing.resolve();
    await quitCalled.promise;
    expect(steps).toEqual(['close started', 'close finished', 'quit']);

    quitCalled = deferred();
    const afterClose = quitEvent();
    onWillQuit(afterClose);
    expect(afterClose.prevented).toBe(false);
    expect(steps).toEqual(['close started', 'close finished', 'quit']);
  });

  it('still quits when closing fails, and reports the failure', async () => {
    const closing = deferred();
    const reported: unknown[] = [];
    const quitCalled = deferred();
    const onWillQuit = holdQuitUntilClosed(() => closing.promise, quitCalled.resolve, (error) => reported.push(error));

    onWillQuit(quitEvent());
    closing.reject(new Error('store already gone'));
    await quitCalled.promise;
    expect(reported).toEqual([new Error('store already gone')]);
    const afterClose = quitEvent();
    onWillQuit(afterClose);
    expect(afterClose.prevented).toBe(false);
  });
});
