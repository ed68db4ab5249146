// flow.mjs runs a Lighthouse user flow that a browser test describes, in the browser that
// CHROME_PATH names (Puppeteer never downloads one), and prints the flow result as JSON.
//
// Usage: CHROME_PATH=/usr/bin/chromium node flow.mjs PLAN 'chrome flags'
//
// PLAN is JSON: {"name": "…", "formFactor": "mobile"|"desktop", "steps": [step…]}, each step
// {"name": "…", "mode": "navigation"|"timespan"|"snapshot", "url": "…" (navigation),
// "actions": [action…] (timespan: done while measured)}, each action one of
// {"click": "css"}, {"type": "css", "text": "…"} or {"waitFor": "a JavaScript expression"}.
import puppeteer from 'puppeteer-core';
import {startFlow} from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const [planJSON, chromeFlags = ''] = process.argv.slice(2);
if (!planJSON || !process.env.CHROME_PATH) {
  console.error('usage: CHROME_PATH=… node flow.mjs PLAN [chrome flags]');
  process.exit(2);
}
const plan = JSON.parse(planJSON);

async function act(page, a) {
  if (a.click) await page.click(a.click);
  else if (a.type) await page.type(a.type, a.text);
  else if (a.waitFor) await page.waitForFunction(a.waitFor, {timeout: 20000});
  else throw new Error('unknown action ' + JSON.stringify(a));
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  args: chromeFlags.split(' ').filter((f) => f && !f.startsWith('--headless')),
});
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, {
    name: plan.name,
    config: plan.formFactor === 'desktop' ? desktopConfig : undefined,
    flags: {onlyCategories: ['performance', 'accessibility', 'best-practices'], disableFullPageScreenshot: true},
  });
  for (const step of plan.steps) {
    const actions = step.actions || [];
    if (step.mode === 'navigation') {
      await flow.navigate(step.url, {name: step.name});
    } else if (step.mode === 'timespan') {
      await flow.startTimespan({name: step.name});
      for (const a of actions) await act(page, a);
      await flow.endTimespan();
    } else if (step.mode === 'snapshot') {
      for (const a of actions) await act(page, a);
      await flow.snapshot({name: step.name});
    } else {
      throw new Error('unknown step mode ' + step.mode);
    }
  }
  process.stdout.write(JSON.stringify(await flow.createFlowResult()));
} finally {
  await browser.close();
}
