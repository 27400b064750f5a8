#include "static_site_text.hpp"

#include <array>

#include "export_common.hpp"

namespace procure::static_site_detail {
namespace {

using export_detail::html_escape;

// English for every interface string the pages use. The app's keys are repeated here only so that
// the site stays readable without i18n/ui/en.json; the "static." keys are the site's own.
constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kEnglish{{
    {"app.title", "Hospital Procurement Guide"},
    {"app.tagline", "Cybersecurity good practices for buying hospital technology"},
    {"tab.practices", "Practices"},
    {"header.language", "Language"},
    {"card.practice", "Practice {number}"},
    {"detail.why", "Why it matters"},
    {"detail.how", "How to buy it: requirement clauses"},
    {"detail.evidence", "Evidence to ask the supplier for"},
    {"detail.applies", "Types of procurement"},
    {"detail.threats", "Threats addressed"},
    {"detail.references", "References"},
    {"detail.phase", "Phase: {phase}"},
    {"detail.phase_likely", "Phase inferred from the order of the publication's list (likely)."},
    {"detail.editorial_links",
     "These links are this project's editorial judgement: the publication's own mapping is not available."},
    {"provenance.official", "official"},
    {"provenance.confirmed", "confirmed"},
    {"provenance.likely", "likely"},
    {"provenance.editorial", "editorial"},
    {"sources.title", "Sources"},
    {"sources.publication", "Source publication"},
    {"sources.notice", "Notice"},
    {"sources.licence", "Licence"},
    {"about.translations", "Translations are this project's, not ENISA's official texts."},
    {"static.skip", "Skip to content"},
    {"static.breadcrumb", "Breadcrumb"},
    {"static.contents", "On this page"},
    {"static.open_app", "Open the interactive guide"},
    {"static.open_practice", "Open this practice in the interactive guide"},
    {"static.previous", "Previous practice"},
    {"static.next", "Next practice"},
    {"static.practice_nav", "Previous and next practice"},
    {"static.version", "Version"},
}};

}  // namespace

SiteText::SiteText(const StaticSiteInput& in, std::string source_language)
    : in_(in), source_language_(std::move(source_language)) {}

SiteText::Found SiteText::find_label(std::string_view key) const {
    for (const Overlay* overlay : in_.ui_chain)
        if (overlay)
            if (const std::string* text = overlay->find(key)) return {*text, overlay->language};
    for (const auto& [english_key, text] : kEnglish)
        if (english_key == key) return {text, "en"};
    return {key, "en"};  // a key missing from the table above: visible, so a test or a reader notices
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
