// catalogue-tool: checks and describes catalogue files for the people who write them.
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {
constexpr const char* kUsage =
    "usage: catalogue-tool <command> [arguments]\n"
    "  validate FILE...   check catalogue files; lists every problem, exit status 1 if any\n"
    "  stats FILE         counts per phase, type of procurement and threat; practice x type matrix\n"
    "  extract FILE       the catalogue's texts as a translation file (i18n/content/<id>/<lang>.json)\n"
    "  languages CATALOGUE I18N_DIR\n"
    "                     completeness of every language's interface strings and catalogue content\n"
    "  static-site CATALOGUE I18N_DIR OUT_DIR [--app=PATH]\n"
    "                     the catalogue as plain HTML pages (no scripts) in every language: OUT_DIR/index.html,\n"
    "                     OUT_DIR/style.css, OUT_DIR/<lang>/index.html, <lang>/all.html (every practice, to\n"
    "                     print) and <lang>/<practice-id>.html; English must have the pages' interface texts,\n"
    "                     other missing translations fall back to it. --app is the interactive app's page\n"
    "                     relative to OUT_DIR (default ../index.html: OUT_DIR inside the app's folder, as site/text)\n";
}

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "-h" || args[0] == "--help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "validate" && !rest.empty()) return procure::cli::validate(rest, std::cout, std::cerr);
    if (command == "stats" && rest.size() == 1) return procure::cli::stats(rest[0], std::cout, std::cerr);
    if (command == "extract" && rest.size() == 1) return procure::cli::extract(rest[0], std::cout, std::cerr);
    if (command == "languages" && rest.size() == 2) return procure::cli::languages(rest[0], rest[1], std::cout, std::cerr);
    if (command == "static-site" && (rest.size() == 3 || (rest.size() == 4 && rest[3].rfind("--app=", 0) == 0)))
        return procure::cli::static_site(rest[0], rest[1], rest[2], rest.size() == 4 ? rest[3].substr(6) : "", std::cout, std::cerr);
    std::cerr << kUsage;
    return 2;
}
