// The words of the static pages, as escaped HTML, each marked with its language where it is not the
// page's (WCAG 3.1.2): a text missing from a translation falls back to English, and a screen reader
// must then switch voice. Internal to static_site*.cpp.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue.hpp"
#include "static_site.hpp"

namespace procure::static_site_detail {

class SiteText {
public:
    // Keeps references to `in`; `source_language` is the language of the catalogue as loaded.
    SiteText(const StaticSiteInput& in, std::string source_language);

    const std::string& page_language() const { return in_.language; }

    // An interface string as HTML, from the first overlay in the chain that has it (English last).
    std::string label(std::string_view key) const;
    // The same with "{name}" placeholders replaced by HTML fragments the caller has already escaped.
    std::string label(std::string_view key, const std::vector<std::pair<std::string_view, std::string>>& values) const;
    // Escaped plain text for attribute values and <title>, where markup cannot mark a language.
    std::string label_plain(std::string_view key) const;

    // A localised catalogue text as HTML; `key` is its translation key ("practice.x.title"). Texts no
    // overlay translates are in the source language.
    std::string content(std::string_view key, std::string_view text) const;
    // A catalogue text that translations never cover (publisher, date): always the source language.
    std::string source(std::string_view text) const { return marked(source_language_, text); }

private:
    struct Found {
        std::string_view text;
        std::string_view language;
    };
    Found find_label(std::string_view key) const;
    std::string marked(std::string_view language, std::string_view text) const;

    const StaticSiteInput& in_;
    std::string source_language_;
};

}  // namespace procure::static_site_detail
