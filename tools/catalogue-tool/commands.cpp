#include "commands.hpp"

#include <algorithm>
#include <iomanip>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/catalogue_loader.hpp"
#include "engine/languages.hpp"
#include "engine/problem.hpp"
#include "engine/translation.hpp"
#include "files.hpp"

namespace procure::cli {
namespace {

std::string percent(const Coverage& c) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << (c.total ? 100.0 * static_cast<double>(c.translated) / static_cast<double>(c.total) : 100.0) << "%";
    return s.str();
}

// Prints the keys of one kind of problem, and says whether there were any.
bool list_keys(const std::string& path, const char* what, const std::vector<std::string>& keys, std::ostream& err) {
    for (const std::string& key : keys) err << path << ": " << what << ": " << key << "\n";
    return !keys.empty();
}

template <typename Links>
bool links_to(const Links& links, const std::string& id) {
    return std::any_of(links.begin(), links.end(), [&](const auto& l) { return l.id == id; });
}

}  // namespace

int validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    int failures = 0;
    for (const std::string& path : files) {
        if (auto c = load(path, err)) {
            out << path << ": valid catalogue \"" << c->id << "\" version " << c->version << " (" << c->practices.size()
                << " practices, " << c->phases.size() << " phases, " << c->asset_types.size() << " types of procurement, "
                << c->threats.size() << " threats, " << c->scenarios.size() << " scenarios)\n";
        } else {
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}

int stats(const std::string& file, std::ostream& out, std::ostream& err) {
    auto c = load(file, err);
    if (!c) return 1;
    out << c->metadata.title << " — " << c->id << " " << c->version << "\n\n";

    auto count_rows = [&](const char* heading, const std::vector<Term>& terms, auto count) {
        out << heading << "\n";
        for (const Term& t : terms) out << "  " << std::setw(4) << count(t.id) << "  " << t.name << " (" << t.id << ")\n";
        out << "\n";
    };
    count_rows("Practices per phase", c->phases, [&](const std::string& id) {
        return std::count_if(c->practices.begin(), c->practices.end(), [&](const Practice& p) { return p.phase == id; });
    });
    count_rows("Practices per type of procurement", c->asset_types, [&](const std::string& id) {
        return std::count_if(c->practices.begin(), c->practices.end(), [&](const Practice& p) { return links_to(p.assets, id); });
    });
    count_rows("Practices per threat", c->threats, [&](const std::string& id) {
        return std::count_if(c->practices.begin(), c->practices.end(), [&](const Practice& p) { return links_to(p.threats, id); });
    });

    out << "Practice x type of procurement (columns in catalogue order)\n";
    out << "     ";
    for (std::size_t i = 0; i < c->asset_types.size(); ++i) out << std::setw(3) << (i + 1);
    out << "\n";
    for (const Practice& p : c->practices) {
        out << std::setw(4) << p.number << " ";
        for (const Term& t : c->asset_types) out << std::setw(3) << (links_to(p.assets, t.id) ? "x" : ".");
        out << "  " << p.title << "\n";
    }
    out << "\nColumns:\n";
    for (std::size_t i = 0; i < c->asset_types.size(); ++i)
        out << std::setw(5) << (i + 1) << "  " << c->asset_types[i].name << "\n";
    return 0;
}

int extract(const std::string& file, std::ostream& out, std::ostream& err) {
    auto c = load(file, err);
    if (!c) return 1;
    // Catalogue order, so translators read the texts in the order the tool shows them.
    nlohmann::ordered_json strings = nlohmann::ordered_json::object();
    for_each_text(*c, [&](const std::string& key, const std::string& text) {
        if (!text.empty()) strings[key] = text;
    });
    const nlohmann::ordered_json document = {{"language", c->language.empty() ? "en" : c->language}, {"catalogue", c->id}, {"strings", strings}};
    out << document.dump(2) << "\n";
    return 0;
}

int languages(const std::string& catalogue_file, const std::string& i18n_dir, std::ostream& out, std::ostream& err) {
    auto c = load(catalogue_file, err);
    if (!c) return 1;
    const std::optional<LanguageRegistry> registry = load_registry(i18n_dir, err);
    if (!registry) return 1;
    bool failed = false;
    const std::string ui_source_path = i18n_dir + "/ui/en.json";
    const std::optional<Overlay> ui_source = load_translation(ui_source_path, failed, err);
    if (!ui_source) {
        err << ui_source_path << ": the English interface strings are needed as the source\n";
        return 1;
    }
    const Overlay content_source = source_overlay(*c);

    out << "Language completeness for catalogue \"" << c->id << "\" (missing texts fall back to English)\n\n";
    out << std::left << std::setw(6) << "code" << std::setw(16) << "language" << std::right << std::setw(18) << "interface"
        << std::setw(22) << "catalogue content" << "\n";
    for (const Language& language : registry->languages) {
        auto column = [&](const std::string& path, const Overlay& source) {
            std::optional<Overlay> overlay = load_translation(path, failed, err);
            if (!overlay) return std::string("-");
            const Coverage cov = coverage(source, *overlay);
            failed |= list_keys(path, "unknown key", cov.unknown, err);
            failed |= list_keys(path, "placeholders differ from English", cov.placeholder_mismatches, err);
            if (overlay->language != language.code) {
                err << path << ": says it is \"" << overlay->language << "\", expected \"" << language.code << "\"\n";
                failed = true;
            }
            return std::to_string(cov.translated) + "/" + std::to_string(cov.total) + " " + percent(cov);
        };
        const std::string ui = column(i18n_dir + "/ui/" + language.code + ".json", *ui_source);
        const std::string content = language.code == content_source.language
                                        ? "source"
                                        : column(i18n_dir + "/content/" + c->id + "/" + language.code + ".json", content_source);
        out << std::left << std::setw(6) << language.code << std::setw(16) << language.name << std::right << std::setw(18) << ui
            << std::setw(22) << content << "\n";
    }
    return failed ? 1 : 0;
}

}  // namespace procure::cli
