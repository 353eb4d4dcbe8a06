// End to end in Chromium: open a petition, fill the form, let the widget solve its proof of
// work, sign, read the mail, confirm, see the count go up, withdraw and see it go down. The
// browser's own Origin and Sec-Fetch-Site pass the server's origin check on every post. No
// request leaves loopback.
// Usage: node tests/e2e/signing.mjs <path to rempart binary>
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeQuotedPrintable, fail, policyProblems, until, waitForProofOfWork, watchProblems, withServer,
} from './lib/harness.mjs';

const config = [
  '[shield]', `asn_table = "${join(process.cwd(), 'tests/fixtures/asn.csv')}"`, 'pow_max_number = 20000',
];
const petition = { slug: 'pistes', title: 'Des pistes cyclables',
  text: 'Des pistes cyclables **protégées** sur le boulevard.\n' };

await withServer(process.argv[2], config, petition, async ({ base, dir, browser }) => {
  const page = await browser.newPage({ locale: 'fr-FR' });
  const problems = watchProblems(page, base);
  const posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().startsWith(base) &&
        !request.url().includes('/altcha/'))
      posts.push(request.allHeaders().then((headers) => ({ url: request.url(), headers })));
  });

  await page.goto(`${base}/petitions/pistes`);
  await page.getByLabel('Votre nom').fill('Marie Curie');
  await page.getByLabel('Adresse e-mail').fill('marie@example.org');
  await page.getByLabel('Code postal').fill('75005');
  await page.locator('#accept_terms').check();
  await waitForProofOfWork(page);
  await page.getByRole('button', { name: 'Signer la pétition' }).click();
  await page.waitForURL(`${base}/petitions/pistes/thanks`);
  if (!(await page.textContent('h1')).includes('Consultez votre messagerie'))
    fail('the thanks page does not say to check the mailbox');

  const maildir = join(dir, 'data', 'mail', 'new');
  const file = await until('the confirmation mail', () =>
    existsSync(maildir) && readdirSync(maildir)[0]);
  const mail = decodeQuotedPrintable(readFileSync(join(maildir, file), 'utf8'));
  const link = mail.match(/http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43,44}/)?.[0];
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

  // The same link withdraws, by its second button.
  await page.goto(link);
  await page.getByRole('button', { name: 'Retirer ma signature' }).click();
  await page.waitForURL(`${base}/petitions/pistes?withdrawn=1`);
  await until('the count to go back to 0', async () =>
    (await (await fetch(`${base}/api/petitions/pistes`)).json()).signature_count === 0);

  const sent = await Promise.all(posts);
  const paths = sent.map((post) => new URL(post.url).pathname.replace(/[A-Za-z0-9_-]{43,44}/, '{token}'));
  if (paths.join(' ') !== '/petitions/pistes/sign /s/{token}/confirm /s/{token}/withdraw')
    fail(`unexpected posts: ${paths.join(' ')}`);
  for (const post of sent)
    if (post.headers.origin !== base || post.headers['sec-fetch-site'] !== 'same-origin')
      fail(`${post.url} went without our Origin: ${JSON.stringify(post.headers)}`);
  const blocked = policyProblems(problems);
  if (blocked.length) fail(`blocked or foreign loads: ${blocked.join(' | ')}`);
  console.log('PASS: signed in Chromium, confirmed from the mail, counted, withdrawn');
});
