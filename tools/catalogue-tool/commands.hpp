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

}  // namespace procure::cli
