import { expect, login, newUser, register, signedInUser, test } from './fixtures';

test.describe('registration', () => {
  test('registers a user and sends them to the login page', async ({ page }) => {
    const user = newUser();
    await register(page, user);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign In' })).toBeVisible();
    // The flash shows once: a reload does not repeat it.
    await page.reload();
    await expect(page.getByText('Congratulations, you are now a registered user!')).toHaveCount(0);
  });

  test('explains every broken rule beside its field and keeps what was typed', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Username').fill('9lives');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat Password').fill('different');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByText('Username must start with a letter.')).toBeVisible();
    await expect(page.getByText('Invalid email address.')).toBeVisible();
    await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
    await expect(page.getByText('The passwords do not match.')).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveValue('9lives');
    await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Username').fill('ab');
    await page.getByLabel('Password', { exact: true }).fill('x'.repeat(73));
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByText('Username must be at least 3 characters.')).toBeVisible();
    await expect(page.getByText(/Password must be at most 72 bytes/)).toBeVisible();
  });

  test('refuses a taken username or e-mail, whatever the case', async ({ page }) => {
    const user = newUser();
    await register(page, user);
    await page.goto('/register');
    await page.getByLabel('Username').fill(user.username.toUpperCase());
    await page.getByLabel('Email').fill(user.email.toUpperCase());
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByLabel('Repeat Password').fill(user.password);
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByText('Please use a different username.')).toBeVisible();

    await page.getByLabel('Username').fill(`${user.username}x`);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByLabel('Repeat Password').fill(user.password);
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByText('Please use a different email address.')).toBeVisible();
  });

  test('two registrations racing for one name: one wins, the other gets the field error', async ({ browser }) => {
    const name = newUser().username;
    const pages = await Promise.all([browser.newPage(), browser.newPage()]);
    await Promise.all(
      pages.map(async (page, i) => {
        await page.goto('/register');
        await page.getByLabel('Username').fill(name);
        await page.getByLabel('Email').fill(`${name}${i}@example.com`);
        await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
        await page.getByLabel('Repeat Password').fill('correct horse battery');
      }),
    );
    await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Register' }).click()));
    const outcomes = await Promise.all(
      pages.map(async (page) => {
        const won = page.getByText('Congratulations, you are now a registered user!');
        const lost = page.getByText('Please use a different username.');
        await expect(won.or(lost)).toBeVisible();
        return (await won.isVisible()) ? 'won' : 'lost';
      }),
    );
    expect(outcomes.sort()).toEqual(['lost', 'won']);
    await Promise.all(pages.map((page) => page.close()));
  });
});

test.describe('signing in and out', () => {
  test('a wrong password or unknown user gets the same message and keeps the username', async ({ page }) => {
    const user = newUser();
    await register(page, user);
    await login(page, { ...user, password: 'wrong password' });
    await expect(page.getByText('Invalid username or password')).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveValue(user.username);
    // A fresh form: the first attempt's message would pass the check below at once.
    await page.goto('/login');
    await login(page, { ...user, username: 'nobody-here' });
    await expect(page.getByText('Invalid username or password')).toBeVisible();
  });

  test('an anonymous visit goes to login with next, and lands back after a failed attempt', async ({ page }) => {
    const user = newUser();
    await register(page, user);
    await page.goto('/explore?page=2');
    await expect(page).toHaveURL('/login?next=%2Fexplore%3Fpage%3D2');
    await expect(page.getByText('Please log in to access this page.')).toBeVisible();
    await login(page, { ...user, password: 'wrong password' });
    await expect(page.getByText('Invalid username or password')).toBeVisible();
    await login(page, user);
    await expect(page).toHaveURL('/explore?page=2');
    await expect(page.getByRole('heading', { name: 'Explore' })).toBeVisible();
  });

  for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
    test(`next=${next} lands on the home page`, async ({ page }) => {
      const user = newUser();
      await register(page, user);
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await login(page, user);
      await expect(page).toHaveURL('/');
      await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
    });
  }

  test('without Remember Me the session cookie ends with the browser; with it, it lasts 30 days', async ({ browser }) => {
    const user = newUser();
    const first = await browser.newContext();
    const page = await first.newPage();
    await register(page, user);
    await login(page, user);
    await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
    const session = (await first.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
    expect(session?.expires).toBe(-1);
    await first.close();

    const second = await browser.newContext();
    const page2 = await second.newPage();
    await login(page2, user, { remember: true });
    await expect(page2.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
    const remembered = (await second.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
    const days = (remembered!.expires - Date.now() / 1000) / 86400;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30.01);
    expect(remembered!.httpOnly).toBe(true);
    await second.close();
  });

  test('logout is a POST from the navigation and ends the session', async ({ page }) => {
    await signedInUser(page);
    await expect(page.getByRole('link', { name: 'Login' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Logout' }).click();
    await expect(page.getByText('You have been logged out.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Login' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL('/login?next=%2F');
  });

  test('a signed-in user visiting login or register goes home', async ({ page }) => {
    const user = await signedInUser(page);
    for (const path of ['/login', '/register']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
    }
  });
});
