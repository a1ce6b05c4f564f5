import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { expect, newUser, test as base, type TestUser } from './fixtures';
import { accountRows, chunkedPost, cookieHeader, expectAnswer, hiddenFields, submitForm, usersNamed } from './hostile-client';
import { resetLinkIn, waitForMessage } from './outbox';

/**
 * Hostile requests and malformed input, sent over HTTP as a script or an attacker would: every one gets
 * the right status (never a 5xx), a message a person can read, and changes nothing in the database
 * (read back from the e2e server's file). Part of `npm run test:faults` (issue 11).
 */

interface Account {
  user: TestUser;
  /** A request context signed in as `user` (its cookies), with no JavaScript: forms post multipart. */
  api: APIRequestContext;
}

// The 404 page's heading: in the HTML, or in the page's React payload when the 404 came mid-render.
const NOT_FOUND_PAGE = /<h1>Not Found<\/h1>|\\"children\\":\\"Not Found\\"/;

/** The descriptor and bound-arguments fields of a no-JS action form (`$ACTION_<n>:0` and `$ACTION_<n>:1`). */
function actionParts(fields: Record<string, string>): { id: string; descriptor: string; bound: string } {
  const descriptor = Object.keys(fields).find((key) => /^\$ACTION_\d+:0$/.test(key));
  if (!descriptor) throw new Error('no action descriptor in the form');
  return { id: (JSON.parse(fields[descriptor]) as { id: string }).id, descriptor, bound: descriptor.replace(/:0$/, ':1') };
}
const INVALID_RESET_LINK = 'This password reset link is invalid, has expired or was already used.';

async function signUpAndIn(baseURL: string, prefix: string): Promise<Account> {
  const api = await playwrightRequest.newContext({ baseURL });
  const user = newUser(prefix);
  const registered = await submitForm(api, '/register', { username: user.username, email: user.email, password: user.password, password2: user.password }, { baseURL });
  expect(registered.status()).toBe(303);
  const signedIn = await submitForm(api, '/login', { username: user.username, password: user.password }, { baseURL });
  expect(signedIn.status()).toBe(303);
  return { user, api };
}

// Two accounts per worker: alice does the hostile things, bob is whom she writes to and follows.
const test = base.extend<{ baseUrl: string }, { alice: Account; bob: Account }>({
  baseUrl: async ({ baseURL }, provide) => provide(baseURL!),
  alice: [async ({}, provide, info) => provide(await signUpAndIn(info.project.use.baseURL!, 'alice')), { scope: 'worker' }],
  bob: [async ({}, provide, info) => provide(await signUpAndIn(info.project.use.baseURL!, 'bob')), { scope: 'worker' }],
});

/** Runs `send` and asserts that neither account's rows changed. */
async function unchanged(accounts: Account[], send: () => Promise<void>) {
  const before = await Promise.all(accounts.map((a) => accountRows(a.user.username)));
  await send();
  const after = await Promise.all(accounts.map((a) => accountRows(a.user.username)));
  expect(after).toEqual(before);
}

test.describe('malformed percent-escapes in a path get the 404 page, signed in or out', () => {
  const pages = ['/user/%FF', '/user/%FF/followers', '/user/%FF/following', '/send-message/%FF', '/reset-password/%ZZ', '/user/100%', '/user/%E0%A4%A'];
  for (const path of pages) {
    test(`${path} signed out`, async ({ request }) => {
      await expectAnswer(await request.get(path, { maxRedirects: 0 }), 404, NOT_FOUND_PAGE);
    });
    test(`${path} signed in`, async ({ alice }) => {
      await expectAnswer(await alice.api.get(path, { maxRedirects: 0 }), 404, NOT_FOUND_PAGE);
    });
  }
  for (const path of ['/user/%FF/popup', '/api/auth/%FF']) {
    test(`${path} answers JSON 404`, async ({ alice }) => {
      const response = await alice.api.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(await response.json()).toEqual({ error: 'Not Found' });
    });
  }
});

test.describe('cross-site server-action posts are refused with 403 and write nothing', () => {
  for (const origin of ['https://evil.example', 'null']) {
    test(`a no-JS post form sent with Origin: ${origin}`, async ({ alice, bob, baseUrl }) => {
      await unchanged([alice, bob], async () => {
        const response = await submitForm(alice.api, '/', { post: 'cross-site' }, { baseURL: baseUrl, headers: { Origin: origin } });
        await expectAnswer(response, 403, 'This form was sent from another site.');
      });
    });
  }
  test('a fetch action (Next-Action header) sent from another site', async ({ alice, bob }) => {
    const html = await (await alice.api.get('/')).text();
    const { id } = actionParts(hiddenFields(html, 'post'));
    await unchanged([alice, bob], async () => {
      const response = await alice.api.post('/', {
        headers: { Origin: 'https://evil.example', 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8' },
        data: '[{"status":"idle"},"$K1"]',
      });
      await expectAnswer(response, 403, 'Cross-site request refused');
    });
  });
  test('a follow button posted from another site', async ({ alice, bob, baseUrl }) => {
    await unchanged([alice, bob], async () => {
      const response = await submitForm(alice.api, `/user/${bob.user.username}`, {}, { field: 'username', baseURL: baseUrl, headers: { Origin: 'https://evil.example' } });
      await expectAnswer(response, 403, 'Cross-site request refused');
    });
  });
});

test.describe('tampered server-action requests answer 400 (or 409 for an unknown action) and write nothing', () => {
  // BOUND and DESCRIPTOR stand for the form's `$ACTION_<n>:1` and `$ACTION_<n>:0` fields, ID for its action id.
  const tamper: [string, Record<string, string>][] = [
    ['an edited bound-argument reference', { DESCRIPTOR: '{"id":"ID","bound":"$@9"}' }],
    ['a reference to a missing part inside the bound arguments', { BOUND: '["$@7"]' }],
    ['broken JSON in the bound arguments', { BOUND: '[{"status":' }],
    ['bound arguments that are not a list', { BOUND: '{"status":"idle"}' }],
    ['a server reference smuggled into the bound arguments', { BOUND: '["$h1"]' }],
  ];
  for (const [name, override] of tamper) {
    test(name, async ({ alice, bob, baseUrl }) => {
      const fields = hiddenFields(await (await alice.api.get('/')).text(), 'post');
      const { id, descriptor, bound } = actionParts(fields);
      const edited = Object.fromEntries(Object.entries(override).map(([k, v]) => [k === 'BOUND' ? bound : descriptor, v.replace('ID', id)]));
      await unchanged([alice, bob], async () => {
        const response = await alice.api.post('/', { multipart: { ...fields, post: 'tampered', ...edited }, headers: { Origin: baseUrl }, maxRedirects: 0 });
        await expectAnswer(response, 400, 'The form you sent was damaged or changed on the way.');
      });
    });
  }
  test('a fetch action whose JSON body is broken', async ({ alice, bob }) => {
    const { id } = actionParts(hiddenFields(await (await alice.api.get('/')).text(), 'post'));
    await unchanged([alice, bob], async () => {
      const response = await alice.api.post('/', { headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8' }, data: '[{"status":' });
      await expectAnswer(response, 400, 'could not be read');
    });
  });
  test('a fetch action whose body refers to a part that was not sent', async ({ alice, bob }) => {
    const { id } = actionParts(hiddenFields(await (await alice.api.get('/')).text(), 'post'));
    await unchanged([alice, bob], async () => {
      const response = await alice.api.post('/', { headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8' }, data: '["$@5","$K1"]' });
      await expectAnswer(response, 400, 'could not be read');
    });
  });
  test('a multipart body that does not parse', async ({ alice, bob, baseUrl }) => {
    await unchanged([alice, bob], async () => {
      const response = await alice.api.post('/', { headers: { Origin: baseUrl, 'Content-Type': 'multipart/form-data; boundary=abc' }, data: '--xyz\r\ngarbage' });
      await expectAnswer(response, 400, 'could not be read');
    });
  });
  test('a malformed action id', async ({ alice, bob }) => {
    await unchanged([alice, bob], async () => {
      const response = await alice.api.post('/', { headers: { 'Next-Action': 'not-an-id', 'Content-Type': 'text/plain;charset=UTF-8' }, data: '[]' });
      await expectAnswer(response, 400, 'Invalid Server Action request.');
    });
  });
  test('an unknown action id (as after a new deployment: the client router reloads on 409)', async ({ alice, bob, baseUrl }) => {
    const fields = hiddenFields(await (await alice.api.get('/')).text(), 'post');
    const { id, descriptor } = actionParts(fields);
    const unknown = `${id.slice(0, -6)}000000`;
    await unchanged([alice, bob], async () => {
      const response = await alice.api.post('/', {
        multipart: { ...fields, [descriptor]: JSON.stringify({ id: unknown, bound: '$@1' }), post: 'unknown action' },
        headers: { Origin: baseUrl },
        maxRedirects: 0,
      });
      await expectAnswer(response, 409, 'Server Action unavailable.');
    });
  });
});

test.describe('request bodies over 1 MB get the 413 page, with or without Content-Length', () => {
  const big = Buffer.from(`--b\r\nContent-Disposition: form-data; name="post"\r\n\r\n${'x'.repeat(1_100_000)}\r\n--b--\r\n`);
  test('a chunked 1.1 MB form post from a signed-in user', async ({ alice, bob, baseUrl }) => {
    await unchanged([alice, bob], async () => {
      const headers = { Cookie: await cookieHeader(alice.api), Origin: baseUrl, 'Content-Type': 'multipart/form-data; boundary=b' };
      const response = await chunkedPost(`${baseUrl}/`, big, headers);
      expect(response.status).toBe(413);
      expect(response.text).toContain('That was too large');
    });
  });
  test('a chunked 1.1 MB post signed out', async ({ baseUrl }) => {
    const response = await chunkedPost(`${baseUrl}/login`, big, { 'Content-Type': 'multipart/form-data; boundary=b' });
    expect(response.status).toBe(413);
    expect(response.text).toContain('That was too large');
  });
  test('a chunked 1.1 MB post to a JSON endpoint answers JSON', async ({ baseUrl }) => {
    const response = await chunkedPost(`${baseUrl}/api/auth/callback/credentials`, big, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ error: 'Payload Too Large' });
  });
  test('a 1.1 MB post with Content-Length', async ({ alice, bob }) => {
    await unchanged([alice, bob], async () => {
      await expectAnswer(await alice.api.post('/', { multipart: { post: 'x'.repeat(1_100_000) } }), 413, 'That was too large');
    });
  });
});

test.describe('password reset', () => {
  test('a forged token in the reset form shows the invalid-link message and changes no password', async ({ alice, bob, baseUrl }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL: baseUrl });
    const requested = await submitForm(anonymous, '/reset-password', { email: alice.user.email }, { baseURL: baseUrl });
    expect(requested.status()).toBe(303);
    const link = new URL(resetLinkIn(await waitForMessage(alice.user.email))!);
    for (const token of ['a'.repeat(300), '', '%FF', `${link.pathname.split('/').pop()}x`]) {
      await unchanged([alice, bob], async () => {
        const response = await submitForm(anonymous, link.pathname, { password: 'new password 1', password2: 'new password 1' }, { baseURL: baseUrl, override: { token } });
        await expectAnswer(response, 200, INVALID_RESET_LINK);
        expect(await response.text()).not.toContain('Please correct the errors below.');
      });
    }
    await anonymous.dispose();
  });
  test('an unknown or malformed reset link shows the invalid-link page', async ({ request }) => {
    for (const path of ['/reset-password/nonsense', `/reset-password/${'A'.repeat(43)}`, `/reset-password/${'a'.repeat(5000)}`]) {
      await expectAnswer(await request.get(path), 200, INVALID_RESET_LINK);
    }
  });
});

test.describe('text that renders blank counts as empty', () => {
  const blanks: [string, string][] = [
    ['zero-width space, joiners and word joiner', '\u200B\u200C\u200D\u2060'],
    ['byte order mark and soft hyphen', '\uFEFF\u00AD'],
    ['blank Braille pattern', '\u2800\u2800'],
    ['Hangul fillers', '\u3164\u115F\u1160\uFFA0'],
    ['combining marks alone', '\u0301\u0308\u20DD'],
    ['bidi controls and variation selectors', '\u202E\u2066\u200F\uFE0F\u{E0100}'],
  ];
  for (const [name, text] of blanks) {
    test(`a post of ${name}`, async ({ alice, bob, baseUrl }) => {
      await unchanged([alice, bob], async () => {
        await expectAnswer(await submitForm(alice.api, '/', { post: ` ${text} ` }, { baseURL: baseUrl }), 200, 'Your post cannot be empty.');
      });
    });
  }
  test('a message of invisible characters', async ({ alice, bob, baseUrl }) => {
    await unchanged([alice, bob], async () => {
      const response = await submitForm(alice.api, `/send-message/${bob.user.username}`, { message: '\u200B\u2800\u3164' }, { baseURL: baseUrl });
      await expectAnswer(response, 200, 'Your message cannot be empty.');
    });
  });
  test('an about me of invisible characters is saved empty', async ({ alice, baseUrl }) => {
    const save = (aboutMe: string) => submitForm(alice.api, '/edit-profile', { username: alice.user.username, aboutMe }, { field: 'aboutMe', baseURL: baseUrl });
    expect((await save('Hello')).status()).toBe(200);
    expect((await accountRows(alice.user.username)).about_me).toBe('Hello');
    expect((await save('\u200B\u2800 \u3164')).status()).toBe(200);
    expect((await accountRows(alice.user.username)).about_me ?? '').toBe(''); // stored as NULL or ''
  });
});

test.describe('earlier bad input on every form gets a clear message and writes nothing', () => {
  const formCases: [string, string, Record<string, string>, string][] = [
    ['an empty post', '/', { post: '' }, 'Your post cannot be empty.'],
    ['a 281-character post', '/', { post: 'x'.repeat(281) }, 'Your post must be at most 280 characters (it has 281).'],
    ['an empty message', '/send-message/BOB', { message: '   ' }, 'Your message cannot be empty.'],
    ['a 281-character message', '/send-message/BOB', { message: '😀'.repeat(281) }, 'Your message must be at most 280 characters (it has 281).'],
    ['a 141-character about me', '/edit-profile', { username: 'ALICE', aboutMe: 'x'.repeat(141) }, 'About me must be at most 140 characters (it has 141).'],
    ['a taken username', '/edit-profile', { username: 'BOB', aboutMe: '' }, 'Please use a different username.'],
    ['an invalid username', '/edit-profile', { username: '1 bad name', aboutMe: '' }, 'Username must start with a letter.'],
    ['a wrong current password', '/settings', { currentPassword: 'wrong password', newPassword: 'another password', newPassword2: 'another password' }, 'Your current password is not correct.'],
    ['mismatched new passwords', '/settings', { currentPassword: 'PASSWORD', newPassword: 'another password', newPassword2: 'different one' }, 'The passwords do not match.'],
    ['an invalid new e-mail', '/settings', { email: 'not an address', password: 'PASSWORD' }, 'Invalid email address.'],
  ];
  for (const [name, page, values, message] of formCases) {
    test(name, async ({ alice, bob, baseUrl }) => {
      const fill = (v: string) => v.replace('ALICE', alice.user.username).replace('BOB', bob.user.username).replace('PASSWORD', alice.user.password);
      const filled = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, fill(v)]));
      await unchanged([alice, bob], async () => {
        await expectAnswer(await submitForm(alice.api, fill(page), filled, { baseURL: baseUrl }), 200, message);
      });
    });
  }
  test('a message to a recipient edited in the form', async ({ alice, bob, baseUrl }) => {
    await unchanged([alice, bob], async () => {
      const response = await submitForm(alice.api, `/send-message/${bob.user.username}`, { message: 'hi' }, { baseURL: baseUrl, override: { recipient: '' } });
      await expectAnswer(response, 200, 'Please choose whom to write to.');
    });
  });

  const signUps: [string, (u: TestUser) => Record<string, string>, string][] = [
    ['an empty sign-up', () => ({ username: '', email: '', password: '', password2: '' }), 'Username is required.'],
    ['a short username', (u) => ({ username: 'ab', email: u.email, password: u.password, password2: u.password }), 'Username must be at least 3 characters.'],
    ['an invalid e-mail', (u) => ({ username: u.username, email: 'nope', password: u.password, password2: u.password }), 'Invalid email address.'],
    ['a short password', (u) => ({ username: u.username, email: u.email, password: 'short', password2: 'short' }), 'Password must be at least 8 characters.'],
    ['a 73-byte password', (u) => ({ username: u.username, email: u.email, password: 'é'.repeat(37), password2: 'é'.repeat(37) }), 'Password must be at most 72 bytes'],
    ['mismatched passwords', (u) => ({ username: u.username, email: u.email, password: u.password, password2: `${u.password}!` }), 'The passwords do not match.'],
  ];
  for (const [name, values, message] of signUps) {
    test(`sign-up: ${name}`, async ({ request, baseUrl }) => {
      const user = newUser('nobody');
      await expectAnswer(await submitForm(request, '/register', values(user), { field: 'username', baseURL: baseUrl }), 200, message);
      expect(await usersNamed(user.username)).toBe(0);
    });
  }
  test('sign-up with a taken username', async ({ request, alice, baseUrl }) => {
    const user = newUser('dup');
    const values = { username: alice.user.username.toUpperCase(), email: user.email, password: user.password, password2: user.password };
    await expectAnswer(await submitForm(request, '/register', values, { baseURL: baseUrl }), 200, 'Please use a different username.');
    expect(await usersNamed(alice.user.username)).toBe(1);
  });
  test('sign-in with a wrong password', async ({ request, alice, baseUrl }) => {
    const response = await submitForm(request, '/login', { username: alice.user.username, password: 'wrong password' }, { baseURL: baseUrl });
    await expectAnswer(response, 200, 'Invalid username or password');
  });
  test('sign-in with empty fields', async ({ request, baseUrl }) => {
    await expectAnswer(await submitForm(request, '/login', { username: '', password: '' }, { baseURL: baseUrl }), 200, 'Username is required.');
  });
  test('a reset request for an invalid address', async ({ request, baseUrl }) => {
    await expectAnswer(await submitForm(request, '/reset-password', { email: 'not an address' }, { baseURL: baseUrl }), 200, 'Invalid email address.');
  });
});

test.describe('open redirects: only same-site relative paths are followed after sign-in', () => {
  for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x=1']) {
    test(`next=${next}`, async ({ alice, baseUrl }) => {
      const api = await playwrightRequest.newContext({ baseURL: baseUrl });
      const response = await submitForm(api, `/login?next=${encodeURIComponent(next)}`, { username: alice.user.username, password: alice.user.password }, { baseURL: baseUrl, override: { next } });
      expect(response.status()).toBe(303);
      const location = new URL(response.headers().location, baseUrl);
      expect(location.origin).toBe(baseUrl);
      expect(response.headers()['set-cookie'] ?? '').not.toContain('x=1');
      await api.dispose();
    });
  }
  test('the session-ended route keeps next on this site', async ({ request }) => {
    const response = await request.get('/session-ended?next=//evil.example/x', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe('/login?next=%2F');
  });
});

test.describe('unknown users, bad cursors and odd query strings', () => {
  for (const path of ['/user/nobody-here', '/user/nobody-here/followers', '/send-message/nobody-here']) {
    test(`${path} is the 404 page`, async ({ alice }) => {
      await expectAnswer(await alice.api.get(path), 404, NOT_FOUND_PAGE);
    });
  }
  test('an unknown user\'s popup is a JSON 404', async ({ alice }) => {
    const response = await alice.api.get('/user/nobody-here/popup');
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not Found' });
  });
  for (const path of ['/?before=!!!', '/explore?after=%FF', '/explore?before=%ZZ&after=x', '/messages?before=MTIz', '/user/ALICE?before=' + 'A'.repeat(5000)]) {
    test(`${path.slice(0, 40)} shows the first page`, async ({ alice }) => {
      const response = await alice.api.get(path.replace('ALICE', alice.user.username));
      expect(response.status()).toBe(200);
      expect(await response.text()).toMatch(/<h1>(Hi, |Explore|Messages|User: )/);
    });
  }
  test('a notification poll with a bad since is JSON', async ({ alice }) => {
    const response = await alice.api.get('/notifications?since=abc&uid=xyz');
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: 'Unauthorized' });
  });
});

test.describe('wrong methods and bad bodies to JSON endpoints', () => {
  const cases: [string, string, Parameters<APIRequestContext['fetch']>[1], number][] = [
    ['POST to the notification poll', '/notifications', { method: 'POST', data: '{}' }, 405],
    ['DELETE on a user popup', '/user/someone/popup', { method: 'DELETE' }, 405],
    // Auth.js sends its errors to pages.error, our login page (its own error page answers 500).
    ['GET of the credentials callback', '/api/auth/callback/credentials', { method: 'GET' }, 302],
    ['bad JSON to the credentials callback', '/api/auth/callback/credentials', { method: 'POST', headers: { 'Content-Type': 'application/json' }, data: '{bad' }, 302],
    ['Auth.js\'s error page', '/api/auth/error?error=Configuration', { method: 'GET' }, 302],
    ['an unknown Auth.js action', '/api/auth/nothing-here', { method: 'GET' }, 400],
  ];
  for (const [name, path, options, status] of cases) {
    test(name, async ({ request }) => {
      const response: APIResponse = await request.fetch(path, { maxRedirects: 0, ...options });
      expect(response.status()).toBe(status);
      if (status === 302) expect(new URL(response.headers().location, 'http://x').pathname).toBe('/login');
    });
  }
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    test(`${method} on a page does nothing`, async ({ alice, bob }) => {
      await unchanged([alice, bob], async () => {
        const response = await alice.api.fetch('/', { method, multipart: { post: 'by another method' } });
        expect(response.status()).toBeLessThan(500);
      });
    });
  }
});

test.describe('oversized headers', () => {
  test('a 12 KB header within the server limit is served', async ({ request }) => {
    const response = await request.get('/login', { headers: { 'X-Padding': 'a'.repeat(12_000) } });
    expect(response.status()).toBe(200);
  });
  test('a 40 KB cookie is refused with 431, not a crash', async ({ request }) => {
    const response = await request.get('/login', { headers: { Cookie: `junk=${'a'.repeat(40_000)}` } });
    expect(response.status()).toBe(431);
  });
});
