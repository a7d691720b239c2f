import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--headless=new'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto(process.argv[2]); await page.waitForTimeout(8000);
console.log(await page.evaluate(() => {
  const el = [...document.querySelectorAll('semantics')].find(e => e.getBoundingClientRect().right > 391);
  const chain = []; let e = el; while (e && chain.length < 12) { chain.push(e.tagName + '.' + (e.className?.baseVal ?? e.className)); e = e.parentElement; }
  return chain.join(' < ');
}));
await browser.close();
