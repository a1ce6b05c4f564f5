import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { sendMessage } from './messages';
import { createPost } from './posts';

tempDatabaseForThisFile();

afterEach(() => {
  delete process.env.RATE_LIMIT_POSTS_PER_ACCOUNT;
  delete process.env.RATE_LIMIT_MESSAGES_PER_ACCOUNT;
});

describe('posting limits', () => {
  it('refuse posts past the limit per account, with the wait, and leave other accounts alone', async () => {
    process.env.RATE_LIMIT_POSTS_PER_ACCOUNT = '2';
    const [busy, other] = [await createTestUser('busy'), await createTestUser('quiet')];
    await createPost(busy, { body: 'one' });
    await createPost(busy, { body: 'two' });
    const refused = await createPost(busy, { body: 'three' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toMatch(/^You have reached the limit on posts for now\. Please try again in \d+ (minutes?|hours?)\.$/);
    await expect(createPost(other, { body: 'mine' })).resolves.toBeTypeOf('number');
  });

  it('refuse private messages past the limit per account; a refused recipient is not counted', async () => {
    process.env.RATE_LIMIT_MESSAGES_PER_ACCOUNT = '1';
    const [sender] = [await createTestUser('sender'), await createTestUser('reader')];
    await expect(sendMessage(sender, { recipient: 'nobody', body: 'hi' })).rejects.toThrow('User nobody not found.');
    await sendMessage(sender, { recipient: 'reader', body: 'hi' });
    await expect(sendMessage(sender, { recipient: 'reader', body: 'again' })).rejects.toBeInstanceOf(RateLimitedError);
  });
});
