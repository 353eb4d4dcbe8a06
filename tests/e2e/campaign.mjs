// End to end in Chromium: a campaign as a volunteer runs it. An organiser logs in, writes a
// petition with a preview, publishes it; a signer on a phone-sized window signs with "keep
// me informed" ticked and confirms from the Maildir; the organiser corrects the text (the
// page says so, with its history), sends an update the signer leaves in one click, and
// prints the delivery list; an admin then names the association from a phone, and the privacy
// page says it. Every page is axe-clean, no policy violation, no request to another origin.
// Usage: node tests/e2e/campaign.mjs <path to rempart binary>
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeQuotedPrintable, fail, policyProblems, until, waitForProofOfWork, watchProblems, withServer,
} from './lib/harness.mjs';
import { AccessibilityReport } from './lib/axe.mjs';

const config = [
  '[shield]', `asn_table = "${join(process.cwd(), 'tests/fixtures/asn.csv')}"`, 'pow_max_number = 20000',
];
// The harness makes one petition from the command line; the campaign makes its own.
const petition = { slug: 'existante', title: 'Une autre pétition', text: 'Texte.\n' };
const password = 'a long and fine passphrase';
// SCREENSHOTS=<folder> keeps a picture of each page checked, for reading the pages by eye.
const screenshots = process.env.SCREENSHOTS;

await withServer(process.argv[2], config, petition, async ({ base, dir, browser }) => {
  const report = new AccessibilityReport();
  if (screenshots) {
    const check = report.check.bind(report);
    report.check = async (page, what) => {
      await page.screenshot({ path: join(screenshots, `${what.replaceAll(' ', '-')}.png`), fullPage: true });
      return check(page, what);
    };
  }
  // An account made on the command line, and its first login through the password change.
  const addAccount = (email, role) => {
    const output = execFileSync(process.argv[2], ['user', 'add', '--email', email,
      '--role', role, '--config', join(dir, 'rempart.toml')], { encoding: 'utf8' });
    const once = output.match(/One-time password:\s*(\S+)/)?.[1];
    if (!once) fail(`no one-time password in: ${output}`);
    return once;
  };
  const firstLogIn = async (page, email, once) => {
    await page.goto(`${base}/admin/login`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(once);
    await page.locator('form[action="/admin/login"] button[type="submit"]').click();
    await page.waitForURL(`${base}/admin/password`);
    await page.locator('#current').fill(once);
    await page.locator('#new').fill(password);
    await page.locator('#confirm').fill(password);
    await page.locator('form[action="/admin/password"] button[type="submit"]').click();
    await page.waitForURL(/\/admin(\?.*)?$/);
  };

  // The organiser, in French, from the one-time password to a published petition.
  const office = await browser.newContext({ locale: 'fr-FR' });
  const admin = await office.newPage();
  const adminProblems = watchProblems(admin, base);
  await firstLogIn(admin, 'olga@example.org', addAccount('olga@example.org', 'organiser'));
  await report.check(admin, 'organiser home');
  await admin.getByRole('link', { name: 'Nouvelle pétition' }).first().click();
  await admin.waitForURL(`${base}/admin/petitions/new`);
  await report.check(admin, 'new petition');
  await admin.getByLabel('Titre', { exact: true }).fill('Des pistes cyclables devant les écoles');
  await admin.getByLabel('Texte', { exact: true }).fill(
    'Nous demandons **des pistes cyclables protégées** devant chaque école.\n\n- sûres\n- éclairées\n');
  await admin.locator('#target_name').fill('Grégory Doucet');
  await admin.locator('#target_function').fill('Maire de Lyon');
  await admin.locator('#goal').fill('500');
  await admin.getByRole('button', { name: 'Aperçu' }).click();
  await admin.waitForLoadState();
  if ((await admin.locator('.petition-preview strong').textContent()) !== 'des pistes cyclables protégées')
    fail('the preview does not render the text');
  if ((await admin.locator('#slug').inputValue()) !== 'des-pistes-cyclables-devant-les-ecoles')
    fail('no slug proposed from the title');
  await report.check(admin, 'petition preview');
  await admin.getByRole('button', { name: 'Créer le brouillon' }).click();
  await admin.waitForURL(/\/admin\/petitions\/\d+\/edit\?done=created$/);
  const edit = new URL(admin.url()).pathname;
  await report.check(admin, 'draft');
  await admin.getByRole('button', { name: 'Publier' }).click();
  await admin.waitForURL(/done=publish$/);
  await report.check(admin, 'published petition');

  // A signer on a phone finds it, ticks "keep me informed", signs and confirms.
  const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 },
    isMobile: true, hasTouch: true });
  const signer = await phone.newPage();
  const signerProblems = watchProblems(signer, base);
  await until('the published petition', async () =>
    (await signer.goto(`${base}/petitions/des-pistes-cyclables-devant-les-ecoles`)).status() === 200);
  await report.check(signer, 'petition on a phone');
  if (!(await signer.textContent('main')).includes('Adressée à : Grégory Doucet, Maire de Lyon'))
    fail('the petition does not say to whom it is addressed');
  await signer.getByLabel('Votre nom').fill('Camille Martin');
  await signer.getByLabel('Adresse e-mail').fill('camille@example.org');
  await signer.locator('#updates').check();
  await signer.locator('#accept_terms').check();
  await waitForProofOfWork(signer);
  await signer.getByRole('button', { name: 'Signer la pétition' }).click();
  await signer.waitForURL(/\/thanks$/);
  const maildir = join(dir, 'data', 'mail', 'new');
  const file = await until('the confirmation mail', () => existsSync(maildir) &&
    readdirSync(maildir).find((name) =>
      readFileSync(join(maildir, name), 'utf8').includes('camille@example.org')));
  const mail = decodeQuotedPrintable(readFileSync(join(maildir, file), 'utf8'));
  const link = mail.match(/http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43,44}/)?.[0];
  if (!link) fail('no confirmation link in the mail');
  await signer.goto(link);
  await signer.getByRole('button', { name: 'Confirmer ma signature' }).click();
  await signer.waitForURL(/\?confirmed=1$/);

  // The organiser corrects the text; the public page says so and shows what changed.
  await admin.goto(`${base}${edit}`);
  await admin.getByLabel('Texte', { exact: true }).fill(
    'Nous demandons **des pistes cyclables protégées** devant chaque école et chaque collège.\n');
  await admin.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await admin.waitForURL(/done=saved$/);
  await report.check(admin, 'petition with its history');
  await until('the page to say it was updated', async () => {
    await signer.goto(`${base}/petitions/des-pistes-cyclables-devant-les-ecoles`);
    return (await signer.textContent('main')).includes('Mise à jour le');
  });
  // The address copied by its button, as a signer passes it on.
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await signer.getByRole('button', { name: "Copier l'adresse" }).click();
  await until('the address to be copied', async () =>
    (await signer.textContent('.share-status')).includes('copiée'));
  if ((await signer.evaluate(() => navigator.clipboard.readText())) !==
      `${base}/petitions/des-pistes-cyclables-devant-les-ecoles`)
    fail('the copy button copied something else');
  await signer.getByRole('link', { name: 'voir les modifications' }).click();
  await signer.waitForURL(/\/history$/);
  if (!(await signer.textContent('main')).includes('et chaque collège'))
    fail('the history does not show the new wording');
  await report.check(signer, 'public history on a phone');

  // News to the signers who asked: written with a preview, tested, sent; the signer gets it
  // with their own link and leaves in one click from the phone.
  await admin.goto(`${base}${edit.replace('/edit', '')}`);
  await admin.getByRole('link', { name: 'Nouvelles aux signataires' }).click();
  await admin.waitForURL(/\/updates$/);
  await report.check(admin, 'news to the signers');
  await admin.locator('#subject').fill('Reçus en mairie');
  await admin.locator('#text').fill('Nous avons été **reçus** par le maire.\n\nProchaine étape : le conseil.');
  await admin.getByRole('button', { name: 'Aperçu' }).click();
  await admin.waitForLoadState();
  if ((await admin.locator('.petition-preview strong').textContent()) !== 'reçus')
    fail('the news preview does not render the text');
  await admin.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
  await admin.waitForURL(/done=saved/);
  await admin.getByRole('button', { name: "M'envoyer un essai" }).click();
  await admin.waitForURL(/done=test/);
  await admin.getByRole('button', { name: 'Envoyer aux signataires' }).click();
  await admin.waitForURL(/done=sending/);
  await report.check(admin, 'news being sent');
  const newsFile = await until('the news mail', () => readdirSync(maildir).find((name) => {
    const text = readFileSync(join(maildir, name), 'utf8');
    return text.includes('To: camille@example.org') && text.includes('List-Unsubscribe-Post');
  }));
  const newsMail = decodeQuotedPrintable(readFileSync(join(maildir, newsFile), 'utf8'));
  if (!newsMail.includes('Prochaine étape : le conseil.')) fail('the news mail lacks its text');
  const leave = newsMail.match(/http:\/\/127\.0\.0\.1:\d+\/u\/\d+-[0-9a-f]{32}/)?.[0];
  if (!leave) fail('no unsubscribe link in the news mail');
  await until('the news on the petition page', async () => {
    await signer.goto(`${base}/petitions/des-pistes-cyclables-devant-les-ecoles`);
    return (await signer.textContent('main')).includes('Reçus en mairie');
  });
  await report.check(signer, 'petition with news on a phone');
  await signer.goto(leave);
  await report.check(signer, 'unsubscribe on a phone');
  await signer.getByRole('button', { name: 'Ne plus recevoir de nouvelles' }).click();
  await until('the unsubscribe to be done', async () =>
    (await signer.textContent('main')).includes("C'est fait"));
  const left = execFileSync('sqlite3', [join(dir, 'data', 'rempart.db'),
    "SELECT updates_left_at IS NOT NULL FROM signatures WHERE email = 'camille@example.org'"],
  { encoding: 'utf8' }).trim();
  if (left !== '1') fail('the unsubscribe was not kept');

  // The list for delivery, printed.
  await admin.goto(`${base}/admin/petitions`);
  await report.check(admin, 'petition list');
  await admin.goto(`${base}${edit.replace('/edit', '')}`);
  if ((await admin.locator('svg[role="img"]').count()) !== 2) fail('the campaign page lacks its charts');
  if ((await admin.textContent('.campaign-confirmed')).trim() !== '1') fail('the campaign page miscounts');
  await report.check(admin, 'campaign page');
  await admin.goto(`${base}${edit}`);
  await admin.getByRole('link', { name: /Signatures à remettre/ }).click();
  await admin.waitForURL(/\/delivery$/);
  if (!(await admin.textContent('main')).includes('Camille Martin')) fail('the signer is not on the list');
  await report.check(admin, 'delivery list');
  const pdf = await admin.pdf({ format: 'A4' });
  if (pdf.length < 1000) fail('the delivery list does not print');
  const csv = await admin.request.get(`${base}${edit.replace('/edit', '/delivery.csv')}`);
  if (!(await csv.text()).includes('"Camille Martin"')) fail('the CSV lacks the signer');

  const consented = execFileSync('sqlite3', [join(dir, 'data', 'rempart.db'),
    "SELECT updates_at IS NOT NULL FROM signatures WHERE email = 'camille@example.org'"],
  { encoding: 'utf8' }).trim();
  if (consented !== '1') fail('the "keep me informed" consent was not kept');

  // The first administrator names the association from a phone; the privacy page says it.
  const pocket = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 },
    isMobile: true, hasTouch: true });
  const boss = await pocket.newPage();
  const bossProblems = watchProblems(boss, base);
  await firstLogIn(boss, 'ana@example.org', addAccount('ana@example.org', 'admin'));
  await boss.getByRole('link', { name: 'Réglages', exact: true }).click();
  await boss.waitForURL(`${base}/admin/settings`);
  await report.check(boss, 'site settings on a phone');
  await boss.getByLabel("Nom officiel de l'association").fill('Association Vélo Lyon');
  await boss.getByLabel('Expéditeur des e-mails').fill('pas une adresse');
  await boss.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await until('the sender to be refused', async () =>
    (await boss.textContent('main')).includes("Ce n'est pas une adresse e-mail"));
  if ((await boss.getByLabel("Nom officiel de l'association").inputValue()) !== 'Association Vélo Lyon')
    fail('the settings form lost what was typed');
  await report.check(boss, 'site settings with an error');
  await boss.getByLabel('Expéditeur des e-mails').fill('petitions@velo-lyon.example');
  await boss.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await boss.waitForURL(/\/admin\/settings\?done=saved$/);
  await signer.goto(`${base}/privacy`);
  if (!(await signer.textContent('main')).includes('Association Vélo Lyon'))
    fail('the privacy page does not name the association saved in the settings');

  const blocked = [...policyProblems(adminProblems), ...policyProblems(signerProblems),
    ...policyProblems(bossProblems)];
  if (blocked.length) fail(`blocked or foreign loads: ${blocked.join(' | ')}`);
  console.log(`checked ${report.pages.length} pages: ${report.pages.join(', ')}`);
  if (report.violations.length)
    fail(`serious or critical accessibility violations:\n${report.describe()}`);
  console.log('PASS: a campaign from the first login to the delivery list, in Chromium');
});
