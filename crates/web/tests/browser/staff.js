// Every role's pages under axe-core at 360 and 1280 px, with the sessions the Rust test made:
// each answers as expected and carries the staff menu (error pages included), and the phone
// menu opens. Usage: node staff.js BASE_URL VISITS_JSON,
// VISITS_JSON = [[session, label, path, status?], …]
const { chromium } = require('playwright-core');
const { axe, problems, finish, executablePath, launchArgs } = require('./axe-check');

const [base, visitsJson] = process.argv.slice(2);
const visits = JSON.parse(visitsJson);

(async () => {
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  for (const width of [360, 1280]) {
    for (const [session, label, path, status = 200] of visits) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
      await context.addCookies([{ name: 'suara_session', value: session, url: base }]);
      const page = await context.newPage();
      const response = await page.goto(base + path);
      if (response.status() !== status) throw new Error(`${label}: HTTP ${response.status()} for ${path}`);
      if (!(await page.$('nav.staff a[href]'))) problems.push(`${label}: no staff menu`);
      if (await page.$('footer')) problems.push(`${label}: the citizen footer on a staff page`);
      if (width === 360) {
        // The menu folds into one button on a phone, and opens.
        const links = await page.$$eval('nav.staff a', (as) => as.filter((a) => a.checkVisibility()).length);
        if (links > 0) problems.push(`${label}: the menu is not folded on a phone`);
        await page.click('nav.staff summary');
        const open = await page.$$eval('nav.staff a', (as) => as.filter((a) => a.checkVisibility()).length);
        if (open === 0) problems.push(`${label}: the phone menu does not open`);
        await page.click('nav.staff summary');
      }
      await axe(page, `${label} @${width}px`);
      await context.close();
    }
  }
  await browser.close();
  console.log(`checked ${visits.length} signed-in pages`);
  finish();
})().catch((e) => { console.error(e); process.exit(1); });
