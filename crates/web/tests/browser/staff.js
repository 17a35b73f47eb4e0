// Every role's pages under axe-core at 360 and 1280 px, with the sessions the Rust test made:
// each answers as expected and carries the staff menu (error pages included), and the phone
// menu opens. Then each role's main journey, by mouse and keyboard as a user would: every
// page it passes through is checked the same way.
// Usage: node staff.js BASE_URL VISITS_JSON JOURNEYS_JSON,
// VISITS_JSON = [[session, label, path, status?], …],
// JOURNEYS_JSON = [[session, label, path, [step, …]], …], a step one of {fill: [selector,
// text]}, {select: [selector, value]}, {check: selector}, {upload: [selector, file path]},
// {click: selector} (then the next page is checked), {expect: text}.
const { chromium } = require('playwright-core');
const { axe, problems, finish, executablePath, launchArgs } = require('./axe-check');

const [base, visitsJson, journeysJson] = process.argv.slice(2);
const visits = JSON.parse(visitsJson);
const journeys = JSON.parse(journeysJson || '[]');

async function walk(browser, width, [session, label, path, steps]) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
  await context.addCookies([{ name: 'suara_session', value: session, url: base }]);
  const page = await context.newPage();
  await page.goto(base + path);
  let pageNumber = 1;
  for (const step of steps) {
    if (step.fill) await page.fill(...step.fill);
    if (step.select) await page.selectOption(...step.select);
    if (step.check) await page.check(step.check);
    if (step.upload) await page.setInputFiles(...step.upload);
    if (step.click) {
      await Promise.all([page.waitForNavigation(), page.click(step.click)]);
      pageNumber += 1;
      if (!(await page.$('nav.staff a[href]'))) problems.push(`${label} step ${pageNumber}: no staff menu`);
      await axe(page, `${label} ${pageNumber} @${width}px`);
    }
    if (step.expect && !(await page.content()).includes(step.expect)) {
      problems.push(`${label} @${width}px: "${step.expect}" not on ${page.url()}`);
    }
  }
  await context.close();
}

(async () => {
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  for (const width of [360, 1280]) {
    for (const [session, label, path, status = 200] of visits) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
      await context.addCookies([{ name: 'suara_session', value: session, url: base }]);
      const page = await context.newPage();
      const response = await page.goto(base + path);
      if (response.status() !== status) throw new Error(`${label}: HTTP ${response.status()} for ${path}`);
      // The steps of signing in (/masuk/…) are framed as the sign-in page is: no staff menu
      // until the second factor is given.
      const signingIn = path.startsWith('/masuk');
      if (!signingIn && !(await page.$('nav.staff a[href]'))) problems.push(`${label}: no staff menu`);
      if (!signingIn && await page.$('footer')) problems.push(`${label}: the citizen footer on a staff page`);
      if (width === 360 && !signingIn) {
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
  for (const width of [360, 1280]) {
    for (const journey of journeys) await walk(browser, width, journey);
  }
  await browser.close();
  console.log(`checked ${visits.length} signed-in pages and ${journeys.length} journeys`);
  finish();
})().catch((e) => { console.error(e); process.exit(1); });
