// The TPP staff pages (finance overview, policies, a run with a unit's officers, an officer's
// explanation with appeal forms, the inspectorate's appeals) under axe-core at 360 and
// 1280 px, signed in with the sessions the Rust test made.
// Usage: node staff.js BASE_URL MONTH UNIT NIP FINANCE_SESSION OFFICER_SESSION INSPECTOR_SESSION
const { chromium } = require('playwright-core');
const { axe, finish, executablePath, launchArgs } = require('./axe-check');

const [base, month, unit, nip, finance, officer, inspector] = process.argv.slice(2);
const visits = [
  [finance, 'TPP overview', '/tpp'],
  [finance, 'TPP policies', '/tpp/kebijakan'],
  [finance, 'TPP run', `/tpp/${month}?unit=${unit}`],
  [officer, 'TPP explanation', `/dasbor/pegawai/${nip}/tpp?bulan=${month}`],
  [officer, 'TPP explanation EN', `/dasbor/pegawai/${nip}/tpp?bulan=${month}&lang=en`],
  [inspector, 'TPP appeals', '/admin/banding'],
];

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
  console.log('checked the TPP staff pages');
  finish();
})().catch((e) => { console.error(e); process.exit(1); });
