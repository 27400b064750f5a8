#include "files.hpp"

#include <fstream>
#include <sstream>

#include "engine/catalogue_loader.hpp"
#include "engine/problem.hpp"

namespace procure::cli {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

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

std::optional<Overlay> load_translation(const std::string& path, bool& broken, std::ostream& err) {
    auto text = read_file(path);
    if (!text) return std::nullopt;
    OverlayLoad result = load_overlay(*text);
    if (!result.overlay) {
        broken = true;
        for (const Problem& p : result.problems) err << path << ": " << format_problem(p) << "\n";
    }
    return std::move(result.overlay);
}

std::optional<LanguageRegistry> load_registry(const std::string& i18n_dir, std::ostream& err) {
    const std::string path = i18n_dir + "/languages.json";
    auto text = read_file(path);
    if (!text) {
        err << path << ": cannot read the file\n";
        return std::nullopt;
    }
    LanguageRegistryLoad result = load_language_registry(*text);
    for (const Problem& p : result.problems) err << path << ": " << format_problem(p) << "\n";
    return std::move(result.registry);
}

}  // namespace procure::cli
