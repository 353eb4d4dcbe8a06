// axe-core in a page served under our strict CSP: the serious and critical violations of
// one page, kept across pages so one run reports every page's at once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const blocking = new Set(['serious', 'critical']);

// page.addScriptTag({ content }) inserts an inline <script>, which script-src 'self' refuses;
// page.evaluate goes through the DevTools protocol, which no page's CSP governs. The page
// is checked as served, its policy untouched.
async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.evaluate(axeSource);
  if (!(await page.evaluate(() => typeof window.axe === 'object')))
    throw new Error('axe-core did not load into the page');
}

export class AccessibilityReport {
  constructor() {
    this.pages = [];
    this.violations = [];
  }

  // Runs axe on the page as it stands and keeps what blocks a visitor.
  async check(page, what) {
    await injectAxe(page);
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    this.pages.push(what);
    for (const violation of results.violations) {
      if (!blocking.has(violation.impact)) continue;
      this.violations.push({
        page: what, rule: violation.id, impact: violation.impact, help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      });
    }
  }

  // One line a violation: rule id, impact, page and the elements it found.
  describe() {
    return this.violations.map((v) =>
      `  ${v.rule} (${v.impact}) on ${v.page}: ${v.help}\n    at ${v.targets.join(' | ')}`).join('\n');
  }
}
