import type { Page } from '@playwright/test';
import { expect, signedInUser, test } from './fixtures';

/** The navigation's Notifications link; its accessible name carries the count ("Notifications, 2 unread"). */
const notificationsLink = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ });

async function post(page: Page, text: string) {
  await page.goto('/');
  await page.getByLabel('Say something').fill(text);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
}

test('two users talk: reply, like and mention, each seeing the other live in the notifications count', async ({ browser }) => {
  // Two browsers and a dozen page loads: past 30 s on a loaded 2-core machine.
  test.slow();
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  const [ann, bob] = [await contextA.newPage(), await contextB.newPage()];
  const a = await signedInUser(ann, 'ann');
  const b = await signedInUser(bob, 'bob');
  await expect(notificationsLink(ann)).toHaveAccessibleName('Notifications');

  await post(ann, `Anyone up for #Climbing this weekend, @${b.username}?`);
  // Bob is mentioned: his count rises without a reload.
  await expect(notificationsLink(bob)).toHaveAccessibleName('Notifications, 1 unread', { timeout: 5000 });

  // Bob opens the post from his notifications, replies and likes it.
  await notificationsLink(bob).click();
  await expect(bob.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expect(bob.getByText(`${a.username} mentioned you`)).toBeVisible();
  await expect(notificationsLink(bob)).toHaveAccessibleName('Notifications');
  await bob.getByRole('link', { name: /Anyone up for #Climbing/ }).click();
  await expect(bob.getByRole('heading', { name: `Post by ${a.username}` })).toBeVisible();
  const replyBox = bob.getByLabel(`Reply to ${a.username}`);
  await expect(replyBox).toHaveValue(`@${a.username} `);
  await replyBox.pressSequentially('count me in!');
  await bob.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(bob.getByText('Your reply is now live!')).toBeVisible();
  const replies = bob.getByRole('region', { name: 'Replies' });
  await expect(replies.getByText('count me in!')).toBeVisible();
  await expect(replies.getByText(`Replying to @${a.username}`)).toBeVisible();
  // The mention in the reply links to Ann's profile.
  await expect(replies.getByRole('link', { name: `@${a.username}`, exact: true })).toHaveAttribute('href', `/user/${a.username}`);

  const focus = bob.locator('.post-focus');
  await focus.getByRole('button', { name: /^Like/ }).click();
  await expect(focus.getByRole('button', { name: /^Unlike/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(focus.getByRole('link', { name: '1 like' })).toBeVisible();

  // Ann sees both (a reply and a like) live.
  await expect(notificationsLink(ann)).toHaveAccessibleName('Notifications, 2 unread', { timeout: 5000 });
  await notificationsLink(ann).click();
  await expect(ann.getByText(`${b.username} liked your post`)).toBeVisible();
  await expect(ann.getByText(`${b.username} replied to your post`)).toBeVisible();

  // The hashtag links to its page, case-insensitively.
  await ann.goto(`/user/${a.username}`);
  await ann.getByRole('link', { name: '#Climbing' }).click();
  await expect(ann).toHaveURL(/\/tags\/climbing$/);
  await expect(ann.getByRole('heading', { name: '#climbing' })).toBeVisible();
  await expect(ann.getByText(/Anyone up for/)).toBeVisible();
  await contextA.close();
  await contextB.close();
});

test('an author edits and deletes their post; replies stay under "This post was deleted"', async ({ browser }) => {
  // Two browsers and a dozen page loads: past 30 s on a loaded 2-core machine.
  test.slow();
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  const [ann, bob] = [await contextA.newPage(), await contextB.newPage()];
  const a = await signedInUser(ann, 'edit');
  await signedInUser(bob, 'other');
  await post(ann, 'first draft of my thoughts');
  const mine = ann.locator('article', { hasText: 'first draft of my thoughts' });
  await mine.getByRole('link', { name: 'Edit', exact: true }).click();
  const box = ann.getByLabel('Your post');
  await box.fill('');
  await ann.getByRole('button', { name: 'Save' }).click();
  await expect(ann.getByText('Your post cannot be empty.')).toBeVisible();
  await box.fill('final version of my thoughts');
  await ann.getByRole('button', { name: 'Save' }).click();
  await expect(ann.getByText('Your post has been updated.')).toBeVisible();
  await expect(ann.locator('.post-focus')).toContainText('final version of my thoughts');
  await expect(ann.locator('.post-focus')).toContainText('edited');
  const postUrl = ann.url();

  // Someone else has no Edit or Delete, and the edit page is not theirs.
  await bob.goto(postUrl);
  await expect(bob.locator('.post-focus').getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await bob.goto(`${postUrl}/edit`);
  await expect(bob.getByRole('heading', { name: /not found/i })).toBeVisible();
  await bob.goto(postUrl);
  await bob.getByLabel(/Reply to/).fill('a reply that outlives the post');
  await bob.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(bob.getByText('Your reply is now live!')).toBeVisible();

  await ann.goto(postUrl);
  await ann.locator('.post-focus').getByRole('link', { name: 'Delete', exact: true }).click();
  await expect(ann.getByRole('heading', { name: 'Delete this post?' })).toBeVisible();
  await ann.getByRole('button', { name: 'Delete' }).click();
  await expect(ann.getByText('Your post has been deleted.')).toBeVisible();
  await expect(ann).toHaveURL(new RegExp(`/user/${a.username}$`));
  await ann.goto(postUrl);
  await expect(ann.getByRole('heading', { name: /not found/i })).toBeVisible();

  await bob.goto('/explore');
  const reply = bob.locator('article', { hasText: 'a reply that outlives the post' });
  await expect(reply.getByText('Replying to a deleted post')).toBeVisible();
  await reply.getByRole('link', { name: /ago|now|second/ }).first().click();
  await expect(bob.getByText('This post was deleted.')).toBeVisible();
  await contextA.close();
  await contextB.close();
});

test('search finds a post by a word in it and highlights the word; bad queries get a message', async ({ page }) => {
  const user = await signedInUser(page, 'find');
  const word = `kumquat${Date.now().toString(36)}`;
  await post(page, `I just ate a ${word} and it was sour`);
  const search = page.getByRole('search').getByLabel('Search');
  await search.fill(word.slice(0, -2));
  await search.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  const result = page.getByRole('region', { name: 'Posts' }).locator('article');
  await expect(result).toHaveCount(1);
  await expect(result.locator('mark')).toHaveText(word);

  for (const q of ['"', 'NEAR(', '*', '-']) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole('heading', { name: 'Search' })).toBeVisible();
  }
  await page.goto('/search?q=%22');
  await expect(page.locator('#search-error')).toHaveText('Please search for words or names, not only punctuation.');
  await expect(page.getByLabel('Words, "a phrase" or a username')).toHaveAttribute('aria-invalid', 'true');
  await page.goto(`/search?q=${user.username.slice(0, 6)}`);
  await expect(page.getByRole('region', { name: 'People' }).getByRole('link', { name: user.username })).toBeVisible();
});
