// Shared by the browser checks: axe-core (WCAG 2.1 A/AA) on a page, no horizontal overflow,
// a screenshot when SUARA_SCREENSHOTS=DIR is set. Problems are collected, not thrown.
const axePath = require.resolve('axe-core');

const problems = [];
const screenshots = process.env.SUARA_SCREENSHOTS;
const executablePath = process.env.SUARA_CHROMIUM || '/usr/bin/chromium';
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

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
  if (screenshots) {
    await page.screenshot({ path: `${screenshots}/${label.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
  }
}

// Prints the problems and exits 1 when there are any.
function finish() {
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}

module.exports = { axe, problems, finish, screenshots, executablePath, launchArgs };
