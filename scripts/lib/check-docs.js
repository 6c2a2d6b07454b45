// Opens the rendered review page in headless Chromium, expands it the way a reviewer would, and
// fails unless it shows every operation of the spec (method, path, summary) and every value of
// every enum schema. Usage: node scripts/lib/check-docs.js PAGE.html SPEC.yaml [SCREENSHOT.png]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const [pagePath, specPath, screenshot] = process.argv.slice(2);
if (!pagePath || !specPath) {
  console.error('usage: check-docs.js PAGE.html SPEC.yaml [SCREENSHOT.png]');
  process.exit(2);
}

const spec = parse(readFileSync(specPath, 'utf8'));
const operations = Object.entries(spec.paths ?? {}).flatMap(([route, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), route, summary: item[m].summary })),
);
const enums = Object.entries(spec.components?.schemas ?? {})
  .filter(([, schema]) => Array.isArray(schema.enum))
  .map(([name, schema]) => ({ name, values: schema.enum.map(String) }));

const userDataDir = mkdtempSync(path.join(tmpdir(), 'check-docs-chromium-'));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let shown;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(path.resolve(pagePath)).href, { waitUntil: 'load' });
  await page.getByText('Operations', { exact: true }).first().waitFor({ timeout: 15000 });
  // Redoc collapses operation lists and nested objects; open everything, as a reviewer would.
  for (let round = 0; round < 20; round++) {
    const closed = page.locator('button', { hasText: /^\+\s*Show/ });
    const count = await closed.count();
    if (count === 0) {
      break;
    }
    for (let i = count - 1; i >= 0; i--) {
      await closed.nth(i).click();
    }
  }
  shown = await page.evaluate(() => ({
    text: document.body.innerText.replace(/\s+/g, ' '),
    // Redoc renders described enums as a table and others as a list of values.
    enumLists: [
      ...[...document.querySelectorAll('table')]
        .filter((t) => t.querySelector('th')?.innerText.trim() === 'Enum Value')
        .map((t) => [...t.querySelectorAll('tbody tr td:first-child')].map((td) => td.innerText.trim())),
      ...[...document.querySelectorAll('[data-testid="schema-enum-values"]')].map((el) =>
        [...el.querySelectorAll('span')].map((s) => s.innerText.trim().replace(/^"|"$/g, '')),
      ),
    ].filter((values) => values.length > 0),
  }));
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const problems = [];
for (const op of operations) {
  for (const expected of [op.method, op.route, op.summary].filter(Boolean)) {
    if (!shown.text.includes(expected)) {
      problems.push(`operation ${op.method} ${op.route}: the page does not show "${expected}"`);
    }
  }
}
for (const { name, values } of enums) {
  const best = shown.enumLists
    .map((list) => values.filter((v) => !list.includes(v)))
    .sort((a, b) => a.length - b.length)[0] ?? values;
  if (best.length > 0) {
    problems.push(`enum ${name}: the page does not show ${best.map((v) => JSON.stringify(v)).join(', ')}`);
  }
}

const checked = `${operations.length} operation(s) and ${enums.length} enum(s) (${enums.map((e) => e.name).join(', ')})`;
if (problems.length > 0) {
  console.error(`${pagePath} does not show everything in ${specPath}:`);
  problems.forEach((p) => console.error(`  - ${p}`));
  process.exit(1);
}
if (operations.length === 0 || enums.length === 0) {
  console.error(`${specPath} has ${checked}; expected at least one of each`);
  process.exit(1);
}
console.log(`${pagePath} shows ${checked}`);
