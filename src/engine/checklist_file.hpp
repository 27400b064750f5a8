// The checklist file: writing it, reading it back from untrusted text, and merging two checklists.
//
// Format (version 1), UTF-8 JSON, keys always in this order, entries sorted by practice id:
//
//   {
//     "format": "hospital-procurement-checklist",
//     "format_version": 1,
//     "catalogue": {"id": "enisa-hospitals-2020", "version": "1.0.0"},
//     "entries": {
//       "segregate-network": {"status": "in_tender", "note": "Asked for the flow matrix.",
//                             "changed_at": "2026-12-03T10:15:00.000Z"}
//     }
//   }
//
// status is one of not_started, in_tender, verified, not_applicable; note may be omitted (empty);
// changed_at is UTC with milliseconds, years 0000-9999. The catalogue block names the catalogue the
// checklist was made with; a different one is not an error, because ids are stable across editions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "checklist.hpp"
#include "limits.hpp"
#include "problem.hpp"

namespace procure {

inline constexpr std::string_view kChecklistFormatName = "hospital-procurement-checklist";
// Marks where an import kept a note that would otherwise have been overwritten.
inline constexpr std::string_view kEarlierNoteMarker = "--- earlier note (kept on import) ---";

std::string serialize_checklist(const Checklist& c);

struct ChecklistImport {
    std::optional<Checklist> checklist;  // present only when `problems` is empty
    Problems problems;                   // every problem, each with its JSON Pointer
};

ChecklistImport parse_checklist(std::string_view json_text);

// Why a checklist file of `bytes` bytes is not read at all, or "" when it is within
// kMaxChecklistFileBytes. The page asks before it loads a picked file into memory.
std::string file_size_problem(std::size_t bytes);

struct MergeReport {
    // Each incoming entry counts once: new to `into`, changed `into`, or left it as it was.
    std::size_t added = 0, updated = 0, unchanged = 0;
    // Practice ids where both sides hold different entries: another status, or a note that the
    // winner's does not contain (a note that was only added to is not a conflict). The newer still wins.
    std::vector<std::string> conflicts;
    std::vector<std::string> unknown_practices;  // incoming ids the catalogue does not know; kept anyway
    // Practice ids where winner's note plus the kept earlier note exceeded kMaxNoteBytes, so the
    // earlier note was shortened (marked with "…") to keep the checklist loadable.
    std::vector<std::string> notes_shortened;
    // Why nothing was merged, or "" when the merge happened. The merged checklist would have had more
    // than kMaxChecklistEntries entries or saved to more than kMaxChecklistFileBytes, and a checklist
    // that cannot be loaded again would cost the user all of their work, not just this import.
    std::string refused;
};

// Merges `incoming` into `into`: per practice the entry with the newer changed_at_ms wins, `into` on a
// tie. A losing note is appended to the winner's under kEarlierNoteMarker, unless it is empty or the
// winner's note already contains it, which also makes merging the same file twice harmless.
// `into` keeps its own catalogue id and version. All or nothing: when the result would break a limit
// of the checklist file, `into` is left as it was and `refused` says why.
//
// MergeTie::by_content is for two copies of the app that keep merging each other's checklist (two
// browser tabs): on equal times the entry whose note contains the other's wins, else the greater by
// note and status. Both sides then pick the same winner, so they agree after one exchange instead of
// appending each other's notes back and forth.
enum class MergeTie { keep_into, by_content };
MergeReport merge_checklist(Checklist& into, const Checklist& incoming, const Catalogue& catalogue,
                            MergeTie tie = MergeTie::keep_into);

// Ids in the checklist that the catalogue does not know (orphans after a catalogue update): kept, reported.
std::vector<std::string> orphaned_entries(const Checklist& c, const Catalogue& catalogue);

// changed_at in its text form, "2026-12-03T10:15:00.000Z". Times outside years 0000-9999 are clamped.
std::string format_timestamp(std::int64_t ms_since_epoch);
// Accepts exactly the form above with a real calendar date; nullopt otherwise.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

}  // namespace procure
