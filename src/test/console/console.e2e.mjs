// Drives the admin console as an administrator would, in headless Chromium (Debian's package,
// driven by playwright-core): batch mode with a schedule, run now, back to real time, and a
// failure corrected and replayed in the page. Run by ConsoleBrowserIT against a real hub. The page
// runs under the hub's Content-Security-Policy, and any violation the browser reports fails the run:
// a script or style the policy blocks would leave the console half working, or silently broken.
// Usage: node console.e2e.mjs BASE_URL ADMIN_PASSWORD SCREENSHOT_PATH
import { chromium } from 'playwright-core';

const [baseUrl, password, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

async function postOrder(orderId) {
  const order = {
    orderId, orderDate: '2026-11-23', currency: 'EUR',
    customer: { name: 'Console Tester', email: 'console@example.com',
                billingAddress: { street: 'Street 1', city: 'Berlin', postalCode: '10115', country: 'DE' } },
    lines: [{ sku: 'SKU-1001', quantity: 1, unitPrice: 6.5 }],
  };
  const response = await fetch(baseUrl + '/api/orders', {
    // Signed in: every API call takes HTTP Basic now, and the administrator may do what the web store does.
    method: 'POST', body: JSON.stringify(order), headers: { 'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from('admin:' + password).toString('base64') } });
  return response.status;
}

let page;
const violations = [];
try {
  const context = await browser.newContext({ httpCredentials: { username: 'admin', password } });
  page = await context.newPage();
  // Chromium reports a blocked script, style or connection both on the console and as an event.
  page.on('console', msg => {
    if (/Content.Security.Policy/i.test(msg.text())) violations.push('console: ' + msg.text());
  });
  await page.exposeFunction('reportCspViolation', text => violations.push(text));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
    e => window.reportCspViolation('securitypolicyviolation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'))));
  const served = await page.goto(baseUrl + '/admin/');
  const policy = served.headers()['content-security-policy'] || '';
  if (!policy.includes("script-src 'sha256-")) throw new Error('the console page came without its Content-Security-Policy: ' + policy);
  const message = page.locator('#message');
  const route = page.locator('#routes tr[data-route-id="webstore-orders"]');
  await route.waitFor();

  // Issue 22: a refused cron left the row showing batch and the refused cron while the route ran in real time.
  const cronBefore = await route.locator('input[name=cron]').inputValue();
  await route.locator('select[name=mode]').selectOption('batch');
  await route.locator('input[name=cron]').fill('every 5 minutes');
  await route.getByRole('button', { name: 'Apply' }).click();
  await message.filter({ hasText: 'not a Quartz cron expression' }).waitFor();
  const shown = page.locator('#routes tr[data-route-id="webstore-orders"]');
  if (await shown.locator('select[name=mode]').inputValue() !== 'realtime'
      || await shown.locator('input[name=cron]').inputValue() !== cronBefore) {
    throw new Error('after a refused cron the row shows ' + await shown.locator('select[name=mode]').inputValue()
      + ' / ' + await shown.locator('input[name=cron]').inputValue() + ', not the route as it is');
  }

  await route.locator('select[name=mode]').selectOption('batch');
  // A schedule that cannot fire mid-test, so "Run now" is what books the orders (the cron itself is tested elsewhere).
  await route.locator('input[name=cron]').fill('0 0 3 * * ?');
  await route.getByRole('button', { name: 'Apply' }).click();
  await message.filter({ hasText: 'webstore-orders is now batch on "0 0 3 * * ?"' }).waitFor();

  for (const id of ['WEB-UI-1', 'WEB-UI-2', 'WEB-UI-3']) {
    const status = await postOrder(id);
    if (status !== 202) throw new Error(`${id}: expected 202 in batch mode, got ${status}`);
  }
  await page.reload();
  await page.locator('#routes tr[data-route-id="webstore-orders"] td.staged', { hasText: '3' }).waitFor();

  await page.locator('#routes tr[data-route-id="webstore-orders"]').getByRole('button', { name: 'Run now' }).click();
  await message.filter({ hasText: 'Drained webstore-orders: 3 booked' }).waitFor();
  await page.locator('#routes tr[data-route-id="webstore-orders"] td', { hasText: '(3 booked, 0 failed)' }).waitFor();

  const again = page.locator('#routes tr[data-route-id="webstore-orders"]');
  await again.locator('select[name=mode]').selectOption('realtime');
  await again.getByRole('button', { name: 'Apply' }).click();
  await message.filter({ hasText: 'webstore-orders is now realtime' }).waitFor();
  const realtime = await postOrder('WEB-UI-4');
  if (realtime !== 201) throw new Error(`WEB-UI-4: expected 201 in real time, got ${realtime}`);

  const failure = page.locator('#failures tbody tr').first();
  await failure.waitFor();
  const payload = failure.locator('textarea');
  const corrected = (await payload.inputValue())
    .replace('<orderDate>yesterday</orderDate>', '<orderDate>2026-11-22</orderDate>')
    .replace('<quantity>many</quantity>', '<quantity>3</quantity>');
  await payload.fill(corrected);
  await failure.getByRole('button', { name: 'Replay' }).click();
  // Each kind of failure's replay says what it did (a notice's was "back in the inbox as undefined").
  await message.filter({ hasText: /Replayed failure \d+: back in the inbox as replay-\d+-/ }).waitFor();

  await page.screenshot({ path: screenshot, fullPage: true });
  if (violations.length) throw new Error('Content-Security-Policy violations: ' + violations.join(' | '));
  console.log('console e2e: ok');
} catch (e) {
  console.error('console e2e failed: ' + e.message);
  if (page) {
    console.error('message shown: ' + await page.locator('#message').textContent().catch(() => '?'));
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
