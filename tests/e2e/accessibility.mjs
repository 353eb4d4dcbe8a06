// End to end in Chromium: every public and back-office page is free of serious and critical
// axe-core violations, as served (CSP and all), with a real incident to show. Signing,
// forms with errors, the gate and the back office's posts all go through the browser.
// Usage: node tests/e2e/accessibility.mjs <path to rempart binary>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeQuotedPrintable, fail, mailFinder, until, withServer } from './lib/harness.mjs';
import { AccessibilityReport } from './lib/axe.mjs';

const config = [
  '[server]', 'trusted_proxies = ["127.0.0.1/32"]',
  '[shield]', `asn_table = "${join(process.cwd(), 'tests/fixtures/asn.csv')}"`, 'pow_max_number = 50',
];
const petition = { slug: 'velo', title: 'Des pistes cyclables',
  text: 'Des pistes cyclables **protégées** sur le boulevard.\n' };
const password = 'a long and fine passphrase';

function confirmationTokens(dir) {
  const maildir = join(dir, 'data', 'mail', 'new');
  if (!existsSync(maildir)) return [];
  return readdirSync(maildir).map((file) =>
    decodeQuotedPrintable(readFileSync(join(maildir, file), 'utf8'))
      .match(/\/s\/([A-Za-z0-9_-]{43,44})/)?.[1]).filter(Boolean);
}

// What the widget does: SHA-256 of the salt and each number in turn.
async function solveAltcha(base) {
  const challenge = await (await fetch(`${base}/altcha/challenge?petition=velo`)).json();
  for (let number = 0; number <= challenge.maxnumber; ++number) {
    const hash = createHash('sha256').update(challenge.salt + number).digest('hex');
    if (hash !== challenge.challenge) continue;
    const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number,
      salt: challenge.salt, signature: challenge.signature, took: 1 };
    return Buffer.from(JSON.stringify(payload)).toString('base64');
  }
  fail('the proof of work has no solution');
}

// The integration tests' flood: scripted names from three networks, every mail confirmed
// by script, so the detector opens an incident with clusters, bans and a chart.
async function flood(base, dir) {
  for (let i = 0; i < 40; ++i) {
    const body = new URLSearchParams({
      name: i % 2 ? 'Jeff Bezos' : 'Bill Gates', email: `bot${i}@mail${i % 20}.example`,
      accept_terms: '1', comment: 'déso pas déso', altcha: await solveAltcha(base) });
    await fetch(`${base}/petitions/velo/sign`, { method: 'POST', body, redirect: 'manual',
      headers: { 'X-Forwarded-For': `203.0.${113 + (i % 3)}.${i + 1}` } });
  }
  const tokens = await until('the flood\'s mails', () => {
    const found = confirmationTokens(dir);
    return found.length >= 30 && found;
  }, 30_000);
  for (const token of tokens)
    await fetch(`${base}/s/${token}/confirm`, { method: 'POST', redirect: 'manual' });
}

function addAdmin(dir) {
  const output = execFileSync(process.argv[2], ['user', 'add', '--email', 'ana@example.org',
    '--role', 'admin', '--config', join(dir, 'rempart.toml')], { encoding: 'utf8' });
  const once = output.match(/One-time password:\s*(\S+)/)?.[1];
  if (!once) fail(`no one-time password in: ${output}`);
  return once;
}

await withServer(process.argv[2], config, petition, async ({ base, dir, browser }) => {
  const report = new AccessibilityReport();
  const visit = async (page, path, what, status = 200) => {
    const response = await page.goto(`${base}${path}`);
    if (response.status() !== status) fail(`${what}: ${path} answered ${response.status()}`);
    await report.check(page, what);
  };

  // The public site, in French, as a signer meets it.
  const visitor = await browser.newContext({ locale: 'fr-FR' });
  const page = await visitor.newPage();
  await visit(page, '/', 'home');
  await visit(page, '/petitions/velo', 'petition');
  await visit(page, '/privacy', 'privacy');
  await visit(page, '/terms', 'terms');
  await visit(page, '/search?q=pistes', 'search with results');
  await visit(page, `/search?q=${'x'.repeat(101)}`, 'search with an error', 400);
  await visit(page, '/nowhere', 'not found', 404);

  // The form sent empty, past the browser's own checks: the server's errors beside each field.
  await page.goto(`${base}/petitions/velo`);
  const refused = page.waitForResponse((r) => r.url().endsWith('/petitions/velo/sign'));
  await page.evaluate(() => HTMLFormElement.prototype.submit.call(
    document.querySelector('form[action$="/sign"]')));
  if ((await refused).status() !== 422) fail('an empty form was not answered 422');
  await page.waitForLoadState();
  if (!(await page.textContent('.form-errors')).includes('corriger'))
    fail('no list of errors above the form');
  await report.check(page, 'petition with form errors');

  // Signed through the widget, then thanks and the confirmation link's page.
  await page.goto(`${base}/petitions/velo`);
  await page.locator('#name').fill('Marie Curie');
  await page.locator('#email').fill('marie@example.org');
  await page.locator('#accept_terms').check();
  await page.locator('#newsletter').check();
  await until('the proof of work', async () =>
    (await page.locator('input[name="altcha"]').inputValue().catch(() => '')).length > 0, 60_000);
  await page.getByRole('button', { name: 'Signer la pétition' }).click();
  await page.waitForURL(`${base}/petitions/velo/thanks`);
  await report.check(page, 'thanks');
  const [token] = await until('the confirmation mail', () => {
    const found = confirmationTokens(dir);
    return found.length > 0 && found;
  });
  await visit(page, `/s/${token}`, 'confirmation link');
  await page.getByRole('button', { name: 'Confirmer ma signature' }).click();
  await page.waitForURL(`${base}/petitions/velo?confirmed=1`);
  await report.check(page, 'petition after confirming');
  await visit(page, `/s/${token}`, 'confirmation link, confirmed');

  // The newsletter's box asked a second confirmation: its page shows the words.
  const newsletter = (await mailFinder(dir)('marie@example.org', '/newsletter/confirm/',
    'the newsletter mail')).match(/\/newsletter\/confirm\/[0-9]+-[0-9a-f]{32}/)?.[0];
  if (!newsletter) fail('no link in the newsletter mail');
  await visit(page, newsletter, 'newsletter confirmation');
  await page.getByRole('button', { name: 'Oui, envoyez-moi la lettre d\'information' }).click();
  await page.waitForLoadState();
  if (!(await page.textContent('main')).includes('vous recevrez la lettre'))
    fail('the newsletter was not confirmed');
  await report.check(page, 'newsletter confirmed');

  // Marie asks for her own data, and opens the page the mail links to.
  await visit(page, '/my-data', 'my data form');
  await page.locator('#email').fill('marie@example.org');
  await page.getByRole('button', { name: 'M\'envoyer le lien' }).click();
  await page.waitForURL(`${base}/my-data?sent=1`);
  await report.check(page, 'my data, link sent');
  const myData = (await mailFinder(dir)('marie@example.org', '/my-data/', 'the my-data mail'))
    .match(/\/my-data\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!myData) fail('no link in the my-data mail');
  await visit(page, myData, 'my data page');
  if (!(await page.textContent('main')).includes('confirmée et comptée'))
    fail('the my-data page does not list the confirmed signature');

  await flood(base, dir);

  // The back office, in English, from the one-time password to every page.
  const once = addAdmin(dir);
  const office = await browser.newContext({ locale: 'en-GB' });
  const admin = await office.newPage();
  await visit(admin, '/admin/login', 'admin login');
  await admin.locator('#email').fill('ana@example.org');
  await admin.locator('#password').fill('wrong password');
  await admin.getByRole('button', { name: 'Log in' }).click();
  await admin.waitForLoadState();
  await report.check(admin, 'admin login with an error');
  await admin.locator('#email').fill('ana@example.org');
  await admin.locator('#password').fill(once);
  await admin.getByRole('button', { name: 'Log in' }).click();
  await admin.waitForURL(`${base}/admin/password`);
  await report.check(admin, 'admin password change');
  await admin.locator('#current').fill(once);
  await admin.locator('#new').fill(password);
  await admin.locator('#confirm').fill(password);
  await admin.locator('form[action="/admin/password"] button[type="submit"]').click();
  await admin.waitForURL(/\/admin(\?.*)?$/);
  await report.check(admin, 'admin home');
  await visit(admin, '/admin/incidents', 'incidents');
  if (!(await admin.locator('a[href="/admin/incidents/1"]').count()))
    fail('the flood opened no incident');
  await visit(admin, '/admin/incidents/1', 'incident');
  await visit(admin, '/admin/invalidate', 'invalidation form');
  await admin.locator('#value').fill('203.0.113.0/24');
  await admin.locator('#kind').selectOption({ index: 0 });
  await admin.locator('form[novalidate] button[type="submit"]').click();
  await admin.waitForLoadState();
  await report.check(admin, 'invalidation preview');
  await visit(admin, '/admin/audit', 'audit');
  await visit(admin, '/admin/users', 'users');
  await visit(admin, '/admin/register', 'processing register');
  await visit(admin, '/admin/newsletter', 'newsletter');
  await visit(admin, '/admin/watches', 'watches');
  await visit(admin, '/admin/trusted', 'trusted values');
  await admin.locator('#kind').selectOption('network');
  await admin.locator('#value').fill('10.0.0.0/8');
  await admin.locator('form[action="/admin/trusted"] button[type="submit"]').click();
  await admin.waitForLoadState();
  if (!(await admin.locator('#value-error').count())) fail('no error beside the value');
  await report.check(admin, 'trusted values with an error');
  await visit(admin, '/admin/rejection-reasons', 'rejection reasons');
  await admin.locator('#public_text').fill('Des mots sans libellé.');
  await admin.locator('form[action="/admin/rejection-reasons"] button[type="submit"]').click();
  await admin.waitForLoadState();
  if (!(await admin.locator('#label-error').count())) fail('no error beside the reason\'s label');
  await report.check(admin, 'rejection reasons with an error');
  await visit(admin, '/admin/shield', 'shield');

  // The gate, put up from the back office, as a newcomer meets it. Its challenge is held
  // back so the page stays as it first shows, instead of passing by itself.
  await admin.locator('input[name="mode"][value="on"]').check();
  await admin.locator('form[action="/admin/shield/mode"] button[type="submit"]').click();
  await admin.waitForURL(/mode=changed/);
  const newcomer = await browser.newContext({ locale: 'fr-FR' });
  await newcomer.route('**/gate/challenge*', () => {});
  const gated = await newcomer.newPage();
  await visit(gated, '/petitions/velo', 'gate', 503);
  await newcomer.close();
  await admin.locator('input[name="mode"][value="auto"]').check();
  await admin.locator('form[action="/admin/shield/mode"] button[type="submit"]').click();
  await admin.waitForURL(/mode=changed/);

  console.log(`checked ${report.pages.length} pages: ${report.pages.join(', ')}`);
  if (report.pages.length !== 36) fail(`expected 36 pages checked, saw ${report.pages.length}`);
  if (report.violations.length)
    fail(`serious or critical accessibility violations:\n${report.describe()}`);
  console.log('PASS: every page is free of serious and critical axe violations');
});
