#include "static_site_text.hpp"

#include <array>

#include "export_common.hpp"

namespace procure::static_site_detail {
namespace {

using export_detail::html_escape;

// Every interface string the pages use. Their texts live only in i18n/ui/*.json, English included,
// so the site and the app say the same thing and translators have one place to look.
constexpr std::array<std::string_view, 33> kKeys{
    "app.title", "app.tagline", "tab.practices", "header.language", "card.practice", "detail.why", "detail.how",
    "detail.evidence", "detail.applies", "detail.threats", "detail.references", "detail.phase", "detail.phase_likely",
    "detail.editorial_links", "provenance.official", "provenance.confirmed", "provenance.likely", "provenance.editorial",
    "sources.title", "sources.publication", "sources.notice", "sources.licence", "about.translations", "static.skip",
    "static.breadcrumb", "static.contents", "static.open_app", "static.open_practice", "static.previous", "static.next",
    "static.practice_nav", "static.version", "static.all_practices"};

}  // namespace

SiteText::SiteText(const StaticSiteInput& in, std::string source_language)
    : in_(in), source_language_(std::move(source_language)) {}

SiteText::Found SiteText::find_label(std::string_view key) const {
    for (const Overlay* overlay : in_.ui_chain)
        if (overlay)
            if (const std::string* text = overlay->find(key)) return {*text, overlay->language};
    return {key, "en"};  // missing even from English: visible, so a test or a reader notices
}

std::string SiteText::marked(std::string_view language, std::string_view text) const {
    if (language == in_.language) return html_escape(text);
    // lang="" says "unknown", which is true of a code a translation file got wrong.
    const std::string_view code = is_site_language_code(language) ? language : std::string_view();
    return "<span lang=\"" + std::string(code) + "\">" + html_escape(text) + "</span>";
}

std::string SiteText::label(std::string_view key) const {
    const Found found = find_label(key);
    return marked(found.language, found.text);
}

std::string SiteText::label(std::string_view key, const std::vector<std::pair<std::string_view, std::string>>& values) const {
    // Each literal piece is marked on its own, so a value keeps its own language rather than
    // inheriting the label's.
    const Found found = find_label(key);
    std::string out;
    std::size_t done = 0;
    for (std::size_t open = found.text.find('{'); open != std::string_view::npos; open = found.text.find('{', open + 1)) {
        const std::size_t close = found.text.find('}', open);
        if (close == std::string_view::npos) break;
        const std::string_view name = found.text.substr(open + 1, close - open - 1);
        for (const auto& [value_name, html] : values) {
            if (value_name != name) continue;
            if (open > done) out += marked(found.language, found.text.substr(done, open - done));
            out += html;
            done = close + 1;
            break;
        }
    }
    if (done < found.text.size()) out += marked(found.language, found.text.substr(done));
    return out;
}

std::string SiteText::label_plain(std::string_view key) const { return html_escape(find_label(key).text); }

std::string SiteText::content(std::string_view key, std::string_view text) const {
    for (const Overlay* overlay : in_.content_chain)
        if (overlay && overlay->find(key)) return marked(overlay->language, text);
    return marked(source_language_, text);
}

}  // namespace procure::static_site_detail

namespace procure {

std::vector<std::string_view> static_site_interface_keys() {
    return {static_site_detail::kKeys.begin(), static_site_detail::kKeys.end()};
}

}  // namespace procure
