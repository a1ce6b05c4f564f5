import { expect, login, newUser, register, signedInUser, test } from './fixtures';

test('the profile links to the settings page', async ({ page }) => {
  const user = await signedInUser(page, 's');
  await page.goto(`/user/${user.username}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL('/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();
});

test('changing the password needs the current one and keeps this browser signed in', async ({ page }) => {
  const user = await signedInUser(page, 's');
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current Password').fill('not my password');
  await form.getByLabel('New Password', { exact: true }).fill('a new password 1');
  await form.getByLabel('Repeat New Password').fill('a new password 1');
  await form.getByRole('button', { name: 'Change Password' }).click();
  await expect(form.getByText('Your current password is not correct.')).toBeVisible();
  await expect(form.getByLabel('Current Password')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Current Password').fill(user.password);
  await form.getByLabel('New Password', { exact: true }).fill('a new password 1');
  await form.getByLabel('Repeat New Password').fill('a new password 1');
  await form.getByRole('button', { name: 'Change Password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();

  // Still signed in here, with a browser-session cookie as before (no "Remember Me").
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session?.expires).toBe(-1);

  await page.getByRole('button', { name: 'Logout' }).click();
  await expect(page.getByText('You have been logged out.')).toBeVisible();
  await login(page, user);
  await expect(page.getByText('Invalid username or password')).toBeVisible();
  await login(page, { ...user, password: 'a new password 1' });
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
});

test('changing the password ends the other sessions', async ({ browser }) => {
  const user = newUser('s');
  const [a, b] = [await browser.newContext(), await browser.newContext()];
  const [pageA, pageB] = [await a.newPage(), await b.newPage()];
  await register(pageA, user);
  await login(pageA, user, { remember: true });
  await expect(pageA.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  await login(pageB, user);
  await expect(pageB.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();

  await pageA.goto('/settings');
  const form = pageA.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current Password').fill(user.password);
  await form.getByLabel('New Password', { exact: true }).fill('a new password 2');
  await form.getByLabel('Repeat New Password').fill('a new password 2');
  await form.getByRole('button', { name: 'Change Password' }).click();
  await expect(pageA.getByText('Your password has been changed.')).toBeVisible();
  // The "Remember Me" session stays a 30-day one.
  const kept = (await a.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect((kept!.expires - Date.now() / 1000) / 86400).toBeGreaterThan(29.9);

  await pageB.goto('/');
  await expect(pageB).toHaveURL('/login?next=%2F');
  await pageA.goto('/');
  await expect(pageA.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  await a.close();
  await b.close();
});

test('changing the e-mail refuses invalid and taken addresses', async ({ page }) => {
  const other = newUser('s');
  await register(page, other);
  const user = await signedInUser(page, 's');
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Change email' });

  await form.getByLabel('New Email').fill('not-an-email');
  await form.getByLabel('Your Password').fill(user.password);
  await form.getByRole('button', { name: 'Change Email' }).click();
  await expect(form.getByText('Invalid email address.')).toBeVisible();

  await form.getByLabel('New Email').fill(other.email.toUpperCase());
  await form.getByLabel('Your Password').fill(user.password);
  await form.getByRole('button', { name: 'Change Email' }).click();
  await expect(form.getByText('Please use a different email address.')).toBeVisible();

  await form.getByLabel('New Email').fill(`new-${user.email}`);
  await form.getByLabel('Your Password').fill('wrong password');
  await form.getByRole('button', { name: 'Change Email' }).click();
  await expect(form.getByText('Your current password is not correct.')).toBeVisible();

  await form.getByLabel('New Email').fill(`New-${user.email}`);
  await form.getByLabel('Your Password').fill(user.password);
  await form.getByRole('button', { name: 'Change Email' }).click();
  await expect(page.getByText('Your email address has been changed.')).toBeVisible();
  await expect(page.getByText(`new-${user.email}`)).toBeVisible();
});

test('sign out everywhere ends the session in another browser too', async ({ browser }) => {
  const user = newUser('s');
  const [a, b] = [await browser.newContext(), await browser.newContext()];
  const [pageA, pageB] = [await a.newPage(), await b.newPage()];
  await register(pageA, user);
  await login(pageA, user);
  await expect(pageA.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  await login(pageB, user);
  await expect(pageB.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();

  await pageA.goto('/settings');
  await pageA.getByRole('button', { name: 'Sign Out Everywhere' }).click();
  await expect(pageA.getByText('You have been signed out everywhere.')).toBeVisible();
  await expect(pageA).toHaveURL('/login');

  await pageB.goto('/explore');
  await expect(pageB).toHaveURL('/login?next=%2Fexplore');
  await expect(pageB.getByText('Please log in to access this page.')).toBeVisible();
  // Signing in again works.
  await login(pageB, user);
  await expect(pageB).toHaveURL('/explore');
  await a.close();
  await b.close();
});

test('settings needs a session', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveURL('/login?next=%2Fsettings');
});
