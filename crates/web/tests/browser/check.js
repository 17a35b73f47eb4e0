// Accessibility (axe-core, WCAG 2.1 A/AA), keyboard-only use and small-screen layout of
// suara's public pages, in headless Chromium. Usage: node check.js BASE_URL TICKET_CODE
// Prints what it checked; exits 1 with the problems when any check fails.
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core');

const [base, ticket] = process.argv.slice(2);
const executablePath = process.env.SUARA_CHROMIUM || '/usr/bin/chromium';
const problems = [];

async function axe(page, label) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  for (const v of result.violations) {
    problems.push(`${label}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize().width;
  if (width > viewport) problems.push(`${label}: the page is ${width}px wide on a ${viewport}px screen`);
  console.log(`checked ${label}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
}

(async () => {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  // The pages forbid scripts by CSP; axe is injected by the test, so CSP is bypassed here.
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const pages = [
      ['/', 'home'],
      ['/survei/dukcapil', 'survey'],
      ['/survei/dukcapil?lang=en', 'survey (English)'],
      [`/t/${ticket}`, 'ticket survey'],
      ['/t/ZZZZZ-99999', 'unknown ticket'],
      ['/masuk', 'staff sign-in'],
    ];
    for (const [path, label] of pages) {
      await page.goto(base + path);
      await axe(page, `${label} @${width}px`);
    }
    // The form sent with nothing answered comes back with its errors.
    await page.goto(base + '/survei/dukcapil');
    await page.click('button[type=submit]');
    await page.waitForLoadState();
    await axe(page, `survey with errors @${width}px`);
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
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  const text = await page.textContent('main');
  if (!/Thank you/.test(text)) problems.push(`keyboard: sending the form did not reach the thank-you page: ${text.slice(0, 200)}`);
  else console.log('checked keyboard-only answering and sending');
  await axe(page, 'thank-you page @360px');
  await browser.close();

  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
})().catch((e) => { console.error(e); process.exit(1); });
