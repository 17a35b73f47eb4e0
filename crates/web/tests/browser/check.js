// Accessibility (axe-core, WCAG 2.1 A/AA), keyboard-only use and small-screen layout of
// suara's public pages, and a response through each channel (survey link, officer's QR
// poster, one-time ticket, kiosk online and offline), in headless Chromium.
// Usage: node check.js BASE_URL TICKET_CODE KIOSK_TOKEN OFFICER_NIP PROPOSAL_CODE
// Prints what it checked; exits 1 with the problems when any check fails. With
// SUARA_SCREENSHOTS=DIR it also saves screenshots there.
const { chromium } = require('playwright-core');
const { axe, problems, finish, screenshots, executablePath, launchArgs } = require('./axe-check');

const [base, ticket, kioskToken, officerNip, proposal] = process.argv.slice(2);

// Answers the nine questions with a click on each chosen option (varied, as people answer).
async function answerAll(page) {
  for (let q = 1; q <= 9; q++) await page.check(`input[name=u${q}][value="${q % 3 ? 4 : 3}"]`);
}

// Sends a form and waits for the page it leads to. Waiting for a load state alone can find
// the old page already loaded, read it, and then lose it to the navigation mid-check.
async function send(page, action) {
  await Promise.all([page.waitForNavigation(), action()]);
}

async function expectThanks(page, label) {
  const text = await page.textContent('main');
  if (!/Terima kasih|Thank you/.test(text)) problems.push(`${label}: no thank-you page: ${text.slice(0, 200)}`);
  else console.log(`checked ${label}: sent`);
}

const kioskQueue = (page) => page.evaluate(() =>
  JSON.parse(localStorage.getItem('suara-kios-queue:/kios/loket-1') || '[]').length);

// One response through each channel, with the pages' own security policy in force.
async function channels(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();

  // The officer's QR poster leads to the survey with the officer filled in.
  const svg = await (await fetch(`${base}/poster/pegawai/${officerNip}/svg`)).text();
  const link = (svg.match(/>(https?:[^<]+)</) || [])[1];
  if (!link) { problems.push('poster: no survey address on the poster'); return; }
  await page.goto(link.replace(/&amp;/g, '&'));
  if (await page.inputValue('input[name=officer]') !== officerNip) problems.push('poster: the officer is not filled in');
  await answerAll(page);
  await send(page, () => page.click('button.send'));
  await expectThanks(page, 'QR poster survey');

  // The one-time ticket, then the same ticket again.
  await page.goto(`${base}/t/${ticket}`);
  await answerAll(page);
  await send(page, () => page.click('button.send'));
  await expectThanks(page, 'ticket survey');
  const again = await page.goto(`${base}/t/${ticket}`);
  const used = await page.textContent('main');
  if (again.status() !== 410 || !/sudah dipakai/.test(used)) problems.push(`ticket: a used ticket is not refused clearly: ${again.status()} ${used.slice(0, 120)}`);
  else console.log('checked ticket replay: refused with "Tiket sudah dipakai"');

  // The kiosk: sent in the background, thanks, starts over.
  await context.addCookies([{ name: 'suara_kios', value: kioskToken, url: base }]);
  await page.goto(`${base}/kios/loket-1`);
  await answerAll(page);
  await page.click('button.send');
  await page.waitForSelector('#kiosk-thanks', { state: 'visible' });
  await page.waitForFunction(() =>
    JSON.parse(localStorage.getItem('suara-kios-queue:/kios/loket-1') || '[]').length === 0, null, { timeout: 10000 });
  await page.click('#kiosk-again');
  if (await page.isHidden('#survey') || await page.$('#survey input:checked')) problems.push('kiosk: "start again" did not give an empty form');
  else console.log('checked kiosk: sent, thanked, started over');

  // The connection drops: the answer waits on the tablet and goes when it is back.
  await context.setOffline(true);
  await answerAll(page);
  await page.click('button.send');
  await page.waitForSelector('#kiosk-thanks-queued', { state: 'visible' });
  if (await kioskQueue(page) !== 1) problems.push('kiosk: the offline answer is not queued');
  const waiting = await page.textContent('#kiosk-queue');
  if (screenshots) await page.screenshot({ path: `${screenshots}/kiosk-offline.png` });
  await context.setOffline(false);
  await page.waitForFunction(() =>
    JSON.parse(localStorage.getItem('suara-kios-queue:/kios/loket-1') || '[]').length === 0, null, { timeout: 30000 })
    .then(() => console.log(`checked kiosk offline: queued ("${waiting}"), sent when back online`),
          () => problems.push('kiosk: the queued answer was not sent after the connection came back'));
  await context.close();
}

(async () => {
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  // The pages forbid scripts by CSP; axe is injected by the test, so CSP is bypassed here.
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
    await context.addCookies([{ name: 'suara_kios', value: kioskToken, url: base }]);
    const page = await context.newPage();
    const pages = [
      ['/', 'home'],
      ['/survei/dukcapil', 'survey'],
      ['/survei/dukcapil?lang=en', 'survey (English)'],
      [`/t/${ticket}`, 'ticket survey'],
      ['/t/ZZZZZ-99999', 'unknown ticket'],
      ['/masuk', 'staff sign-in'],
      ['/lupa-kata-sandi', 'forgot password'],
      ['/atur-ulang-kata-sandi/0000', 'reset link no longer valid'],
      ['/kios/loket-1', 'kiosk'],
      ['/kios/loket-1?lang=en', 'kiosk (English)'],
      ['/musrena', 'Musrena proposals'],
      ['/musrena?lang=en&kelompok=women', 'Musrena proposals (English, filtered)'],
      [`/musrena/usulan/${proposal}`, 'Musrena tracker'],
      ['/musrena/statistik', 'Musrena statistics'],
      ['/musrena/peta', 'Musrena map'],
      ['/musrena/peta?lang=en&ukuran=anggaran', 'Musrena map (English, by budget)'],
      ['/inovasi', 'innovations'],
      ['/inovasi?lang=en&mitra=university', 'innovations (English, filtered)'],
      ['/inovasi/1', 'innovation profile'],
      ['/transparansi', 'transparency'],
      ['/transparansi?lang=en', 'transparency (English)'],
      ['/tanda-terima/SKM-00000-00000', 'unknown receipt'],
    ];
    for (const [path, label] of pages) {
      await page.goto(base + path);
      await axe(page, `${label} @${width}px`);
    }
    // The form sent with nothing answered comes back with its errors.
    await page.goto(base + '/survei/dukcapil');
    // Nothing answered: the browser's own checks keep the form on the page (no navigation).
    await page.click('button[type=submit]');
    await page.waitForLoadState();
    await axe(page, `survey with errors @${width}px`);
    if (width === 1280) {
      await page.goto(base + '/kios/loket-1');
      await answerAll(page);
      await page.click('button.send');
      await page.waitForSelector('#kiosk-thanks', { state: 'visible' });
      await axe(page, 'kiosk thanks @1280px');
      await page.waitForFunction(() =>
        JSON.parse(localStorage.getItem('suara-kios-queue:/kios/loket-1') || '[]').length === 0);
    }
    await context.close();
  }

  // Keyboard only: answer all nine questions and send, without a mouse.
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + '/survei/dukcapil?lang=en');
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName.toLowerCase()}:${e.getAttribute('name') || ''}:${e.getAttribute('type') || ''}` : '';
  });
  for (let q = 1; q <= 9; q++) {
    let tabs = 0;
    while (!(await focused()).startsWith(`input:u${q}:`) && tabs++ < 40) await page.keyboard.press('Tab');
    if (tabs >= 40) { problems.push(`keyboard: question ${q} cannot be reached with Tab`); break; }
    // Arrow keys move through a radio group and select; three steps from 1 reach 4.
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  }
  let tabs = 0;
  while (!(await focused()).startsWith('button::submit') && tabs++ < 60) await page.keyboard.press('Tab');
  await send(page, () => page.keyboard.press('Enter'));
  const text = await page.textContent('main');
  if (!/Thank you/.test(text)) problems.push(`keyboard: sending the form did not reach the thank-you page: ${text.slice(0, 200)}`);
  else console.log('checked keyboard-only answering and sending');
  await axe(page, 'thank-you page @360px');
  // The receipt's own page, from the link on the thank-you page.
  await send(page, () => page.click('text=Check now'));
  if (!/Counted|Under review/.test(await page.textContent('main'))) problems.push('receipt: the page does not say whether the rating counts');
  await axe(page, 'receipt page @360px');
  await context.close();

  await channels(browser);
  await browser.close();

  finish();
})().catch((e) => { console.error(e); process.exit(1); });
