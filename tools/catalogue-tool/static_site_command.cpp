// catalogue-tool static-site: the catalogue as plain HTML pages in every language, for readers the
// WebAssembly app cannot serve. The engine makes the pages; this file reads the translations and
// writes the pages out.
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

#include "commands.hpp"
#include "engine/static_site.hpp"
#include "files.hpp"

namespace procure::cli {
namespace {

namespace fs = std::filesystem;

// The translation files of one kind ("ui" or "content/<catalogue-id>"), by language code. A missing
// or broken file leaves its language to fall back to English, as the app does; a broken one is reported.
std::map<std::string, Overlay> load_overlays(const LanguageRegistry& registry, const std::string& folder,
                                             const std::string& catalogue_id, std::ostream& err) {
    std::map<std::string, Overlay> overlays;
    for (const Language& language : registry.languages) {
        const std::string path = folder + "/" + language.code + ".json";
        bool broken = false;
        std::optional<Overlay> overlay = load_translation(path, broken, err);
        if (broken) err << path << ": not used, its texts fall back to English\n";
        if (!overlay) continue;
        if (overlay->language != language.code || overlay->catalogue != catalogue_id) {
            err << path << ": says it is \"" << overlay->language << "\"" << (catalogue_id.empty() ? "" : " for \"" + overlay->catalogue + "\"")
                << ", not used\n";
            continue;
        }
        overlays.emplace(language.code, std::move(*overlay));
    }
    return overlays;
}

std::vector<const Overlay*> chain(const LanguageRegistry& registry, const std::string& code,
                                  const std::map<std::string, Overlay>& overlays) {
    std::vector<std::string> codes = registry.fallback_chain(code);
    if (codes.empty() || codes.back() != "en") codes.push_back("en");
    std::vector<const Overlay*> out;
    for (const std::string& c : codes)
        if (auto it = overlays.find(c); it != overlays.end()) out.push_back(&it->second);
    return out;
}

// English is every language's last fallback and the only source of the pages' own words: without it
// the pages would show keys, so nothing is written.
bool has_english_texts(const std::map<std::string, Overlay>& ui, const std::string& path, std::ostream& err) {
    const auto english = ui.find("en");
    if (english == ui.end()) {
        err << path << ": needed (and \"en\" in languages.json) for the pages' interface texts\n";
        return false;
    }
    bool complete = true;
    for (std::string_view key : static_site_interface_keys())
        if (!english->second.find(key)) {
            err << path << ": no text for \"" << key << "\", which the pages use\n";
            complete = false;
        }
    return complete;
}

bool write(const fs::path& out_dir, const SitePage& page, std::ostream& err) {
    const fs::path path = out_dir / fs::path(page.path);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
        err << path.parent_path().string() << ": cannot create the folder (" << ec.message() << ")\n";
        return false;
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << page.content;
    file.close();
    if (!file) {
        err << path.string() << ": cannot write the file\n";
        return false;
    }
    return true;
}

}  // namespace

int static_site(const std::string& catalogue_file, const std::string& i18n_dir, const std::string& out_dir,
                const std::string& app_page, std::ostream& out, std::ostream& err) {
    const std::optional<Catalogue> c = load(catalogue_file, err);
    if (!c) return 1;
    const std::optional<LanguageRegistry> registry = load_registry(i18n_dir, err);
    if (!registry) return 1;
    for (const Practice& p : c->practices)
        if (!is_site_page_id(p.id)) err << catalogue_file << ": practice \"" << p.id << "\" cannot name a page and is left out\n";

    const auto ui = load_overlays(*registry, i18n_dir + "/ui", "", err);
    if (!has_english_texts(ui, i18n_dir + "/ui/en.json", err)) return 1;
    const auto content = load_overlays(*registry, i18n_dir + "/content/" + c->id, c->id, err);
    std::vector<SiteLanguage> languages;
    for (const Language& l : registry->languages) {
        if (is_site_language_code(l.code)) languages.push_back({l.code, l.native_name});
        else err << i18n_dir << "/languages.json: \"" << l.code << "\" cannot name a folder, language left out\n";
    }

    auto input = [&](const std::string& code) {
        StaticSiteInput in{*c, chain(*registry, code, content), chain(*registry, code, ui), code, languages};
        if (!app_page.empty()) in.app_page = app_page;
        return in;
    };
    // The language list is written in the catalogue's source language: the reader has not chosen yet.
    std::vector<SitePage> pages = static_site_root_pages(input(c->language.empty() ? "en" : c->language));
    for (const SiteLanguage& l : languages)
        for (SitePage& page : static_site_language_pages(input(l.code))) pages.push_back(std::move(page));

    std::size_t bytes = 0;
    for (const SitePage& page : pages) {
        if (!write(out_dir, page, err)) return 1;
        bytes += page.content.size();
    }
    out << "static-site: " << pages.size() << " pages in " << languages.size() << " languages, " << bytes
        << " bytes written to " << out_dir << "\n";
    return 0;
}

}  // namespace procure::cli
