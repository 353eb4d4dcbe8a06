// End to end in Chromium behind the under-attack gate: with JavaScript the widget solves
// the gate's proof of work by itself and the visitor lands on the page asked for; without
// JavaScript the page waits a little, reloads by itself and lets the visitor through.
// Usage: node tests/e2e/gate.mjs <path to rempart binary>
import { fail, until, withServer, watchProblems, policyProblems } from './lib/harness.mjs';

const config = ['[gate]', 'mode = "on"', 'pow_max_number = 5000', 'wait_s = 2'];
const petition = { slug: 'pistes', title: 'Des pistes cyclables',
  text: 'Des pistes cyclables **protégées** sur le boulevard.\n' };

await withServer(process.argv[2], config, petition, async ({ base, browser }) => {
  // A visitor with JavaScript: nothing to click.
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const problems = watchProblems(page, base);
  const passes = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === `${base}/gate/pass`) passes.push(request);
  });
  const first = await page.goto(`${base}/petitions/pistes`);
  if (first.status() !== 503 || first.headers()['x-rempart-gate'] !== 'challenge')
    fail(`expected the gate, got ${first.status()}`);
  // Read from a request of its own, in a context without the clearance: the widget may
  // already have solved the proof of work and moved on, taking the answer's body with it.
  const probe = await browser.newContext({ locale: 'fr-FR' });
  const gatePage = await probe.request.get(`${base}/petitions/pistes`,
    { headers: { 'Accept-Language': 'fr-FR' }, maxRedirects: 0 });
  if (gatePage.status() !== 503 || !(await gatePage.text()).includes('Un instant'))
    fail('the gate page does not say what is happening');
  await probe.close();
  await page.waitForURL(`${base}/petitions/pistes`, { timeout: 60_000, waitUntil: 'load' });
  await until('the petition behind the gate', async () =>
    (await page.textContent('h1').catch(() => '')).includes('Des pistes cyclables'));
  // Through the widget's proof of work, not the wait meant for browsers without JavaScript.
  if (passes.length !== 1) fail(`expected one POST /gate/pass, saw ${passes.length}`);
  const cookies = await context.cookies();
  if (!cookies.some((c) => c.name === 'rempart_clearance' && c.httpOnly))
    fail('no clearance cookie after the gate');
  // Once through, every page opens at once.
  const home = await page.goto(`${base}/`);
  if (home.status() !== 200) fail(`the home page after the gate answered ${home.status()}`);
  const blocked = policyProblems(problems);
  if (blocked.length) fail(`blocked or foreign loads: ${blocked.join(' | ')}`);

  // A visitor without JavaScript: the page reloads by itself after the wait.
  const plain = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
  const noScript = await plain.newPage();
  const gated = await noScript.goto(`${base}/petitions/pistes`);
  if (gated.status() !== 503) fail(`expected the gate without JavaScript, got ${gated.status()}`);
  if (!(await noScript.content()).includes('se recharge d'))
    fail('the gate does not tell a visitor without JavaScript what will happen');
  await until('the page after the wait', async () =>
    (await noScript.textContent('h1').catch(() => '')).includes('Des pistes cyclables'), 20_000);
  if (!(await plain.cookies()).some((c) => c.name === 'rempart_clearance'))
    fail('no clearance cookie after the wait');
  console.log('PASS: through the gate in Chromium, with and without JavaScript');
});
