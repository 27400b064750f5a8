// The subcommands of catalogue-tool. Each returns the process exit code and writes to the streams given,
// so tests can run them without a process.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace procure::cli {

// validate FILE...: exit 0 if every file is a valid catalogue, 1 and the list of problems otherwise.
int validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);
// stats FILE: counts per phase, type of procurement and threat, and the practice x type matrix.
int stats(const std::string& file, std::ostream& out, std::ostream& err);
// extract FILE: the catalogue's texts as a translation file in its source language, for translators.
int extract(const std::string& file, std::ostream& out, std::ostream& err);
// languages CATALOGUE I18N_DIR: per language, how complete its interface strings and catalogue content
// are. Exit 1 if a file is unreadable or invalid, names unknown keys, or loses or adds a placeholder.
int languages(const std::string& catalogue, const std::string& i18n_dir, std::ostream& out, std::ostream& err);

// static-site CATALOGUE I18N_DIR OUT_DIR: the catalogue as static HTML pages in every language of
// I18N_DIR/languages.json, written into OUT_DIR. `app_page` is the interactive app relative to OUT_DIR
// (empty: the engine's default). Exit 1 on a bad catalogue or registry, or a file it cannot write.
int static_site(const std::string& catalogue, const std::string& i18n_dir, const std::string& out_dir,
                const std::string& app_page, std::ostream& out, std::ostream& err);

}  // namespace procure::cli
