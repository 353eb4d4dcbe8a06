// What the end-to-end tests share: a Rempart server on a free loopback port with its own
// data folder, Chromium launched headless, and bounded waits.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Bounds, not expectations: the accessibility run takes about a minute alone and three on a
// busy two-core machine.
const deadline = Date.now() + 270_000;

export function fail(message) {
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

// Polls `check` until it gives something truthy, within `timeoutMs` and the test's deadline.
export async function until(what, check, timeoutMs = 15_000) {
  const end = Math.min(Date.now() + timeoutMs, deadline);
  while (Date.now() < end) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`timed out waiting for ${what}`);
}

// The lines of `extraConfig` under its own [server] header apart from the rest: TOML
// forbids a table twice, so they join the harness's [server] table.
function splitServerLines(extraConfig) {
  const server = [];
  const rest = [];
  let inServer = false;
  for (const line of extraConfig) {
    if (/^\s*\[/.test(line)) inServer = line.trim() === '[server]';
    if (line.trim() === '[server]') continue;
    (inServer ? server : rest).push(line);
  }
  return { server, rest };
}

// The cheapest password hash the site allows: these tests log in, they do not time hashes.
const cheapPasswords = ['[admin]', 'password_memory_mib = 8', 'password_passes = 1'];
// These tests check pages, not the defence against load: a busy machine (`make test`
// compiles the sanitizer build beside them) must neither put the gate up by itself nor shed
// a page. A test about either brings its own [gate] or [shedding].
const noLoadDefence = {
  '[gate]': ['[gate]', 'load_s = 3600'],
  '[shedding]': ['[shedding]', 'lag_low_ms = 60000', 'lag_normal_ms = 60000'],
};

// Starts `binary serve` with `extraConfig` (TOML lines) after creating one petition, runs
// `body({ base, dir, browser })`, and always stops the browser and the server.
export async function withServer(binary, extraConfig, petition, body) {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = join(dir, 'rempart.toml');
  const { server: serverLines, rest } = splitServerLines(extraConfig);
  writeFileSync(config, [
    '[server]', `listen = "127.0.0.1:${port}"`, `base_url = "${base}"`, ...serverLines,
    '[storage]', `data_dir = "${join(dir, 'data')}"`,
    '[log]', `file = "${join(dir, 'rempart.log')}"`,
    '[dns]', 'check_mx = false',
    ...rest,
    ...(rest.includes('[admin]') ? [] : cheapPasswords),
    ...Object.entries(noLoadDefence).flatMap(([table, lines]) =>
      rest.includes(table) ? [] : lines),
    '',
  ].join('\n'));
  const text = join(dir, 'petition.md');
  writeFileSync(text, petition.text);
  execFileSync(binary, ['petition', 'create', '--slug', petition.slug, '--title', petition.title,
    '--text-file', text, '--config', config]);

  const server = spawn(binary, ['serve', '--config', config], { stdio: 'ignore' });
  let browser;
  try {
    await until('the server', async () => {
      try { return (await fetch(`${base}/healthz`)).ok; } catch { return false; }
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    await body({ base, dir, browser });
  } finally {
    if (browser) await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (process.exitCode) console.error(readFileSync(join(dir, 'rempart.log'), 'utf8').slice(-4000));
    rmSync(dir, { recursive: true, force: true });
  }
}

// Collects what a page must never do under our policy: script errors, blocked loads, and
// requests to another site.
export function watchProblems(page, base) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
      problems.push(`request to another site: ${request.url()}`);
  });
  return problems;
}

export function policyProblems(problems) {
  return problems.filter((p) => /Content Security Policy|another site|Refused/.test(p));
}

// Waits for the signing form's proof-of-work widget to hand its payload, as a signer does:
// the widget starts when the form takes focus, and a tick that lands while it is starting
// can leave it idle, so the box is ticked again every few seconds while it stays empty.
export async function waitForProofOfWork(page) {
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
}

// A mail's quoted-printable text made readable again.
export function decodeQuotedPrintable(text) {
  // The mail's bytes are ASCII; the decoded ones are UTF-8, accents included.
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// A finder of mails in the server's Maildir (`dir` as withServer gives it): the decoded
// text of the first mail to `address` that holds `text`, waited for (`what` names it).
export function mailFinder(dir) {
  const maildir = join(dir, 'data', 'mail', 'new');
  return (address, text, what) => until(what, () => {
    if (!existsSync(maildir)) return false;
    for (const name of readdirSync(maildir).sort()) {
      const raw = readFileSync(join(maildir, name), 'utf8');
      if (!raw.includes(`To: ${address}`)) continue;
      const decoded = decodeQuotedPrintable(raw);
      if (decoded.includes(text)) return decoded;
    }
    return false;
  });
}
