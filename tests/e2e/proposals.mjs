// End to end in Chromium: a petition proposed by the public and published by a moderator,
// all on phone-sized windows. The author writes it with a preview (and once without a title,
// to see the server's error beside the field), lets the widget solve its proof of work, sends
// it, confirms from the Maildir's private link; a moderator opens the queue from the
// navigation and approves; the petition goes live, is signed and confirmed in the browser,
// and the author's link says it is published; from it the author writes news with a preview
// and sends it to the signer who asked. Every page is axe-clean, no policy violation,
// no request to another origin, and every post carries our Origin.
// Usage: node tests/e2e/proposals.mjs <path to rempart binary>
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  fail, mailFinder, policyProblems, until, waitForProofOfWork, watchProblems, withServer,
} from './lib/harness.mjs';
import { AccessibilityReport } from './lib/axe.mjs';

const config = [
  '[shield]', `asn_table = "${join(process.cwd(), 'tests/fixtures/asn.csv')}"`, 'pow_max_number = 20000',
  '[submissions]', 'open = true',
];
// The harness makes one petition from the command line; the proposal is the one that matters.
const petition = { slug: 'existante', title: 'Une autre pétition', text: 'Texte.\n' };
const password = 'a long and fine passphrase';
const title = 'Ouvrir la piscine Saint-Roch en août';
const slug = 'ouvrir-la-piscine-saint-roch-en-aout';
const phone = { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

await withServer(process.argv[2], config, petition, async ({ base, dir, browser }) => {
  const report = new AccessibilityReport();
  const problems = [];
  const posts = [];
  // A page whose blocked or foreign loads and posts are kept for the end (the widget's own
  // posts aside: they are its proof of work, not a form).
  const watched = async (context) => {
    const page = await context.newPage();
    problems.push(watchProblems(page, base));
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().startsWith(base) &&
          !request.url().includes('/altcha/'))
        posts.push(request.allHeaders().then((headers) => ({ url: request.url(), headers })));
    });
    return page;
  };
  const mailTo = mailFinder(dir);

  // The author, on a phone, meets the form's own error first: a title left empty, sent past
  // the browser's checks, comes back beside the title with everything else as typed.
  const author = await watched(await browser.newContext(phone));
  const form = await author.goto(`${base}/propose`);
  if (form.status() !== 200) fail(`/propose answered ${form.status()}`);
  await report.check(author, 'proposal form on a phone');
  await author.getByLabel('Résumé').fill('La piscine ferme tout le mois d\'août, quand les enfants sont là.');
  await author.getByLabel('Texte', { exact: true }).fill(
    'Nous demandons **la piscine ouverte en août**, comme avant 2020.\n\n- pour les enfants\n- pour les familles\n');
  await author.getByLabel('Adressée à').fill('Le maire de Lyon');
  await author.getByLabel('Objectif').fill('500');
  await author.getByLabel('Votre nom').fill('Camille Martin');
  await author.getByLabel('Votre adresse e-mail').fill('camille@example.org');
  await author.locator('#accept_terms').check();
  await author.evaluate(() => { document.querySelector('form[action="/propose"]').noValidate = true; });
  const refused = author.waitForResponse((r) => r.request().method() === 'POST' &&
    r.url() === `${base}/propose`);
  await author.getByRole('button', { name: 'Envoyer aux modérateurs' }).click();
  if ((await refused).status() !== 422) fail('a proposal without a title was not answered 422');
  const titleError = (await author.locator('#title-error').textContent()) ?? '';
  if (!titleError.includes('Le titre est obligatoire')) fail(`the title's error says: ${titleError}`);
  const titleField = author.getByLabel('Titre', { exact: true });
  if ((await titleField.getAttribute('aria-invalid')) !== 'true') fail('the title is not marked invalid');
  if (!(await titleField.getAttribute('aria-describedby')).split(' ').includes('title-error'))
    fail('the title does not point to its error');
  if (!(await author.locator('.form-errors a[href="#title"]').count()))
    fail('the list of errors does not link to the title');
  if ((await author.getByLabel('Adressée à').inputValue()) !== 'Le maire de Lyon')
    fail('the form lost what was typed');
  await report.check(author, 'proposal form with an error on a phone');

  // The preview renders the Markdown; then the widget, and the sending.
  await titleField.fill(title);
  await author.locator('#accept_terms').check();
  // The preview spends no proof of work, so it need not wait for the widget: pressed at once,
  // it shows the text (the button skips the browser's checks, the widget's box among them).
  const previewed = author.waitForResponse((r) => r.request().method() === 'POST' &&
    r.url() === `${base}/propose`, { timeout: 10_000 }).catch(() => null);
  await author.getByRole('button', { name: 'Aperçu' }).click();
  const answer = await previewed;
  if (!answer) fail('the preview waits for the proof of work: the Aperçu button must skip the form\'s checks');
  if (answer.status() !== 200) fail(`the preview answered ${answer.status()}`);
  await author.waitForLoadState();
  const preview = author.locator('section.preview');
  if ((await preview.locator('h3').textContent()) !== title) fail('the preview lacks the title');
  if ((await preview.locator('strong').textContent()) !== 'la piscine ouverte en août')
    fail('the preview does not render the Markdown');
  if ((await preview.locator('li').count()) !== 2) fail('the preview does not render the list');
  if ((await author.getByLabel('Votre adresse e-mail').inputValue()) !== 'camille@example.org')
    fail('the preview lost what was typed');
  await report.check(author, 'proposal preview on a phone');
  await author.locator('#accept_terms').check();
  await waitForProofOfWork(author);
  await author.getByRole('button', { name: 'Envoyer aux modérateurs' }).click();
  await author.waitForURL(`${base}/propose/sent`);
  if (!(await author.textContent('h1')).includes('Consultez votre boîte mail'))
    fail('the sent page does not say to check the mailbox');
  await report.check(author, 'proposal sent on a phone');

  // The private link from the mail; opening it confirms nothing, the button does.
  const linkMail = await mailTo('camille@example.org', title, 'the author\'s mail');
  const link = linkMail.match(/http:\/\/127\.0\.0\.1:\d+\/p\/\d+-[0-9a-f]{32}/)?.[0];
  if (!link) fail('no private link in the author\'s mail');
  await author.goto(link);
  if (!(await author.textContent('main')).includes('Pas encore confirmée'))
    fail('the author\'s page does not say it waits for confirmation');
  await report.check(author, 'author\'s page before confirming');
  await author.getByRole('button', { name: 'Confirmer ma proposition' }).click();
  await author.waitForURL(`${link}?done=confirmed`);
  if (!(await author.locator('main [role="status"]').textContent())
    .includes('votre proposition est confirmée et attend un modérateur'))
    fail('no notice after confirming');
  await report.check(author, 'author\'s page, confirmed');

  // A moderator, on a phone too, finds it from the navigation and approves it.
  const once = execFileSync(process.argv[2], ['user', 'add', '--email', 'mo@example.org',
    '--role', 'moderator', '--config', join(dir, 'rempart.toml')], { encoding: 'utf8' })
    .match(/One-time password:\s*(\S+)/)?.[1];
  if (!once) fail('no one-time password for the moderator');
  const moderator = await watched(await browser.newContext(phone));
  await moderator.goto(`${base}/admin/login`);
  await moderator.locator('#email').fill('mo@example.org');
  await moderator.locator('#password').fill(once);
  await moderator.locator('form[action="/admin/login"] button[type="submit"]').click();
  await moderator.waitForURL(`${base}/admin/password`);
  await moderator.locator('#current').fill(once);
  await moderator.locator('#new').fill(password);
  await moderator.locator('#confirm').fill(password);
  await moderator.locator('form[action="/admin/password"] button[type="submit"]').click();
  await moderator.waitForURL(/\/admin(\?.*)?$/);
  await moderator.getByRole('navigation').getByRole('link', { name: 'Modération', exact: true }).click();
  await moderator.waitForURL(`${base}/admin/moderation`);
  const row = moderator.locator('tr.proposal-row', { hasText: title });
  if ((await row.count()) !== 1) fail('the proposal is not in the queue');
  if (!(await moderator.textContent('.moderation-summary')).includes('1 en attente'))
    fail('the queue does not count the proposal');
  await report.check(moderator, 'moderation queue on a phone');
  await row.getByRole('link', { name: title }).click();
  await moderator.waitForURL(/\/admin\/moderation\/\d+$/);
  const proposal = moderator.locator('section.proposal-text');
  if ((await proposal.locator('strong').textContent()) !== 'la piscine ouverte en août')
    fail('the moderator does not see the text as it would be published');
  if (!(await moderator.textContent('main')).includes('Camille Martin <camille@example.org>'))
    fail('the moderator does not see the author');
  await report.check(moderator, 'proposal for the moderator on a phone');
  await moderator.getByRole('button', { name: 'Approuver et publier' }).click();
  await moderator.waitForURL(`${base}/admin/moderation?done=approve`);
  const after = await moderator.textContent('main');
  if (!after.includes('La pétition est publiée ; son auteur est prévenu.'))
    fail('the queue does not say the petition is published');
  if (!after.includes('Aucune proposition n\'attend.')) fail('the approved proposal is still in the queue');
  await report.check(moderator, 'moderation queue after approving on a phone');

  // The catalog follows within a second: the petition is live, signed and confirmed.
  const signer = await watched(await browser.newContext(phone));
  await until('the published petition', async () =>
    (await signer.goto(`${base}/petitions/${slug}`)).status() === 200);
  const live = await signer.textContent('main');
  if (!live.includes(title) || !live.includes('Adressée à : Le maire de Lyon') ||
      !live.includes('quand les enfants sont là'))
    fail('the published petition lacks its title, target or summary');
  if ((await signer.locator('main strong', { hasText: 'la piscine ouverte en août' }).count()) !== 1)
    fail('the published petition does not render its text');
  if (!(await signer.textContent('.goal')).includes('500')) fail('the published petition lacks its goal');
  await report.check(signer, 'published proposal on a phone');
  await signer.getByLabel('Votre nom').fill('Marie Curie');
  await signer.getByLabel('Adresse e-mail').fill('marie@example.org');
  await signer.locator('#updates').check();
  await signer.locator('#accept_terms').check();
  await waitForProofOfWork(signer);
  await signer.getByRole('button', { name: 'Signer la pétition' }).click();
  await signer.waitForURL(`${base}/petitions/${slug}/thanks`);
  const signerMail = await mailTo('marie@example.org', '/s/', 'the signer\'s confirmation mail');
  const confirm = signerMail.match(/http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43,44}/)?.[0];
  if (!confirm) fail('no confirmation link in the signer\'s mail');
  await signer.goto(confirm);
  await signer.getByRole('button', { name: 'Confirmer ma signature' }).click();
  await signer.waitForURL(`${base}/petitions/${slug}?confirmed=1`);
  await until('the count to reach 1', async () =>
    (await (await fetch(`${base}/api/petitions/${slug}`)).json()).signature_count === 1);

  // The author hears of it, and the private link says it is published.
  const decision = await mailTo('camille@example.org', 'ont publié votre pétition', 'the decision\'s mail');
  if (!decision.includes(link)) fail('the decision\'s mail lacks the private link');
  await author.goto(link);
  if (!(await author.textContent('.stage')).includes('Publiée : votre pétition recueille des signatures'))
    fail('the author\'s page does not say it is published');
  const see = author.getByRole('button', { name: 'Voir la page de la pétition' });
  if ((await see.getAttribute('href')) !== `/petitions/${slug}`)
    fail('the author\'s page does not link to the petition');
  await report.check(author, 'author\'s page, published');

  // From the same page, on the phone, the author writes to the signer who asked for news:
  // a preview first, then the draft, then the sending; the signer gets it, the page never
  // shows the signer's address.
  const campaign = await author.textContent('main');
  if (!campaign.includes('Signataires qui ont demandé à être tenus informés : 1.'))
    fail('the author\'s page does not count the signers who asked for news');
  if (campaign.includes('marie@example.org')) fail('the author\'s page shows a signer\'s address');
  await author.getByLabel('Objet').fill('La piscine en août');
  await author.getByLabel('Texte', { exact: true }).fill('Le maire nous **reçoit** jeudi.');
  await author.getByRole('button', { name: 'Aperçu' }).click();
  await author.waitForLoadState();
  if ((await author.locator('.petition-preview strong').textContent()) !== 'reçoit')
    fail('the news preview does not render the text');
  await report.check(author, 'author\'s news preview on a phone');
  await author.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
  await author.waitForURL(/\?done=news_saved#news-1$/);
  await report.check(author, 'author\'s news draft on a phone');
  await author.getByRole('button', { name: 'Envoyer aux signataires' }).click();
  await author.waitForURL(/\?done=news_sending#news-1$/);
  const news = await mailTo('marie@example.org', 'Le maire nous', 'the author\'s news');
  if (!news.includes('La piscine en août')) fail('the news mail lacks its subject');

  const sent = await Promise.all(posts);
  const paths = sent.map((post) => new URL(post.url).pathname
    .replace(/\/p\/\d+-[0-9a-f]{32}/, '/p/{link}').replace(/\/s\/[A-Za-z0-9_-]{43,44}/, '/s/{token}')
    .replace(/\/admin\/moderation\/\d+/, '/admin/moderation/{id}'));
  const expected = ['/propose', '/propose', '/propose', '/p/{link}/confirm', '/admin/login',
    '/admin/password', '/admin/moderation/{id}/approve', `/petitions/${slug}/sign`, '/s/{token}/confirm',
    '/p/{link}/news', '/p/{link}/news', '/p/{link}/news/1/send'];
  if (paths.join(' ') !== expected.join(' ')) fail(`unexpected posts: ${paths.join(' ')}`);
  for (const post of sent)
    if (post.headers.origin !== base || post.headers['sec-fetch-site'] !== 'same-origin')
      fail(`${post.url} went without our Origin: ${JSON.stringify(post.headers)}`);
  const blocked = problems.flatMap(policyProblems);
  if (blocked.length) fail(`blocked or foreign loads: ${blocked.join(' | ')}`);
  console.log(`checked ${report.pages.length} pages: ${report.pages.join(', ')}`);
  if (report.violations.length)
    fail(`serious or critical accessibility violations:\n${report.describe()}`);
  console.log('PASS: proposed on a phone, previewed, confirmed from the mail, approved by a moderator, signed, news sent by the author');
});
