// Drives every page of the admin console as an administrator and an operator would, in headless
// Chromium (Debian's package, driven by playwright-core): routes (batch mode with a schedule, run
// now, back to real time), failures (filtered, corrected and replayed), the dashboard's charts,
// partners with their interchanges, customers with a golden record, the cluster's instances and
// singletons, and the operator's read-only view. Run by ConsoleBrowserIT against a real hub with
// real data; a screenshot of each page is kept. The pages run under the hub's Content-Security-Policy, and any violation the browser
// reports fails the run: a script or style the policy blocks would leave the console half working.
// Usage: node console.e2e.mjs BASE_URL ADMIN_PASSWORD OPERATOR_USER OPERATOR_PASSWORD SCREENSHOT_DIR
import { chromium } from 'playwright-core';

const [baseUrl, password, operator, operatorPassword, screenshots] = process.argv.slice(2);
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
    method: 'POST', body: JSON.stringify(order),
    // As the web store would, with a user who may post orders (the administrator may do everything).
    headers: { 'Content-Type': 'application/json', Authorization: 'Basic ' + Buffer.from('admin:' + password).toString('base64') } });
  return response.status;
}

let page;
const violations = [];

async function signedIn(username, secret) {
  const context = await browser.newContext({ httpCredentials: { username, password: secret }, viewport: { width: 1400, height: 1000 } });
  const opened = await context.newPage();
  // Chromium reports a blocked script, style or connection both on the console and as an event.
  opened.on('console', msg => {
    if (/Content.Security.Policy/i.test(msg.text())) violations.push('console: ' + msg.text());
  });
  opened.on('pageerror', error => violations.push('script error: ' + error.message));
  await opened.exposeFunction('reportCspViolation', text => violations.push(text));
  await opened.addInitScript(() => document.addEventListener('securitypolicyviolation',
    e => window.reportCspViolation('securitypolicyviolation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'))));
  return opened;
}

async function shoot(name) {
  await page.screenshot({ path: screenshots + '/' + name + '.png', fullPage: true });
}

try {
  page = await signedIn('admin', password);
  const served = await page.goto(baseUrl + '/admin/#routes');
  const policy = served.headers()['content-security-policy'] || '';
  if (!policy.includes("script-src 'self'") || policy.includes('unsafe')) throw new Error('the console page came without its Content-Security-Policy: ' + policy);
  const message = page.locator('#message');
  await page.locator('#whoami', { hasText: 'admin (admin)' }).waitFor();

  // Routes
  const route = page.locator('#routes tr[data-route-id="webstore-orders"]');
  await route.waitFor();
  await route.locator('select[name=mode]').selectOption('batch');
  await route.locator('input[name=cron]').fill('not a cron');
  await route.getByRole('button', { name: 'Apply' }).click();
  await message.filter({ hasText: 'not a Quartz cron expression' }).waitFor();
  if (await route.locator('select[name=mode]').inputValue() !== 'realtime') throw new Error('a refused mode change left the row showing batch');
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
  await shoot('routes');

  const again = page.locator('#routes tr[data-route-id="webstore-orders"]');
  await again.locator('select[name=mode]').selectOption('realtime');
  await again.getByRole('button', { name: 'Apply' }).click();
  await message.filter({ hasText: 'webstore-orders is now realtime' }).waitFor();
  const realtime = await postOrder('WEB-UI-4');
  if (realtime !== 201) throw new Error(`WEB-UI-4: expected 201 in real time, got ${realtime}`);

  // Failures: filtered by problem, corrected and replayed
  await page.goto(baseUrl + '/admin/#failures');
  await page.locator('#failures tbody tr').first().waitFor();
  await page.locator('#failure-problem').selectOption('schema-violation');
  await page.locator('#failure-text').fill('bad.xml');
  const failure = page.locator('#failures tbody tr').first();
  await failure.waitFor();
  if (await page.locator('#failures tbody tr').count() !== 1) throw new Error('the filters left more than the one failure');
  await shoot('failures');
  const payload = failure.locator('textarea');
  const corrected = (await payload.inputValue())
    .replace('<orderDate>yesterday</orderDate>', '<orderDate>2026-11-22</orderDate>')
    .replace('<quantity>many</quantity>', '<quantity>3</quantity>');
  await payload.fill(corrected);
  await failure.getByRole('button', { name: 'Replay' }).click();
  // Each kind of failure's replay says what it did (a notice's was "back in the inbox as undefined").
  await message.filter({ hasText: /Replayed failure \d+: back in the inbox as replay-\d+-/ }).waitFor();

  // Dashboard: charts drawn from the hub's data, once the customer master (fed after booking) has the orders
  const year = new Date().getUTCFullYear();
  for (let tries = 0; ; tries++) {
    const report = await page.request.get(baseUrl + '/api/reports/best-customers?from=' + year + '-01-01&to=' + year + '-12-31');
    if ((await report.text()).includes('Console Tester')) break;
    if (tries > 60) throw new Error('the customer master never counted Console Tester\'s orders');
    await page.waitForTimeout(500);
  }
  await page.goto(baseUrl + '/admin/#dashboard');
  await page.locator('#chart-channels canvas').waitFor();
  await page.locator('#chart-channels[data-series*="webstore"]').waitFor();
  await page.locator('#chart-sources[data-series*="WEBSTORE"]').waitFor();
  await page.locator('#chart-waiting canvas').waitFor();
  await page.locator('#best-customers tbody tr', { hasText: 'Console Tester' }).waitFor();
  await page.locator('#waiting tbody tr', { hasText: 'follow-up' }).waitFor();
  await shoot('dashboard');

  // Partners and their interchanges
  await page.goto(baseUrl + '/admin/#partners');
  const nordwind = page.locator('#partners tr[data-partner="NORDWIND"]');
  await nordwind.waitFor();
  await nordwind.click();
  await page.locator('#interchanges tbody tr', { hasText: 'ORDERS' }).first().waitFor();
  await page.locator('#interchanges tbody tr', { hasText: 'CONTRL' }).first().waitFor();
  await page.locator('#profile-title', { hasText: 'Profile of NORDWIND' }).waitFor();
  // A new partner, added on the page and taken at once
  await page.getByRole('button', { name: 'New partner' }).click();
  await page.locator('#profile-file').fill('console-partner');
  const template = await page.locator('#profile-text').inputValue();
  await page.locator('#profile-text').fill(template.replace('partner = ', 'partner = CONSOLEPARTNER')
    .replace('interchange.id = ', 'interchange.id = CONSOLEPARTNER'));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await message.filter({ hasText: 'Added partner CONSOLEPARTNER' }).waitFor();
  await page.locator('#partners tr[data-partner="CONSOLEPARTNER"]').waitFor();
  await shoot('partners');

  // Tracking: one search by the partner's PO number, the order's chain, a payload, a resend
  await page.goto(baseUrl + '/admin/#tracking');
  await page.locator('#tracking-search input[name=q]').fill('NW-PO-4711');
  await page.locator('#tracking-search button[type=submit]').click();
  const tracked = page.locator('#tracked tbody tr', { hasText: 'NW-PO-4711' }).first();
  await tracked.waitFor();
  await tracked.click();
  await page.locator('#timeline-title', { hasText: 'NW-PO-4711' }).waitFor();
  await page.locator('#timeline-steps tbody tr[data-step="received"]').first().waitFor();
  await page.locator('#timeline-steps tbody tr[data-step="booked"]').first().waitFor();
  const payloadLink = page.locator('#timeline-steps a', { hasText: 'view' }).first();
  const payloadHref = await payloadLink.getAttribute('href');
  const payloadAnswer = await page.request.get(baseUrl + payloadHref);
  if (payloadAnswer.status() !== 200 || !(await payloadAnswer.text()).includes('UN')) throw new Error('the payload link answered ' + payloadAnswer.status());
  await page.locator('#timeline-steps').getByRole('button', { name: 'resend' }).first().click();
  await message.filter({ hasText: 'resend: new control number' }).waitFor();
  await shoot('tracking');

  // Customers: the list, a golden record with its sources and history
  await page.goto(baseUrl + '/admin/#customers');
  await page.locator('#customer-search button[type=submit]').click();
  const tester = page.locator('#customers tbody tr', { hasText: 'Console Tester' }).first();
  await tester.waitFor();
  await tester.click();
  await page.locator('#customer-title', { hasText: 'Console Tester' }).waitFor();
  await page.locator('#customer-sources tbody tr').first().waitFor();
  await page.locator('#customer-history tbody tr').first().waitFor();
  await page.locator('#customer-fields tbody tr', { hasText: 'console@example.com' }).waitFor();
  await shoot('customers');

  // Cluster: this hub alone leads, with its address, and runs every singleton
  await page.goto(baseUrl + '/admin/#cluster');
  const self = page.locator('#cluster-members tbody tr.leader', { hasText: 'this instance' });
  await self.waitFor();
  if (!(await self.textContent()).includes('http')) throw new Error('the cluster page shows no address for this instance');
  await page.locator('#cluster-summary', { hasText: 'this hub alone' }).waitFor();
  await page.locator('#cluster-singletons tr[data-route-id="inbox-files"]', { hasText: 'Started' }).waitFor();
  await shoot('cluster');

  // The operator reads and is offered no change
  page = await signedIn(operator, operatorPassword);
  await page.goto(baseUrl + '/admin/#routes');
  await page.locator('#whoami', { hasText: 'read only' }).waitFor();
  await page.locator('#routes tr[data-route-id="webstore-orders"]').waitFor();
  if (await page.getByRole('button', { name: 'Apply' }).first().isVisible()) throw new Error('the operator is offered Apply');
  if (await page.getByRole('button', { name: 'Run now' }).first().isVisible()) throw new Error('the operator is offered Run now');
  await page.goto(baseUrl + '/admin/#customers');
  await page.locator('#customers tbody tr', { hasText: 'role reporting' }).waitFor();
  await shoot('operator');

  if (violations.length) throw new Error('Content-Security-Policy violations or script errors: ' + violations.join(' | '));
  console.log('console e2e: ok');
} catch (e) {
  console.error('console e2e failed: ' + e.message);
  if (violations.length) console.error('violations: ' + violations.join(' | '));
  if (page) {
    console.error('message shown: ' + await page.locator('#message').textContent().catch(() => '?'));
    await shoot('failed').catch(() => {});
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
