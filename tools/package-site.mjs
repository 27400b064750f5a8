#!/usr/bin/env node
// Turns the built site (build/wasm/site) into what is deployed, in two forms:
//
//   node tools/package-site.mjs dist SITE DIST
//     The folder for a static host or CDN: code, fonts and icons get content-hashed names (cached
//     for a year); index.html, sw.js, build.json, the catalogue and the translations keep theirs, so an
//     agency can replace data/catalogue.json and i18n/ without rebuilding. Adds the web app manifest,
//     PNG icons drawn from web/icon.svg, a service worker for offline use, a strict
//     Content-Security-Policy, and .gz and .br copies of every text file (Debian's gzip and brotli).
//     The static HTML rendition (text/) keeps its plain names, which its pages link by: it is read a
//     page at a time, not precached; the service worker keeps the pages a reader opened.
//
//   node tools/package-site.mjs single SITE OUT.html [--catalogue FILE] [--i18n DIR]
//     One self-contained HTML file with the wasm, the catalogue, the fonts and every language inline,
//     which works from disk or a mail attachment with no network. --catalogue and --i18n build it
//     around an agency's own catalogue and translations, without recompiling. It does not carry the
//     static HTML rendition (text/, hundreds of pages): its links to it are taken out.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const sha256 = (bytes, encoding = 'hex') => createHash('sha256').update(bytes).digest(encoding);
const cspHash = (text) => `'sha256-${sha256(Buffer.from(text, 'utf8'), 'base64')}'`;

function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

// The report opens in a tab of its own (a blob: document), which inherits the page's policy; its one
// <style> element is allowed by hash. The engine compiles the same file in (src/engine/report.css).
function reportStyleHash() {
  return cspHash('\n' + readFileSync(join(ROOT, 'src/engine/report.css'), 'utf8'));
}

// The policy the site runs under. No 'unsafe-eval' and no inline script: WebAssembly needs only
// 'wasm-unsafe-eval'. Hosts that can send headers send the same policy plus frame-ancestors
// (deploy/nginx.conf); the <meta> copy protects hosts that cannot.
export function contentSecurityPolicy({ scripts = ["'self'"], styles = ["'self'"], connect = "'self'" } = {}) {
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${[...styles, reportStyleHash()].join(' ')}`,
    "img-src 'self' data: blob:",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

function withMetaPolicy(html, policy) {
  return html.replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

// ---- dist ------------------------------------------------------------------------------------------

const HASHED = new Set(['.js', '.wasm', '.css', '.ttf', '.svg', '.png']);
const KEEP_NAME = new Set(['sw.js']);  // browsers look the service worker up by a fixed name
const COMPRESS = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.ttf', '.webmanifest', '.txt']);

function drawIcons(dist) {
  const icons = [];
  for (const [source, size, purpose] of [['icon.svg', 192, 'any'], ['icon.svg', 512, 'any'], ['icon-maskable.svg', 512, 'maskable']]) {
    const name = `icons/${basename(source, '.svg')}-${size}.png`;
    mkdirSync(join(dist, 'icons'), { recursive: true });
    execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', join(dist, name), join(ROOT, 'web', source)]);
    icons.push({ name, size, purpose });
  }
  return icons;
}

function packageDist(site, dist) {
  rmSync(dist, { recursive: true, force: true });
  cpSync(site, dist, { recursive: true });
  const icons = drawIcons(dist);
  cpSync(join(ROOT, 'web/icon-maskable.svg'), join(dist, 'icon-maskable.svg'));

  // Content-hashed names for code, fonts and images.
  const renamed = {};
  for (const path of filesUnder(dist)) {
    const rel = relative(dist, path).split('\\').join('/');
    if (!HASHED.has(extname(path)) || KEEP_NAME.has(rel) || rel.startsWith('text/')) continue;
    const hashedRel = rel.replace(/(\.[a-z0-9]+)$/, `.${sha256(readFileSync(path)).slice(0, 10)}$1`);
    renameSync(path, join(dist, hashedRel));
    renamed[rel] = hashedRel;
  }
  const name = (rel) => renamed[rel] || rel;

  // build.json names the hashed files and the service worker.
  const manifestPath = join(dist, 'build.json');
  const build = JSON.parse(readFileSync(manifestPath, 'utf8'));
  build.js = name(build.js);
  build.wasm.file = name(build.wasm.file);
  build.fonts = Object.fromEntries(Object.entries(build.fonts).map(([k, v]) => [k, name(v)]));
  build.vendor = { fflate: name('vendor/fflate.js') };
  build.serviceWorker = 'sw.js';

  // The web app manifest, with the project's own icons.
  const webManifest = {
    name: 'Hospital Procurement Guide',
    short_name: 'Procurement Guide',
    description: 'Cybersecurity good practices for buying hospital technology, after ENISA’s procurement guidelines.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f6f7f9',
    theme_color: '#1f5fae',
    icons: [
      { src: name('icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ...icons.map((i) => ({ src: name(i.name), sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
    ],
  };
  writeFileSync(join(dist, 'manifest.webmanifest'), JSON.stringify(webManifest, null, 2) + '\n');

  // index.html points at the hashed files, carries the policy and links the manifest.
  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const rel of ['shell.css', 'mirror.js', 'shell.js', 'icon.svg']) html = html.split(`"${rel}"`).join(`"${name(rel)}"`);
  html = html.replace('<link rel="icon"', () => `<link rel="manifest" href="manifest.webmanifest">\n<meta name="theme-color" content="#1f5fae">\n<link rel="apple-touch-icon" href="${name('icons/icon-192.png')}">\n<link rel="icon"`);
  html = withMetaPolicy(html, contentSecurityPolicy());
  writeFileSync(join(dist, 'index.html'), html);

  // The service worker precaches exactly this deployment; its version is the hash of all of it, so any
  // change makes browsers install the new one beside the old (see web/sw.js).
  const precache = ['./', 'index.html', 'build.json', 'manifest.webmanifest', build.js, build.wasm.file,
    ...Object.values(build.fonts), build.vendor.fflate, name('mirror.js'), name('shell.js'), name('shell.css'), name('icon.svg'),
    ...icons.map((i) => name(i.name)), build.catalogue, 'i18n/languages.json', 'i18n/ui/en.json'];
  const digest = createHash('sha256');
  for (const p of precache) if (p !== './' && p !== 'build.json') digest.update(readFileSync(join(dist, p)));
  build.version = `${build.version}+${digest.digest('hex').slice(0, 12)}`;
  writeFileSync(manifestPath, JSON.stringify(build, null, 2) + '\n');
  const worker = readFileSync(join(ROOT, 'web/sw.js'), 'utf8')
    .replace("'__VERSION__'", JSON.stringify(build.version))
    .replace("['__PRECACHE__']", JSON.stringify(precache));
  writeFileSync(join(dist, 'sw.js'), worker);

  // Precompressed copies for hosts that serve them (nginx gzip_static / brotli_static, most CDNs).
  // Many files to a call: the plain pages (text/) are hundreds of small files.
  const compressible = filesUnder(dist).filter((path) => COMPRESS.has(extname(path)));
  for (let i = 0; i < compressible.length; i += 200) {
    const batch = compressible.slice(i, i + 200);
    execFileSync('gzip', ['-9', '-n', '-k', '-f', ...batch]);
    execFileSync('brotli', ['-q', '11', '-k', '-f', ...batch]);
  }
  return build;
}

// ---- single file -----------------------------------------------------------------------------------

// Replaces a data file of the site with an agency's own, after checking that it is JSON at all; the
// app validates it fully when it loads and says what is wrong on screen.
function readJsonFile(path) {
  const text = readFileSync(path);
  JSON.parse(text.toString('utf8'));
  return text;
}

function packageSingle(site, out, { catalogue, i18n }) {
  const build = JSON.parse(readFileSync(join(site, 'build.json'), 'utf8'));
  const files = {};
  // Each file gzipped (the page unpacks it with fflate, which it carries anyway) and base64-encoded.
  const add = (rel, bytes) => { files[rel] = gzipSync(bytes, { level: 9 }).toString('base64'); };
  add(build.wasm.file, readFileSync(join(site, build.wasm.file)));
  for (const font of Object.values(build.fonts)) add(font, readFileSync(join(site, font)));
  add(build.catalogue, catalogue ? readJsonFile(catalogue) : readFileSync(join(site, build.catalogue)));
  const i18nDir = i18n || join(site, 'i18n');
  const ui = [], content = [], bytes = {};
  for (const path of filesUnder(i18nDir)) {
    if (extname(path) !== '.json') continue;
    const rel = relative(i18nDir, path).split('\\').join('/');
    add(`i18n/${rel}`, readJsonFile(path));
    bytes[rel] = statSync(path).size;
    if (rel.startsWith('ui/')) ui.push(rel.slice(3, -5));
    else if (rel.startsWith('content/')) content.push(rel.slice(8, -5));
  }
  build.translations = { ui, content, bytes };
  build.bundled = true;
  add('build.json', Buffer.from(JSON.stringify(build)));

  const script = (text) => text.replace(/<\/script/gi, '<\\/script');
  const shellJs = script(readFileSync(join(site, 'shell.js'), 'utf8'));
  const mirrorJs = script(readFileSync(join(site, 'mirror.js'), 'utf8'));
  const appJs = script(readFileSync(join(site, build.js), 'utf8'));
  const fflateJs = script(readFileSync(join(site, 'vendor/fflate.js'), 'utf8'));
  const css = readFileSync(join(site, 'shell.css'), 'utf8');
  // The files, for shell.js to read instead of fetching: a data block, never executed.
  const bundle = `<script type="application/json" id="bundle">${JSON.stringify(files)}</script>`;
  const inline = [appJs, fflateJs, mirrorJs, shellJs];
  const policy = contentSecurityPolicy({ scripts: inline.map(cspHash), styles: [cspHash(css)], connect: "'none'" });

  let html = readFileSync(join(site, 'index.html'), 'utf8');
  const icon = `data:image/svg+xml;base64,${readFileSync(join(site, 'icon.svg')).toString('base64')}`;
  // Replacer functions, not strings: minified code is full of `$&` and `$'`, which String.replace
  // would expand.
  html = html.replace('<link rel="icon" href="icon.svg" type="image/svg+xml">', () => `<link rel="icon" href="${icon}" type="image/svg+xml">`);
  html = html.replace('<link rel="stylesheet" href="shell.css">', () => `<style>${css}</style>`);
  html = html.replace('<script src="mirror.js"></script>\n<script src="shell.js"></script>',
    () => `${bundle}\n<script>${appJs}</script>\n<script>${fflateJs}</script>\n<script>${mirrorJs}</script>\n<script>${shellJs}</script>`);
  // No text/ folder travels with the file: its links would lead nowhere.
  html = html.replace(/<!-- The same guide as plain pages[^\n]*\n<link rel="alternate"[^\n]*\n/, '');
  html = html.replace(/\n *<p class="text-version">[\s\S]*?<\/p>/g, '');
  html = withMetaPolicy(html, policy);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, html);
  return statSync(out).size;
}

// ---- command line ----------------------------------------------------------------------------------

const [command, site, out, ...rest] = process.argv.slice(2);
const option = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
if (command === 'dist' && site && out && existsSync(site)) {
  const build = packageDist(site, out);
  console.log(`${out}: version ${build.version}`);
} else if (command === 'single' && site && out && existsSync(site)) {
  const bytes = packageSingle(site, out, { catalogue: option('--catalogue'), i18n: option('--i18n') });
  console.log(`${out}: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
} else {
  console.error('usage: package-site.mjs dist SITE DIST\n       package-site.mjs single SITE OUT.html [--catalogue FILE] [--i18n DIR]');
  process.exit(2);
}
