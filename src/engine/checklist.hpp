// The user's work: a status, a note and a last-changed time per practice. It is saved as a versioned
// JSON file that names the catalogue it was made with. Entries for practices the current catalogue
// does not know are kept and reported, never dropped: a catalogue update must not lose anyone's notes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "limits.hpp"
#include "problem.hpp"
#include "query.hpp"

namespace procure {

inline constexpr int kChecklistFormatVersion = 1;
// kMaxNoteBytes, kMaxChecklistEntries and kMaxChecklistFileBytes are in limits.hpp.

struct ChecklistEntry {
    Status status = Status::not_started;
    std::string note;
    std::int64_t changed_at_ms = 0;  // Unix time in milliseconds, set by the caller (the engine has no clock)

    bool operator==(const ChecklistEntry&) const = default;
};

struct Checklist {
    std::string catalogue_id;
    std::string catalogue_version;
    std::map<std::string, ChecklistEntry, std::less<>> entries;  // by practice id

    const ChecklistEntry* find(std::string_view practice_id) const;
    Status status_of(std::string_view practice_id) const;  // not_started when absent
};

}  // namespace procure
