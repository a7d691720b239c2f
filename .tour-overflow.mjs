import { chromium } from 'playwright-core';
const [,, url, w, h, shot] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--headless=new'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', m => { if (m.type()==='error') console.log('console error', m.text()); });
await page.goto(url);
await page.waitForTimeout(+process.env.WAIT || 8000);
const res = await page.evaluate(() => {
  const W = window.innerWidth; const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > W + 1 && r.width > 0) out.push(`${el.tagName}.${el.className?.baseVal ?? el.className} right=${Math.round(r.right)} w=${Math.round(r.width)}`);
  }
  return { sw: document.documentElement.scrollWidth, out: out.slice(0, 25) };
});
console.log(JSON.stringify(res, null, 1));
if (shot) await page.screenshot({ path: shot, fullPage: process.env.FULL === '1' });
await browser.close();
