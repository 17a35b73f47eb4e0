// Shared by the browser checks: axe-core (WCAG 2.1 A/AA) on a page, no horizontal overflow,
// tables usable at 360 px, no known leaks of codes or English on Indonesian pages, and a
// screenshot when SUARA_SCREENSHOTS=DIR is set. Problems are collected, not thrown.
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
  for (const problem of await page.evaluate(pageProblems, viewport)) problems.push(`${label}: ${problem}`);
  console.log(`checked ${label}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
  if (screenshots) {
    await page.screenshot({ path: `${screenshots}/${label.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
  }
}

// Runs in the page: tables that hide their first three columns on a phone or scroll without
// a cue, and (on Indonesian pages) codes, English words, ISO dates and dotted decimals that
// were once found among the Indonesian words. SDG targets (`.sdg`, e.g. 16.6) are official
// numbers, written with a dot in Indonesian too.
function pageProblems(viewport) {
  const found = [];
  if (viewport <= 400) {
    for (const table of document.querySelectorAll('table')) {
      if (!table.offsetParent) continue;
      const row = table.querySelector('tbody tr') || table.querySelector('tr');
      const cells = row ? [...row.children].slice(0, 3) : [];
      for (const [i, cell] of cells.entries()) {
        const rect = cell.getBoundingClientRect();
        if (rect.width > 0 && (rect.left < -1 || rect.right > viewport + 1)) {
          found.push(`table "${(table.caption || table.querySelector('th') || {}).textContent}" hides column ${i + 1} (${Math.round(rect.left)}–${Math.round(rect.right)}px)`);
        }
      }
      if (table.scrollWidth > table.clientWidth + 1 && !getComputedStyle(table).backgroundImage.includes('gradient')) {
        found.push(`table "${(table.caption || table.querySelector('th') || {}).textContent}" scrolls without a cue`);
      }
    }
  }
  if (document.documentElement.lang === 'id') {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const skip = (node) => node.parentElement.closest('code, pre, textarea, script, style, [lang="en"], .digest, .sdg, a[href^="http"]');
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!skip(node)) text += node.textContent + ' ';
    const leaks = [/\b\d{4}-\d{2}-\d{2}\b/, /\b\d{1,3}\.\d{1,2}\b(?!\.\d)/, /kepercayaan open/, /Status: /, /\bresponses\b/, /\blocked\b/, /\breviewed\b/, /\bapproved\b/,
      /Kecamatan Kecamatan/, /Unit dispendukcapil/, /\b[a-z]+_[a-z_]+\b/, /sex=/, /\bdraft\b/];
    for (const leak of leaks) {
      const match = text.match(leak);
      if (match) found.push(`Indonesian page shows "${match[0]}" (…${text.slice(Math.max(0, match.index - 40), match.index + 40).replace(/\s+/g, ' ')}…)`);
    }
  }
  return found;
}

// Prints the problems and exits 1 when there are any.
function finish() {
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}

module.exports = { axe, problems, finish, screenshots, executablePath, launchArgs };
