// End to end in Chromium: open a petition, fill the form, let the widget solve its proof of
// work, sign, read the mail, confirm, and see the count go up. No request leaves loopback.
// Usage: node tests/e2e/signing.mjs <path to rempart binary>
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binary = process.argv[2];
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const deadline = Date.now() + 120_000;

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function until(what, check, timeoutMs = 15_000) {
  const end = Math.min(Date.now() + timeoutMs, deadline);
  while (Date.now() < end) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`timed out waiting for ${what}`);
}

function decodeQuotedPrintable(text) {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

const dir = mkdtempSync(join(tmpdir(), 'rempart-e2e-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const config = join(dir, 'rempart.toml');
writeFileSync(config, [
  '[server]', `listen = "127.0.0.1:${port}"`, `base_url = "${base}"`,
  '[storage]', `data_dir = "${join(dir, 'data')}"`,
  '[log]', `file = "${join(dir, 'rempart.log')}"`,
  '[dns]', 'check_mx = false',
  '[shield]', `asn_table = "${join(process.cwd(), 'tests/fixtures/asn.csv')}"`, 'pow_max_number = 20000',
  '',
].join('\n'));
const text = join(dir, 'petition.md');
writeFileSync(text, 'Des pistes cyclables **protégées** sur le boulevard.\n');
execFileSync(binary, ['petition', 'create', '--slug', 'pistes', '--title', 'Des pistes cyclables',
  '--text-file', text, '--config', config]);

const server = spawn(binary, ['serve', '--config', config], { stdio: 'ignore' });
let browser;
try {
  await until('the server', async () => {
    try { return (await fetch(`${base}/healthz`)).ok; } catch { return false; }
  });

  browser = await chromium.launch({ executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ locale: 'fr-FR' });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
      problems.push(`request to another site: ${request.url()}`);
  });

  await page.goto(`${base}/petitions/pistes`);
  await page.getByLabel('Votre nom').fill('Marie Curie');
  await page.getByLabel('Adresse e-mail').fill('marie@example.org');
  await page.getByLabel('Code postal').fill('75005');
  await page.locator('#accept_terms').check();
  // The widget starts when the form takes focus, as it did above; ticking its box is what
  // a signer does if it has not finished yet.
  // A tick that lands while the widget is starting can leave it idle: as a signer would,
  // the test ticks again every few seconds while the box stays empty.
  const box = page.locator('altcha-widget input[type="checkbox"]').first();
  let lastTick = 0;
  await until('the proof of work', async () => {
    const payload = await page.locator('input[name="altcha"]').inputValue().catch(() => '');
    if (payload.length > 0) return true;
    if (Date.now() - lastTick > 5_000) {
      lastTick = Date.now();
      if (!(await box.isChecked().catch(() => true))) await box.check({ force: true }).catch(() => {});
    }
    return false;
  }, 60_000);
  await page.getByRole('button', { name: 'Signer la pétition' }).click();
  await page.waitForURL(`${base}/petitions/pistes/thanks`);
  if (!(await page.textContent('h1')).includes('Consultez votre messagerie'))
    fail('the thanks page does not say to check the mailbox');

  const maildir = join(dir, 'data', 'mail', 'new');
  const file = await until('the confirmation mail', () =>
    existsSync(maildir) && readdirSync(maildir)[0]);
  const mail = decodeQuotedPrintable(readFileSync(join(maildir, file), 'utf8'));
  const link = mail.match(/http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) fail('no confirmation link in the mail');

  await page.goto(link);
  await page.getByRole('button', { name: 'Confirmer ma signature' }).click();
  await page.waitForURL(`${base}/petitions/pistes?confirmed=1`);
  await until('the count to reach 1', async () => {
    await page.goto(`${base}/petitions/pistes?confirmed=1`);
    return (await page.textContent('main')).includes('1 signature');
  });
  if (!(await page.textContent('main')).includes('votre signature est confirmée'))
    fail('no word of thanks after confirming');
  const csp = problems.filter((p) => /Content Security Policy|another site|Refused/.test(p));
  if (csp.length) fail(`blocked or foreign loads: ${csp.join(' | ')}`);
  console.log('PASS: signed in Chromium, confirmed from the mail, counted');
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  if (process.exitCode) console.error(readFileSync(join(dir, 'rempart.log'), 'utf8').slice(-4000));
  rmSync(dir, { recursive: true, force: true });
}
