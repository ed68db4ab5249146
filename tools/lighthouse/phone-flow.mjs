// phone-flow.mjs measures the IPE phone flow as a participant meets it: the join page of a
// running session is loaded (navigation: all categories), the participant joins (timespan) and
// sees the note form (snapshot), then writes a note (timespan) and sees it sent (snapshot).
//
// Usage: CHROME_PATH=/usr/bin/chromium node phone-flow.mjs URL-of-/ipe?code=… 'chrome flags'
// It prints Lighthouse's flow result as JSON on stdout. The browser is the one CHROME_PATH
// names; Puppeteer never downloads one.
import puppeteer from 'puppeteer-core';
import {startFlow} from 'lighthouse';

const [url, chromeFlags = ''] = process.argv.slice(2);
if (!url || !process.env.CHROME_PATH) {
  console.error('usage: CHROME_PATH=… node phone-flow.mjs URL [chrome flags]');
  process.exit(2);
}

const categories = ['performance', 'accessibility', 'best-practices'];
const visible = (id) => `document.getElementById(${JSON.stringify(id)}) && !document.getElementById(${JSON.stringify(id)}).hidden`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  args: chromeFlags.split(' ').filter((f) => f && !f.startsWith('--headless')),
});
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, {
    name: 'IPE phone',
    flags: {formFactor: 'mobile', onlyCategories: categories, disableFullPageScreenshot: true},
  });
  await flow.navigate(url, {name: 'join'});
  await flow.startTimespan({name: 'joining'});
  await page.click('#ipe-join-form button[type=submit]');
  await page.waitForFunction(visible('ipe-capture'), {timeout: 20000});
  await flow.endTimespan();
  await flow.snapshot({name: 'capture'});
  await flow.startTimespan({name: 'write'});
  await page.type('#f-note', 'Mer ro ved medisinutdeling.');
  await page.click('#ipe-note-form button[type=submit]');
  await page.waitForFunction(`document.getElementById('f-note').value === '' && document.getElementById('ipe-status').textContent.length > 0`, {timeout: 20000});
  await flow.endTimespan();
  await flow.snapshot({name: 'sent'});
  process.stdout.write(JSON.stringify(await flow.createFlowResult()));
} finally {
  await browser.close();
}
