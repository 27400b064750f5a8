// style.css of the static site: one file that every page links to, because the site's
// Content-Security-Policy (style-src 'self') forbids inline styles.
#include "static_site.hpp"

namespace procure {
namespace {

// Colours are custom properties in :root blocks only, so a test can check every text colour against
// the background for WCAG AA contrast (4.5:1; 3:1 for the focus ring) in the light, dark and print
// schemes. Text never sits on any other background.
constexpr std::string_view kStylesheet = R"css(/* Hospital Procurement Guide: static pages */
:root {
  --bg: #ffffff; --fg: #1b1b1b; --muted: #4d4d4d; --link: #0b4f8a; --focus: #b35900; --rule: #8a8a8a;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #121417; --fg: #e9ecef; --muted: #b9c0c8; --link: #9ccaff; --focus: #ffb15c; --rule: #6b7280; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 46rem; padding: 0 1rem 2rem; background: var(--bg); color: var(--fg);
  font: 1rem/1.55 "Noto Sans", "Segoe UI", system-ui, -apple-system, Arial, sans-serif; overflow-wrap: break-word;
}
a { color: var(--link); text-underline-offset: .15em; }
a:hover { text-decoration-thickness: .15em; }
a[aria-current] { color: var(--fg); font-weight: bold; text-decoration: none; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; top: 0; padding: .5rem 1rem; background: var(--fg); color: var(--bg); }
.skip:focus { left: 1rem; top: 1rem; }
header { padding: .75rem 0; border-bottom: 1px solid var(--rule); }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 .75rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .5rem; }
h3 { font-size: 1.1rem; line-height: 1.35; margin: 1.5rem 0 .4rem; }
h1 .num { display: block; font-size: 1rem; font-weight: normal; color: var(--muted); }
.lead { font-size: 1.1rem; }
.app a { font-weight: bold; }
.meta, .note, .prov { color: var(--muted); }
.prov { font-style: italic; }
ul.languages, ul.contents, nav.crumbs ol, nav.pager ul {
  display: flex; flex-wrap: wrap; gap: .35rem 1.1rem; margin: 0; padding: 0; list-style: none;
}
header nav + nav { margin-top: .6rem; }
header ul.languages { font-size: .9rem; }
nav.crumbs li + li::before { content: "\203A\00A0"; color: var(--muted); }
ul.practices li, ul.terms li, ul.references li { margin: .35rem 0; }
ol.clauses li { margin: .5rem 0; }
ul.references .desc { display: block; color: var(--muted); }
nav.pager ul { justify-content: space-between; margin-top: 2.5rem; }
nav.pager li { flex: 1 1 14rem; }
nav.pager li.next { text-align: end; }
nav.pager .dir { display: block; font-size: .9rem; color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
@media (max-width: 30rem) {
  h1 { font-size: 1.5rem; }
  dl { grid-template-columns: 1fr; }
  dd { margin-bottom: .5rem; }
}
@page { margin: 18mm 16mm 20mm; }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #333333; --link: #000000; --focus: #000000; --rule: #777777; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .skip, header, nav, .app, .print { display: none; }
  main > article + article { break-before: page; page-break-before: always; }
  a { text-decoration: none; }
  main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  li { break-inside: avoid; page-break-inside: avoid; }
}
)css";

}  // namespace

std::string_view static_site_stylesheet() { return kStylesheet; }

}  // namespace procure
