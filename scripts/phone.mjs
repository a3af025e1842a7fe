// `make bench` (scripts/bench.sh): how soon a speaker on a throttled phone can use the proposal form.
// Chromium's DevTools profile: 4× CPU slowdown and "Slow 4G" (562.5 ms latency, 1.44 Mbit/s down,
// 675 kbit/s up), empty cache, 390 × 844 screen. Signs in unthrottled, then measures from the start of
// the navigation to (1) the form usable (its script ran, the title field takes typing) and (2) a
// draft saved (Save draft clicked, the page back with the draft). Prints one JSON line.
//
//   node scripts/phone.mjs BASE_URL EMAIL PASSWORD PATH
import { createRequire } from "node:module";

// playwright-core is installed beside the other tools, in .tools/ (`make bench-phone`).
const { chromium } = createRequire(new URL("../.tools/package.json", import.meta.url))("playwright-core");

const [base, email, password, path] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const page = await context.newPage();

await page.goto(`${base}/signin?next=/`);
await page.fill("input[name=email]", email);
await page.fill("input[name=password]", password);
await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/signin")), page.click("form:has([name=password]) button[type=submit]")]);

const cdp = await context.newCDPSession(page);
await cdp.send("Network.enable");
await cdp.send("Network.clearBrowserCache");
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
await cdp.send("Network.emulateNetworkConditions", {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
});
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

const started = Date.now();
await page.goto(`${base}${path}`, { waitUntil: "commit" });
await page.waitForFunction(() => window.__estrade_page === true || window.__estrade_hydrated === true, null, { timeout: 60000 });
await page.fill("input[name=title]", "Typed on a throttled phone");
const usable = Date.now() - started;
await page.fill("textarea[name=summary]", "Typed on a phone with a slow network and a slow CPU.");
await Promise.all([page.waitForURL((u) => u.pathname !== path, { timeout: 60000 }), page.click("button[name=intent][value=draft]")]);
await page.waitForLoadState("domcontentloaded");
const saved = Date.now() - started;
console.log(JSON.stringify({ path, usable_ms: usable, draft_saved_ms: saved, landed_on: new URL(page.url()).pathname }));
await browser.close();
