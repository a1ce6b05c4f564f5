import { describe, expect, it } from 'vitest';
import { sendMessage } from '@/db/queries/messages';
import { createTestUser, tempDatabaseForThisFile } from '@/db/testing';
import { notificationEventStream } from './event-stream';
import { getNotificationHub, pokeNotificationHub } from './hub';

tempDatabaseForThisFile();

/** Reads a stream as text; `until(re)` waits for the text so far to match. */
function readText(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let done = false;
  return {
    get text() {
      return text;
    },
    async until(pattern: RegExp): Promise<string> {
      while (!pattern.test(text)) {
        if (done) throw new Error(`stream ended before ${pattern}: ${JSON.stringify(text)}`);
        const chunk = await reader.read();
        done = chunk.done;
        if (chunk.value) text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    },
    async end(): Promise<string> {
      while (!done) {
        const chunk = await reader.read();
        done = chunk.done;
        if (chunk.value) text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    },
  };
}

const events = (text: string) => [...text.matchAll(/id: (\d+)\ndata: (.*)\n\n/g)].map((m) => ({ id: Number(m[1]), ...JSON.parse(m[2]) }));

describe('notification event stream', () => {
  it('sends retry, then the current values, then live ones, and resumes after the last id without repeats', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    await sendMessage(alice, { recipient: bob.username, body: 'before' });

    const aborted = new AbortController();
    const stream = readText(notificationEventStream(bob, 0, aborted.signal));
    expect(await stream.until(/retry/)).toMatch(/^retry: 2000\n\n/);
    await stream.until(/"data":1/);
    const [first] = events(stream.text);
    expect(first).toMatchObject({ name: 'unread_message_count', data: 1 });
    expect(first.timestamp).toBe(first.id / 1000);

    await sendMessage(alice, { recipient: bob.username, body: 'live' });
    pokeNotificationHub();
    await stream.until(/"data":2/);
    expect(events(stream.text).map((e) => e.data)).toEqual([1, 2]);

    // The client goes away: the stream ends and its subscription is gone.
    aborted.abort();
    await stream.end();
    expect(getNotificationHub().subscriberCount).toBe(0);

    // Resuming from the last id sends nothing old; the next change arrives.
    const lastId = events(stream.text)[1].id;
    const resumed = new AbortController();
    const again = readText(notificationEventStream(bob, lastId, resumed.signal));
    await sendMessage(alice, { recipient: bob.username, body: 'third' });
    pokeNotificationHub();
    await again.until(/"data":3/);
    expect(events(again.text).map((e) => e.data)).toEqual([3]);
    resumed.abort();
    await again.end();
  });

  it('does not show one user another user’s notifications', async () => {
    const [alice, bob, carol] = [await createTestUser(), await createTestUser(), await createTestUser()];
    const aborted = new AbortController();
    const carols = readText(notificationEventStream(carol, 0, aborted.signal));
    const bobs = readText(notificationEventStream(bob, 0, aborted.signal));
    await Promise.all([carols.until(/retry/), bobs.until(/retry/)]);
    await sendMessage(alice, { recipient: bob.username, body: 'for bob' });
    await sendMessage(alice, { recipient: carol.username, body: 'for carol' });
    pokeNotificationHub();
    await Promise.all([bobs.until(/"data":1/), carols.until(/"data":1/)]);
    aborted.abort();
    expect(events(await bobs.end())).toHaveLength(1);
    expect(events(await carols.end())).toHaveLength(1);
  });
});
