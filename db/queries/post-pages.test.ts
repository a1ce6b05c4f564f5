import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { likePost } from './likes';
import { deletePost, getOwnPost, updatePost } from './post-writes';
import { createPost, fullPostsById, getPost, listPostsPage } from './posts';
import { searchPeoplePage, searchPostsPage } from './search';

// The data-layer functions behind the edit and delete pages and the REST API's conversation fields:
// getOwnPost, the counts in full posts, and the offset pages of search.

tempDatabaseForThisFile();

describe('getOwnPost', () => {
  it('gives the author their post as lists show it, and refuses everyone else with the rule updatePost uses', async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    const id = await createPost(ann, { body: 'mine, #own' });
    const post = await getOwnPost(ann, id);
    expect(post).toMatchObject({ id, body: 'mine, #own', author: { username: ann.username }, editedAt: null, likeCount: 0 });
    await expect(getOwnPost(bob, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updatePost(bob, { postId: id, body: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOwnPost(null, id)).rejects.toBeInstanceOf(UnauthenticatedError);
    await deletePost(ann, { postId: id });
    await expect(getOwnPost(ann, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('full posts (the REST API)', () => {
  it('carry the parent id, edit time, like and reply counts and the viewer\'s like, in the same statement as the page', async () => {
    const ann = await createTestUser();
    const bob = await createTestUser();
    const root = await createPost(ann, { body: 'root' });
    const reply = await createPost(bob, { body: 'reply', inReplyToId: root });
    await likePost(bob, root);
    await updatePost(ann, { postId: root, body: 'root, edited' });

    expect(await getPost(bob, root)).toMatchObject({ inReplyToId: null, likeCount: 1, replyCount: 1, likedByViewer: true, editedAt: expect.any(Date) });
    expect(await getPost(ann, root)).toMatchObject({ likedByViewer: false });
    expect(await getPost(ann, reply)).toMatchObject({ inReplyToId: root, likeCount: 0, replyCount: 0, editedAt: null });
    const page = await listPostsPage(bob, { limit: 25, offset: 0, scope: { kind: 'user', userId: ann.id } });
    expect(page.items.map((p) => [p.id, p.likeCount, p.replyCount, p.likedByViewer])).toEqual([[root, 1, 1, true]]);
    expect((await fullPostsById(ann, [reply, 999999, root])).map((p) => p.id)).toEqual([reply, root]);
  });
});

describe('search pages (the REST API)', () => {
  it('pages posts by relevance with the total, with the web search\'s rules for queries', async () => {
    const ann = await createTestUser();
    const word = `quokka${Date.now().toString(36).replace(/\d/g, '')}`;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await createPost(ann, { body: `${i === 1 ? `${word} ${word}` : word} sighting number ${i}` }));
    const first = await searchPostsPage(ann, { q: word, limit: 2, offset: 0 });
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    // The post with the word twice ranks first; then the newer of the others.
    expect(first.items[0].id).toBe(ids[1]);
    const rest = await searchPostsPage(ann, { q: word, limit: 2, offset: 2 });
    expect(rest.items.map((p) => p.id)).toEqual([ids[0]]);
    expect(rest).toMatchObject({ offset: 2, total: 3 });
    await expect(searchPostsPage(ann, { q: word, limit: 2, offset: 3 })).rejects.toBeInstanceOf(ValidationError);
    await expect(searchPostsPage(ann, { q: '  ', limit: 2, offset: 0 })).rejects.toThrow('Please enter something to search for.');
    expect((await searchPostsPage(ann, { q: `NEAR( ${word}" -`, limit: 25, offset: 0 })).total).toBe(0);
    expect((await searchPostsPage(ann, { q: `${word} "sighting`, limit: 25, offset: 0 })).total).toBe(3);
    await expect(searchPostsPage(null, { q: word, limit: 2, offset: 0 })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('pages people by username prefix, shortest first, with the total', async () => {
    const stem = `zed${Date.now().toString(36).replace(/\d/g, '')}`;
    const short = await createTestUser(stem);
    const longer = await createTestUser(`${stem}_more`);
    const page = await searchPeoplePage(short, { q: `@${stem.toUpperCase()}`, limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((u) => u.username)).toEqual([short.username]);
    expect(page.items[0]).not.toHaveProperty('passwordHash');
    expect((await searchPeoplePage(short, { q: stem, limit: 1, offset: 1 })).items.map((u) => u.username)).toEqual([longer.username]);
    expect((await searchPeoplePage(short, { q: 'a%', limit: 5, offset: 0 })).total).toBe(0);
    await expect(searchPeoplePage(short, { q: '', limit: 5, offset: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
});
