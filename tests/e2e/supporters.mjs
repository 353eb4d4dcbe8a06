// End to end in Chromium: a proposal that needs a supporter before the queue, on phone-sized
// windows. The author proposes and confirms from the Maildir's link, and finds the link to
// send; the supporter opens it, reads the proposal, meets the form's own errors, lets the
// widget solve its proof of work, supports, and confirms from the mail with the button; the
// author's page then says the proposal waits for a moderator. Every page is axe-clean, with
// no policy violation and no request to another origin.
// Usage: node tests/e2e/supporters.mjs <path to rempart binary>
import { join } from 'node:path';
import {
  fail, mailFinder, policyProblems, waitForProofOfWork, watchProblems, withServer,
} from './lib/harness.mjs';
import { AccessibilityReport } from './lib/axe.mjs';

const config = [
  '[shield]', `asn_table = "${join(process.cwd(), 'tests/fixtures/asn.csv')}"`, 'pow_max_number = 20000',
  '[submissions]', 'open = true', 'supporters_needed = 1',
];
const petition = { slug: 'existante', title: 'Une autre pétition', text: 'Texte.\n' };
const title = 'Des arbres dans la cour de l’école Jean-Macé';
const phone = { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

await withServer(process.argv[2], config, petition, async ({ base, dir, browser }) => {
  const report = new AccessibilityReport();
  const problems = [];
  const watched = async () => {
    const page = await (await browser.newContext(phone)).newPage();
    problems.push(watchProblems(page, base));
    return page;
  };
  const mailTo = mailFinder(dir);

  // The author proposes and confirms.
  const author = await watched();
  await author.goto(`${base}/propose`);
  await author.getByLabel('Titre', { exact: true }).fill(title);
  await author.getByLabel('Résumé').fill('La cour est en plein soleil tout l’été.');
  await author.getByLabel('Texte', { exact: true }).fill('Nous demandons **six arbres** dans la cour.\n');
  await author.getByLabel('Adressée à').fill('La maire du 7e');
  await author.getByLabel('Votre nom').fill('Camille Martin');
  await author.getByLabel('Votre adresse e-mail').fill('camille@example.org');
  await author.locator('#accept_terms').check();
  await waitForProofOfWork(author);
  await author.getByRole('button', { name: 'Envoyer aux modérateurs' }).click();
  await author.waitForURL(`${base}/propose/sent`);
  const linkMail = await mailTo('camille@example.org', '/p/', 'the author\'s mail');
  const link = linkMail.match(/http:\/\/127\.0\.0\.1:\d+\/p\/\d+-[0-9a-f]{32}/)?.[0];
  if (!link) fail('no private link in the author\'s mail');
  await author.goto(link);
  await author.getByRole('button', { name: 'Confirmer ma proposition' }).click();
  await author.waitForURL(`${link}?done=confirmed`);
  if (!(await author.locator('main [role="status"]').textContent()).includes('Il lui faut maintenant des soutiens'))
    fail('the notice after confirming does not speak of supporters');
  if (!(await author.textContent('.supporters')).includes('0 des 1 soutiens'))
    fail('the author\'s page does not count the supporters');
  const support = await author.getByLabel('Le lien à envoyer à vos soutiens').inputValue();
  if (!/^http:\/\/127\.0\.0\.1:\d+\/support\/\d+-[0-9a-f]{32}$/.test(support))
    fail(`the support link looks wrong: ${support}`);
  await report.check(author, 'author\'s page, gathering supporters');

  // The supporter reads it, forgets a field, then supports.
  const supporter = await watched();
  const opened = await supporter.goto(support);
  if (opened.status() !== 200) fail(`the support page answered ${opened.status()}`);
  if ((await supporter.locator('.petition-text strong').textContent()) !== 'six arbres')
    fail('the supporter does not read the text as proposed');
  await report.check(supporter, 'support page on a phone');
  await supporter.getByLabel('Votre nom').fill('Ali Ben');
  await supporter.getByLabel('Votre adresse e-mail').fill('ali@example.org');
  await supporter.evaluate(() => { document.querySelector('form[action^="/support/"]').noValidate = true; });
  const refused = supporter.waitForResponse((r) => r.request().method() === 'POST' &&
    r.url() === support);
  await supporter.getByRole('button', { name: 'La soutenir' }).click();
  if ((await refused).status() !== 422) fail('a support without the terms accepted was not answered 422');
  if (!(await supporter.locator('.form-errors a[href="#accept_terms"]').count()))
    fail('the list of errors does not link to the terms');
  if ((await supporter.getByLabel('Votre adresse e-mail').inputValue()) !== 'ali@example.org')
    fail('the form lost what was typed');
  await report.check(supporter, 'support page with an error on a phone');
  await supporter.locator('#accept_terms').check();
  await waitForProofOfWork(supporter);
  await supporter.getByRole('button', { name: 'La soutenir' }).click();
  await supporter.waitForURL(`${base}/support/sent`);
  await report.check(supporter, 'support sent on a phone');

  const supportMail = await mailTo('ali@example.org', '/support/confirm/', 'the supporter\'s mail');
  const confirm = supportMail.match(/http:\/\/127\.0\.0\.1:\d+\/support\/confirm\/[A-Za-z0-9_-]{43,44}/)?.[0];
  if (!confirm) fail('no confirmation link in the supporter\'s mail');
  await supporter.goto(confirm);
  await report.check(supporter, 'support confirmation page on a phone');
  await supporter.getByRole('button', { name: 'Je confirme mon soutien' }).click();
  await supporter.waitForLoadState();
  if (!(await supporter.textContent('main')).includes('c\'était le dernier nécessaire'))
    fail('the supporter is not told the proposal goes to the moderators');
  await report.check(supporter, 'support confirmed on a phone');

  // The author hears of it; the page says it waits for a moderator.
  await mailTo('camille@example.org', 'ont confirmé', 'the author\'s mail about the supporters');
  await author.goto(link);
  if (!(await author.textContent('.stage')).includes('En attente d'))
    fail('the author\'s page does not say it waits for a moderator');

  const blocked = problems.flatMap(policyProblems);
  if (blocked.length) fail(`blocked or foreign loads: ${blocked.join(' | ')}`);
  console.log(`checked ${report.pages.length} pages: ${report.pages.join(', ')}`);
  if (report.violations.length)
    fail(`serious or critical accessibility violations:\n${report.describe()}`);
  console.log('PASS: proposed, confirmed, supported and confirmed from the mail on a phone; in the queue');
});
