// A Musrena forum held without signal, in headless Chromium: the facilitator opens the page
// online, the connection drops, a proposal and a group's votes are recorded (kept on the
// device), then the connection comes back and both are sent by themselves, once. The Rust
// test counts what arrived. The page passes axe at 360 and 1280 px.
// Usage: node forum-offline.js BASE_URL SESSION PATH PROPOSAL_CODE
const { chromium } = require('playwright-core');
const { axe, problems, finish, executablePath, launchArgs } = require('./axe-check');

const [base, session, path, code] = process.argv.slice(2);

async function waiting(page) {
  return page.$eval('#luring-status', (s) => Number(s.dataset.waiting || '0'));
}

(async () => {
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    await context.addCookies([{ name: 'suara_session', value: session, url: base }]);
    const page = await context.newPage();
    await page.goto(base + path);
    await axe(page, `offline forum @${width}px`);
    if (width !== 360) {
      await context.close();
      continue;
    }
    await context.setOffline(true);
    await page.fill('#title', 'Kursi roda untuk posyandu');
    await page.fill('#problem', 'Lansia tidak bisa datang ke posyandu.');
    await page.fill('#activity', 'Dua kursi roda dan jalur landai.');
    await page.check('input[name=proposed_by][value=elderly]');
    await page.click('form[data-kind=proposal] button[type=submit]');
    await page.selectOption('#code', code);
    await page.selectOption('#group', 'disability_physical');
    await page.fill('#count', '4');
    await page.click('form[data-kind=votes] button[type=submit]');
    const queued = await waiting(page);
    if (queued !== 2) problems.push(`offline forum: ${queued} items queued while offline, not 2`);
    const shown = await page.textContent('#luring-status');
    if (process.env.SUARA_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.SUARA_SCREENSHOTS}/offline-forum-queued.png`, fullPage: true });
    }
    // The page survives a reload without signal? It does not need to: the queue is kept in
    // the browser's storage, so it survives the tab too. Back online, it sends by itself.
    await context.setOffline(false);
    let left = queued;
    for (let i = 0; i < 40 && left > 0; i++) {
      await page.waitForTimeout(250);
      left = await waiting(page);
    }
    if (left !== 0) problems.push(`offline forum: ${left} items still waiting after the connection came back`);
    const refused = await page.$$eval('#luring-refused li', (li) => li.map((l) => l.textContent));
    if (refused.length) problems.push(`offline forum: refused ${refused.join('; ')}`);
    console.log(`checked offline forum: queued ${queued} ("${shown.trim()}"), sent when back online`);
    await context.close();
  }
  await browser.close();
  finish();
})();
