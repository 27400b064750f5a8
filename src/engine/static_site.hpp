// A static HTML rendition of the catalogue: plain pages for readers without WebGL2 or WebAssembly,
// for screen readers, for printing and for search engines. Pure functions from texts to pages; the
// caller (catalogue-tool static-site) reads the files and writes the pages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "translation.hpp"

namespace procure {

struct SitePage {
    std::string path;  // relative to the site's root folder, '/'-separated: "de/encryption.html"
    std::string content;
};

struct SiteLanguage {
    std::string code;         // "de"
    std::string native_name;  // "Deutsch"
};

struct StaticSiteInput {
    // The catalogue in its source language, as loaded. The pages localise it themselves, because they
    // need to know which texts fell back to the source language: those are marked with their own `lang`,
    // so a screen reader does not read English words with German pronunciation.
    const Catalogue& catalogue;
    std::vector<const Overlay*> content_chain;  // content overlays along the language's fallback chain
    std::vector<const Overlay*> ui_chain;       // interface strings along the same chain, English last
    std::string language;                       // the pages' language code
    std::vector<SiteLanguage> languages;        // every language of the site, for the language lists
    // The interactive app's page relative to the site's root folder. The default suits a site written
    // into a folder next to the app's index.html (site/text/), from disk as from a server.
    std::string app_page = "../index.html";
};

// <lang>/index.html (practices by phase, by type of procurement and by threat, sources), one
// <lang>/<practice-id>.html per practice, and <lang>/all.html with every practice, for printing.
// Nothing when the language code is not usable as a folder name; a practice whose id is not usable as
// a page name is left out.
std::vector<SitePage> static_site_language_pages(const StaticSiteInput& in);

// The top-level index.html, written in in.language, that lists every language in its own name, and
// the shared style.css.
std::vector<SitePage> static_site_root_pages(const StaticSiteInput& in);

// A practice id that names its page: a valid catalogue id (the loader checks that, a hand-made
// catalogue may not) other than "index" and "all", the language's own pages.
bool is_site_page_id(std::string_view id);

// A language code that is safe as a folder name and a `lang` value: 1-35 ASCII letters, digits and '-'.
bool is_site_language_code(std::string_view code);

// The interface strings (i18n/ui keys) the pages use. English must have every one: a key no overlay
// has is shown as the key itself.
std::vector<std::string_view> static_site_interface_keys();

// The one stylesheet of every page (style.css). Pages use no inline styles and no scripts, so the site
// runs under a Content-Security-Policy of default-src 'none'; style-src 'self', which each page also
// carries in a <meta> for hosts that send no policy.
std::string_view static_site_stylesheet();

}  // namespace procure
