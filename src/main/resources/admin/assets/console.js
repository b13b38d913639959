// Backoffice Hub admin console: one page per #hash (dashboard, tracking, routes, failures,
// partners, customers, cluster), each drawn from the hub's own API. Plain JavaScript; charts by uPlot, served by the
// hub too. Nothing is written into the page as HTML: every value goes in as text.
'use strict';

const message = document.getElementById('message');
const pages = ['dashboard', 'tracking', 'routes', 'failures', 'partners', 'customers', 'cluster'];
let me = { user: '', roles: [], mayChange: false, mayReadCustomers: false };

function say(text, ok) {
  message.textContent = text;
  message.className = ok ? 'ok' : 'error';
}

// The instance that ran the last leader-only action (a follower forwards those to the leader).
let lastHandledBy = null;

async function api(method, path, body) {
  const response = await fetch(path, { method, body, headers: body ? { 'Content-Type': 'application/json' } : {} });
  lastHandledBy = response.headers.get('Hub-Handled-By');
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(json && json.detail ? json.detail : response.status + ' ' + response.statusText);
  }
  return json;
}

function cell(row, content) {
  const td = row.insertCell();
  if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content ?? ''; }
  return td;
}

function button(label, action) {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', async () => {
    b.disabled = true;
    try { await action(); } catch (e) { say(e.message, false); } finally { b.disabled = false; }
  });
  return b;
}

function when(iso) {
  return iso ? iso.replace('T', ' ').slice(0, 19) : '—';
}

function rows(selector) {
  const body = document.querySelector(selector + ' tbody');
  body.replaceChildren();
  return body;
}

// ---- Tracking -------------------------------------------------------------------------------

const details = ['orderId', 'documentType', 'controlNumber', 'partner', 'erpOrderNumber', 'invoiceNumber', 'grossTotal', 'currency',
  'shipmentNumber', 'trackingNumber', 'carrier', 'fileName', 'archivedAs', 'routeId', 'trackingId', 'messageKind', 'name', 'problem',
  'detail', 'resendOf', 'inReplyTo'];

function describe(step) {
  const fields = Object.assign({}, step.document || {}, step);
  const parts = details.filter(key => fields[key] != null && fields[key] !== '').map(key => key + ' ' + fields[key]);
  if (step.acknowledgement) {
    parts.push('acknowledgement ' + (step.acknowledgement.status || '—') + (step.acknowledgement.overdue ? ' (overdue)' : ''));
  }
  return parts.join(' · ');
}

async function loadTracking() {
  const form = document.getElementById('tracking-search');
  const query = new URLSearchParams();
  for (const name of ['q', 'partner', 'state', 'from', 'to']) {
    if (form[name].value.trim()) { query.set(name, form[name].value.trim()); }
  }
  const [found, overdue] = await Promise.all([api('GET', '/admin/tracking?' + query), api('GET', '/admin/tracking/overdue-acknowledgements')]);
  const body = rows('#tracked');
  for (const item of found.items) {
    const row = body.insertRow();
    row.dataset.itemId = item.itemId;
    row.className = 'clickable';
    cell(row, when(item.firstSeenAt || item.at));
    cell(row, item.kind + (item.documentType ? ' ' + item.documentType : ''));
    cell(row, item.source || item.partner || '');
    cell(row, item.orderId || item.controlNumber || item.fileName || '');
    cell(row, item.erpOrderNumber || '');
    cell(row, item.state);
    cell(row, (item.documents || []).length);
    row.addEventListener('click', () => showTimeline(item.itemId).catch(e => say(e.message, false)));
  }
  if (!found.items.length) { cell(body.insertRow(), 'Nothing found'); }
  document.getElementById('overdue-count').textContent = overdue.count ? '(' + overdue.count + ' acknowledgements overdue)' : '';
  const late = rows('#overdue');
  for (const document_ of overdue.documents) {
    const row = late.insertRow();
    cell(row, when(document_.at));
    cell(row, document_.partner);
    cell(row, document_.documentType);
    cell(row, document_.controlNumber);
    cell(row, document_.fileName);
  }
  if (!overdue.documents.length) { cell(late.insertRow(), 'None'); }
}

async function showTimeline(itemId) {
  const item = await api('GET', '/admin/tracking/items/' + encodeURIComponent(itemId));
  document.getElementById('timeline').hidden = false;
  document.getElementById('timeline-title').textContent = (item.kind === 'order' ? 'Order ' + item.source + ' / ' + item.orderId
    : 'Document ' + itemId) + (item.erpOrderNumber ? ' — ERP order ' + item.erpOrderNumber : '');
  const body = rows('#timeline-steps');
  for (const step of item.steps) {
    const row = body.insertRow();
    row.dataset.step = step.kind;
    cell(row, when(step.at));
    cell(row, step.kind);
    cell(row, step.direction || '');
    cell(row, step.state || '');
    cell(row, describe(step));
    const payload = document.createElement('span');
    if (step.payload) {
      const view = document.createElement('a');
      view.href = step.payload; view.textContent = 'view'; view.target = '_blank'; view.rel = 'noopener';
      const save = document.createElement('a');
      save.href = step.payload + '?download=true'; save.textContent = 'download';
      payload.append(view, ' · ', save);
    }
    cell(row, payload);
    const actions = document.createElement('span');
    actions.className = 'change';
    for (const action of step.actions || []) {
      actions.append(button(action.action, async () => {
        const result = await api(action.method, action.href);
        await showTimeline(itemId);
        say(action.action + ': ' + (result && result.controlNumber ? 'new control number ' + result.controlNumber
          : result && (result.erpOrderNumber || result.inboxFile || result.state) || 'done'), true);
      }), ' ');
    }
    cell(row, actions);
  }
}

document.getElementById('tracking-search').addEventListener('submit', e => {
  e.preventDefault();
  document.getElementById('timeline').hidden = true;
  loadTracking().catch(error => say(error.message, false));
});

// ---- Routes ---------------------------------------------------------------------------------

// A delivery route's drain delivers; an order route's books, or finds an order booked before.
function lastRunCounts(run) {
  const done = run.delivered > 0 ? run.delivered + ' delivered'
    : run.booked + ' booked' + (run.alreadyBooked > 0 ? ', ' + run.alreadyBooked + ' already booked' : '');
  return done + ', ' + run.failed + ' failed';
}

async function loadRoutes() {
  const routes = await api('GET', '/admin/routes');
  const body = rows('#routes');
  for (const route of routes) {
    const row = body.insertRow();
    row.dataset.routeId = route.routeId;
    cell(row, route.routeId);
    const mode = document.createElement('select');
    mode.name = 'mode';
    for (const m of ['realtime', 'batch']) { mode.add(new Option(m, m, false, m === route.mode)); }
    mode.className = route.mode;
    mode.disabled = !me.mayChange;
    cell(row, mode);
    const cron = document.createElement('input');
    cron.className = 'cron'; cron.name = 'cron'; cron.value = route.cron; cron.disabled = !me.mayChange;
    const wrap = document.createElement('span');
    const apply = button('Apply', async () => {
      try {
        await api('PUT', '/admin/routes/' + encodeURIComponent(route.routeId) + '/mode', JSON.stringify({ mode: mode.value, cron: cron.value }));
      } catch (refused) {
        // Show the route as it really is, not as the refused edit left the form.
        editPending = false;
        await refresh();
        throw refused;
      }
      const applied = route.routeId + ' is now ' + mode.value + (mode.value === 'batch' ? ' on "' + cron.value + '"' : '');
      await refresh();
      say(applied, true);
    });
    apply.className = 'change';
    wrap.append(cron, ' ', apply);
    cell(row, wrap);
    cell(row, route.status);
    cell(row, route.processed);
    cell(row, route.failed);
    cell(row, route.staged).className = 'staged';
    cell(row, route.lastRun ? when(route.lastRun.at) + ' (' + lastRunCounts(route.lastRun) + ')' : '—');
    const run = button('Run now', async () => {
      const result = await api('POST', '/admin/routes/' + encodeURIComponent(route.routeId) + '/run');
      // On several hubs the leader runs it, wherever the request landed (Hub-Handled-By).
      const ranOn = lastHandledBy;
      await refresh();
      say('Drained ' + route.routeId + ': ' + result.booked + ' booked, ' + result.alreadyBooked + ' already booked, ' + result.failed + ' failed'
        + (ranOn ? ' (on ' + ranOn + ')' : ''), true);
    });
    run.className = 'change';
    cell(row, run);
  }
}

// ---- Failures -------------------------------------------------------------------------------

const failureFilters = ['failure-state', 'failure-route', 'failure-problem', 'failure-text'].map(id => document.getElementById(id));
let failuresShown = [];

// Each kind of failure's replay says what it did in its summary.
function replayed(failure, result) {
  return result.summary || result.state || 'replayed';
}

async function loadFailures() {
  const state = document.getElementById('failure-state').value;
  const failures = await api('GET', '/admin/failures?state=' + encodeURIComponent(state));
  fillChoices('failure-route', failures.map(f => f.routeId));
  fillChoices('failure-problem', failures.map(f => f.problem));
  const route = document.getElementById('failure-route').value;
  const problem = document.getElementById('failure-problem').value;
  const text = document.getElementById('failure-text').value.trim().toLowerCase();
  failuresShown = failures.filter(f => (!route || f.routeId === route) && (!problem || f.problem === problem)
    && (!text || [f.fileName, f.reason, f.payload].some(v => (v || '').toLowerCase().includes(text))));
  document.getElementById('failure-count').textContent = '(' + failuresShown.length + ' ' + state + ')';
  document.getElementById('select-all-failures').checked = false;
  const body = rows('#failures');
  for (const failure of failuresShown) {
    const row = body.insertRow();
    row.dataset.failureId = failure.id;
    const pick = document.createElement('input');
    pick.type = 'checkbox'; pick.name = 'selected'; pick.value = failure.id;
    cell(row, pick);
    cell(row, failure.id);
    cell(row, failure.routeId + (failure.fileName ? ' — ' + failure.fileName : ''));
    cell(row, failure.problem);
    cell(row, failure.reason);
    const payload = document.createElement('textarea');
    payload.value = failure.payload;
    payload.readOnly = !me.mayChange || failure.state !== 'open';
    cell(row, payload);
    const actions = document.createElement('span');
    actions.className = 'change';
    if (failure.state === 'open') {
      actions.append(
        button('Replay', async () => {
          const result = await api('POST', '/admin/failures/' + failure.id + '/replay', payload.value);
          await refresh();
          say('Replayed failure ' + failure.id + ': ' + replayed(failure, result), true);
        }), ' ',
        button('Discard', async () => {
          await api('DELETE', '/admin/failures/' + failure.id);
          await refresh();
          say('Discarded failure ' + failure.id, true);
        }));
    }
    cell(row, actions);
  }
}

function fillChoices(id, values) {
  const select = document.getElementById(id);
  const chosen = select.value;
  const known = new Set([...select.options].map(o => o.value));
  for (const value of [...new Set(values)].sort()) {
    if (!known.has(value)) { select.add(new Option(value, value)); }
  }
  select.value = chosen;
}

function selectedFailures() {
  return [...document.querySelectorAll('#failures input[name=selected]:checked')].map(box => box.value);
}

async function onSelected(verb, action) {
  const ids = selectedFailures();
  if (!ids.length) { say('Select failures first', false); return; }
  const refused = [];
  for (const id of ids) {
    try { await action(id); } catch (e) { refused.push('#' + id + ': ' + e.message); }
  }
  editPending = false;
  await refresh();
  say(verb + ' ' + (ids.length - refused.length) + ' of ' + ids.length + ' failures' + (refused.length ? '; ' + refused.join('; ') : ''),
    refused.length === 0);
}

document.getElementById('select-all-failures').addEventListener('change', e => {
  document.querySelectorAll('#failures input[name=selected]').forEach(box => { box.checked = e.target.checked; });
});
document.getElementById('replay-selected').addEventListener('click', () =>
  onSelected('Replayed', id => api('POST', '/admin/failures/' + id + '/replay')));
document.getElementById('discard-selected').addEventListener('click', () =>
  onSelected('Discarded', id => api('DELETE', '/admin/failures/' + id)));
for (const filter of failureFilters) {
  filter.addEventListener(filter.tagName === 'INPUT' ? 'input' : 'change', () => loadFailures().catch(e => say(e.message, false)));
}

// ---- Dashboard ------------------------------------------------------------------------------

const charts = {};
const palette = ['#1d4ed8', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4b5563', '#be185d'];
const waitingSamples = { at: [], staged: [], followUp: [], customerContacts: [] };

function draw(id, title, xs, seriesByName, bars) {
  const names = Object.keys(seriesByName);
  const target = document.getElementById(id);
  const options = {
    width: Math.max(target.clientWidth, 480), height: 220,
    series: [{}].concat(names.map((name, i) => ({
      label: name, stroke: palette[i % palette.length], width: 2,
      fill: bars ? palette[i % palette.length] + '55' : undefined,
      paths: bars && uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 40] }) : undefined,
    }))),
    axes: [{}, { label: title }],
    // One sample (the waiting chart's first) would otherwise stretch the axis over years.
    scales: { x: { time: true, range: (u, min, max) => (min === max ? [min - 60, max + 5] : [min, max]) } },
  };
  const data = [xs].concat(names.map(name => Array.from(seriesByName[name])));
  if (charts[id]) { charts[id].destroy(); }
  target.replaceChildren();
  charts[id] = new uPlot(options, data, target);
  target.dataset.series = names.join(',');
}

let bestCustomers = null;

async function loadDashboard() {
  const hours = document.getElementById('dashboard-hours').value;
  const dashboard = await api('GET', '/admin/dashboard?hours=' + hours);
  const channels = Object.keys(dashboard.ordersByChannel).length ? dashboard.ordersByChannel : { none: dashboard.hours.map(() => 0) };
  draw('chart-channels', 'orders', dashboard.hours, channels, true);
  const sources = Object.entries(dashboard.ordersBySource)
    .sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0)).slice(0, 8);
  draw('chart-sources', 'orders', dashboard.hours, sources.length ? Object.fromEntries(sources) : { none: dashboard.hours.map(() => 0) }, false);

  const perPartner = {};
  for (const partner of dashboard.partners) {
    if (partner.rejected) { perPartner[partner.partner + ' (interchanges rejected)'] = partner.rejected; }
  }
  for (const failure of dashboard.failures) {
    const key = failure.routeId + ' — ' + failure.problem;
    perPartner[key] = (perPartner[key] || 0) + failure.count;
  }
  const most = Math.max(1, ...Object.values(perPartner));
  const failuresBody = rows('#failures-per-partner');
  for (const [key, count] of Object.entries(perPartner).sort((a, b) => b[1] - a[1])) {
    const row = failuresBody.insertRow();
    cell(row, key);
    cell(row, count);
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.style.width = Math.round(200 * count / most) + 'px';
    cell(row, bar);
  }
  if (!Object.keys(perPartner).length) { cell(failuresBody.insertRow(), 'No failures in this period'); }

  const waiting = dashboard.waiting;
  const stagedTotal = Object.values(waiting.staged).reduce((x, y) => x + y, 0);
  const waitingBody = rows('#waiting');
  for (const [routeId, staged] of Object.entries(waiting.staged)) {
    const row = waitingBody.insertRow();
    cell(row, 'staged for ' + routeId);
    cell(row, staged);
  }
  for (const [label, value] of [['follow-up (invoices, notices, documents)', waiting.followUp], ['customer contacts', waiting.customerContacts]]) {
    const row = waitingBody.insertRow();
    cell(row, label);
    cell(row, value);
  }
  waitingSamples.at.push(Date.now() / 1000);
  waitingSamples.staged.push(stagedTotal);
  waitingSamples.followUp.push(waiting.followUp);
  waitingSamples.customerContacts.push(waiting.customerContacts);
  if (waitingSamples.at.length > 720) { Object.values(waitingSamples).forEach(series => series.shift()); }
  draw('chart-waiting', 'waiting', waitingSamples.at,
    { staged: waitingSamples.staged, 'follow-up': waitingSamples.followUp, 'customer contacts': waitingSamples.customerContacts }, false);

  const bestBody = rows('#best-customers');
  if (!me.mayReadCustomers) {
    cell(bestBody.insertRow(), 'Customers take the role reporting');
    return;
  }
  const year = new Date().getUTCFullYear();
  // A year's report: read on a visit of the page and then at most every five minutes, not on every redraw.
  if (!bestCustomers || Date.now() - bestCustomers.at > 300000) {
    bestCustomers = { at: Date.now(), report: await api('GET', '/api/reports/best-customers?from=' + year + '-01-01&to=' + year + '-12-31&limit=10') };
  }
  const best = bestCustomers.report;
  for (const customer of best.customers) {
    const row = bestBody.insertRow();
    cell(row, customer.rank);
    cell(row, customer.name);
    cell(row, customer.orders);
    cell(row, customer.revenue + ' ' + customer.currency);
  }
  if (!best.customers.length) { cell(bestBody.insertRow(), 'No orders this year'); }
}

document.getElementById('dashboard-hours').addEventListener('change', () => loadDashboard().catch(e => say(e.message, false)));

// ---- Partners -------------------------------------------------------------------------------

async function loadPartners() {
  const [partners, activity] = await Promise.all([api('GET', '/admin/edi/partners'), api('GET', '/admin/partners/activity?hours=720')]);
  const body = rows('#partners');
  for (const partner of partners) {
    const seen = activity[partner.partner] || {};
    const row = body.insertRow();
    row.dataset.partner = partner.partner;
    row.className = 'clickable';
    cell(row, partner.partner + (partner.name ? ' — ' + partner.name : ''));
    cell(row, partner.standard + ' ' + partner.version);
    cell(row, partner.interchangeId);
    cell(row, partner.ack);
    cell(row, when(seen.lastReceived));
    cell(row, when(seen.lastSent));
    cell(row, seen.received || 0);
    cell(row, (seen.rejected || 0) + (seen.received ? ' (' + Math.round(100 * seen.rejected / seen.received) + ' %)' : ''));
    cell(row, seen.sent || 0);
    cell(row, seen.acknowledgementsAwaited || 0).className = 'awaited';
    row.addEventListener('click', () => Promise.all([loadInterchanges(partner.partner), loadProfile(partner.partner)])
      .catch(e => say(e.message, false)));
  }
}

const profileTemplate = ['partner = ', 'name = ', 'standard = EDIFACT', 'version = D96A', 'interchange.id = ', 'interchange.qualifier = ZZZ',
  'our.id = BACKOFFICEHUB', 'our.qualifier = ZZZ', 'documents.in = ORDERS', 'documents.out = ORDRSP', 'ack = CONTRL', ''].join('\n');

async function loadProfile(partner) {
  if (!me.mayChange) { return; }
  const profile = await api('GET', '/admin/edi/partners/' + encodeURIComponent(partner) + '/profile');
  document.getElementById('profile-title').textContent = 'Profile of ' + partner;
  document.getElementById('profile-file').value = profile.file;
  document.getElementById('profile-text').value = profile.properties;
}

document.getElementById('new-profile').addEventListener('click', () => {
  document.getElementById('profile-title').textContent = 'Add a partner';
  document.getElementById('profile-file').value = '';
  document.getElementById('profile-text').value = profileTemplate;
});
document.getElementById('save-profile').addEventListener('click', async () => {
  try {
    const file = document.getElementById('profile-file').value.trim();
    const saved = await api('PUT', '/admin/edi/profiles/' + encodeURIComponent(file),
      JSON.stringify({ properties: document.getElementById('profile-text').value }));
    editPending = false;
    await loadPartners();
    say((saved.created ? 'Added partner ' : 'Changed partner ') + saved.partner + ' (' + saved.file + '.properties)'
      + (saved.restartNeeded ? '; its FTP/SFTP remote changes at the next start' : ''), true);
  } catch (e) { say(e.message, false); }
});

async function loadInterchanges(partner) {
  const interchanges = await api('GET', '/admin/edi/interchanges?partner=' + encodeURIComponent(partner));
  const title = document.getElementById('interchanges-title');
  title.textContent = 'Interchanges with ' + partner + ' (newest first)';
  title.hidden = false;
  document.getElementById('interchanges').hidden = false;
  const body = rows('#interchanges');
  for (const interchange of interchanges) {
    const row = body.insertRow();
    cell(row, when(interchange.createdAt));
    cell(row, interchange.direction);
    cell(row, interchange.controlNumber);
    cell(row, interchange.documentType);
    cell(row, interchange.messages);
    cell(row, interchange.state + (interchange.detail ? ': ' + interchange.detail : ''));
    cell(row, (interchange.ackStatus || '—') + (interchange.ackDetail ? ': ' + interchange.ackDetail : ''));
    cell(row, interchange.file);
  }
}

// ---- Customers ------------------------------------------------------------------------------

let customerShown = null;

async function loadCustomers() {
  const form = document.getElementById('customer-search');
  const term = form.term.value.trim();
  if (!me.mayReadCustomers) {
    cell(rows('#customers').insertRow(), 'Customers take the role reporting');
    return;
  }
  const customers = await api('GET', '/api/customers' + (term ? '?' + form.by.value + '=' + encodeURIComponent(term) : ''));
  const body = rows('#customers');
  for (const customer of customers) {
    const row = body.insertRow();
    row.dataset.customerId = customer.id;
    row.className = 'clickable';
    cell(row, customer.id);
    cell(row, customer.name);
    cell(row, customer.email);
    cell(row, customer.phone);
    cell(row, [customer.city, customer.country].filter(Boolean).join(', '));
    cell(row, customer.sources);
    row.addEventListener('click', () => showCustomer(customer.id).catch(e => say(e.message, false)));
  }
  if (!customers.length) { cell(body.insertRow(), 'No customer found'); }
}

async function showCustomer(id) {
  const customer = await api('GET', '/api/customers/' + id);
  customerShown = customer;
  document.getElementById('customer').hidden = false;
  document.getElementById('customer-title').textContent = 'Customer #' + customer.id + ' — ' + (customer.name || '');
  const sourceOf = customer.provenance || {};
  const fields = rows('#customer-fields');
  const address = customer.address || {};
  for (const [field, value] of [['name', customer.name], ['email', customer.email], ['phone', customer.phone],
    ['address', [address.street, address.postalCode, address.city, address.country].filter(Boolean).join(', ')],
    ['gln', customer.gln], ['duns', customer.duns], ['erpNumber', customer.erpNumber]]) {
    if (!value) { continue; }
    const row = fields.insertRow();
    cell(row, field);
    cell(row, value);
    cell(row, sourceOf[field] ? '#' + sourceOf[field] : '');
  }
  const sources = rows('#customer-sources');
  for (const source of customer.sources) {
    const row = sources.insertRow();
    const pick = document.createElement('input');
    pick.type = 'checkbox'; pick.name = 'source'; pick.value = source.id;
    cell(row, pick);
    cell(row, source.id);
    cell(row, source.system + (source.origin ? ' / ' + source.origin : ''));
    cell(row, source.sourceKey);
    cell(row, source.rule + (source.matchedSource ? ' (with #' + source.matchedSource + ')' : ''));
    cell(row, source.name);
    cell(row, source.email);
    cell(row, source.phone);
    cell(row, when(source.observedAt));
  }
  const history = rows('#customer-history');
  for (const event of customer.history) {
    const row = history.insertRow();
    cell(row, when(event.at));
    cell(row, event.kind + (event.detail ? ': ' + event.detail : ''));
    cell(row, event.channel);
    cell(row, event.reference);
    cell(row, event.amount != null ? event.amount + ' ' + (event.currency || '') : '');
  }
}

document.getElementById('customer-search').addEventListener('submit', e => {
  e.preventDefault();
  loadCustomers().catch(error => say(error.message, false));
});
document.getElementById('merge-customer').addEventListener('click', async () => {
  try {
    const other = Number(document.getElementById('merge-other').value);
    if (!Number.isInteger(other) || other <= 0) { say('Give the number of the customer to merge into this one', false); return; }
    const result = await api('POST', '/admin/customers/' + customerShown.id + '/merge', JSON.stringify({ customerId: other }));
    await showCustomer(customerShown.id);
    await loadCustomers();
    say('Merged customer ' + other + ' into ' + result.customerId, true);
  } catch (e) { say(e.message, false); }
});
document.getElementById('split-customer').addEventListener('click', async () => {
  try {
    const sourceIds = [...document.querySelectorAll('#customer-sources input[name=source]:checked')].map(box => Number(box.value));
    const result = await api('POST', '/admin/customers/' + customerShown.id + '/split', JSON.stringify({ sourceIds }));
    await showCustomer(customerShown.id);
    await loadCustomers();
    say('Split ' + sourceIds.length + ' source(s) off into customer ' + result.customerId, true);
  } catch (e) { say(e.message, false); }
});

// ---- Cluster --------------------------------------------------------------------------------

async function loadCluster() {
  const cluster = await api('GET', '/admin/cluster');
  document.getElementById('cluster-summary').textContent = '(' + cluster.service + (cluster.service === 'none' ? ': this hub alone' : '')
    + '; ' + (cluster.leader ? cluster.leader + ' leads' : 'no instance leads right now') + ')';
  const body = rows('#cluster-members');
  for (const member of cluster.members) {
    const row = body.insertRow();
    row.dataset.instance = member.instance;
    row.className = [member.leader ? 'leader' : '', member.seen ? '' : 'lost'].join(' ').trim();
    cell(row, member.instance);
    cell(row, member.service);
    cell(row, member.advertisedUrl || '—');
    cell(row, when(member.startedAt));
    cell(row, when(member.lastSeen));
    cell(row, member.seen ? 'seen' : 'lost').className = member.seen ? 'ok' : 'error';
    cell(row, member.leader ? 'leader' : 'follower');
    cell(row, member.local ? 'this instance' : '').className = 'muted';
  }
  if (!cluster.members.length) { cell(body.insertRow(), 'No instance has recorded its heartbeat yet'); }
  const singletons = rows('#cluster-singletons');
  for (const routeId of cluster.singletons) {
    const row = singletons.insertRow();
    row.dataset.routeId = routeId;
    cell(row, routeId);
    cell(row, cluster.leader || 'none right now');
    cell(row, (cluster.singletonStatusHere || {})[routeId] || '');
  }
  if (!cluster.singletons.length) { cell(singletons.insertRow(), 'No singleton routes'); }
}

// ---- Pages ----------------------------------------------------------------------------------

const loaders = { dashboard: loadDashboard, tracking: loadTracking, routes: loadRoutes, failures: loadFailures, partners: loadPartners, customers: loadCustomers,
  cluster: loadCluster };

function currentPage() {
  const page = location.hash.replace('#', '');
  return pages.includes(page) ? page : 'dashboard';
}

// Actions announce their result only after the page is redrawn, so nobody (person or test) edits
// a row that is about to be replaced.
async function refresh() {
  try {
    await loaders[currentPage()]();
    editPending = false;
  } catch (e) { say(e.message, false); }
}

function show() {
  const page = currentPage();
  bestCustomers = null;
  for (const p of pages) {
    document.getElementById('page-' + p).hidden = p !== page;
    document.querySelector('nav a[href="#' + p + '"]').classList.toggle('active', p === page);
  }
  editPending = false;
  refresh();
}

// The periodic redraw leaves the page alone while an edit is pending, so a half-typed cron or
// corrected payload is never thrown away; the customers page is redrawn only when asked.
let editPending = false;
document.addEventListener('input', e => { if (!e.target.closest('.filters')) { editPending = true; } });
document.addEventListener('change', e => { if (!e.target.closest('.filters') && e.target.name !== 'hours') { editPending = true; } });
window.addEventListener('hashchange', show);

(async () => {
  try {
    me = await api('GET', '/admin/me');
    document.getElementById('whoami').textContent = me.user + ' (' + me.roles.join(', ') + ')' + (me.mayChange ? '' : ', read only');
    document.body.classList.toggle('read-only', !me.mayChange);
  } catch (e) { say(e.message, false); }
  show();
})();
// Only the pages that show live state are redrawn by themselves: routes and cluster every 5 s, the
// dashboard every 30 s (its queries read a period of the store). Failures, partners, customers and tracking
// are redrawn after an action or when asked: a page of failures can hold megabytes of payloads.
let ticks = 0;
setInterval(() => {
  ticks++;
  const idle = !document.activeElement || document.activeElement === document.body;
  const page = currentPage();
  if (idle && !editPending && (page === 'routes' || page === 'cluster' || (page === 'dashboard' && ticks % 6 === 0))) { refresh(); }
}, 5000);
