#include "commands.hpp"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

#include "engine/catalogue_loader.hpp"
#include "engine/problem.hpp"

namespace procure::cli {
namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Loads a catalogue or prints why it could not be loaded.
std::optional<Catalogue> load(const std::string& path, std::ostream& err) {
    auto text = read_file(path);
    if (!text) {
        err << path << ": cannot read the file\n";
        return std::nullopt;
    }
    CatalogueLoad result = load_catalogue(*text);
    if (!result.catalogue) {
        err << path << ": " << result.problems.size() << (result.problems.size() == 1 ? " problem\n" : " problems\n");
        for (const Problem& p : result.problems) err << "  " << format_problem(p) << "\n";
    }
    return std::move(result.catalogue);
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

}  // namespace procure::cli
