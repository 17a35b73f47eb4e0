// Signed-in pages (TPP for finance, officers and the inspectorate; Musrena for planners)
// under axe-core at 360 and 1280 px, with the sessions the Rust test made.
// Usage: node staff.js BASE_URL VISITS_JSON, VISITS_JSON = [[session, label, path], …]
const { chromium } = require('playwright-core');
const { axe, finish, executablePath, launchArgs } = require('./axe-check');

const [base, visitsJson] = process.argv.slice(2);
const visits = JSON.parse(visitsJson);

(async () => {
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  for (const width of [360, 1280]) {
    for (const [session, label, path] of visits) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
      await context.addCookies([{ name: 'suara_session', value: session, url: base }]);
      const page = await context.newPage();
      const response = await page.goto(base + path);
      if (response.status() !== 200) throw new Error(`${label}: HTTP ${response.status()} for ${path}`);
      await axe(page, `${label} @${width}px`);
      await context.close();
    }
  }
  await browser.close();
  console.log(`checked ${visits.length} signed-in pages`);
  finish();
})().catch((e) => { console.error(e); process.exit(1); });
