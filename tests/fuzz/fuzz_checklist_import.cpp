// Checklist import on arbitrary bytes, as the app does it: parse the file, then merge it into the
// checklist already there. The first byte picks that checklist: none yet, a realistic one, or one
// close to the limits of the file format. A file is accepted exactly when nothing is wrong with it,
// survives saving and loading unchanged, and merging it keeps the user's checklist loadable, takes the
// newer side of each practice, loses no note and changes nothing the second time.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/checklist_file.hpp"
#include "fuzz_support.hpp"

using namespace procure;
using procure::fuzz::valid_utf8;

namespace {

constexpr std::int64_t kDec3 = 1796292900000;  // 2026-12-03T10:15:00.000Z

const Catalogue& bundled() {
    static const Catalogue c = fuzz::load_source_catalogue("assets/catalogues/enisa-hospitals-2020.json");
    return c;
}

Checklist empty_checklist() { return {bundled().id, bundled().version, {}}; }

// Every practice touched, some with notes, at different times, plus notes for practices a catalogue
// update removed.
Checklist realistic_checklist() {
    Checklist c = empty_checklist();
    std::int64_t t = kDec3;
    for (const Practice& p : bundled().practices) {
        const auto status = static_cast<Status>(p.number % 4);
        c.entries[p.id] = {status, p.number % 3 ? "" : "Asked " + p.title + " in the tender.", t};
        t += 60'000 * p.number;
    }
    c.entries["retired-practice"] = {Status::verified, "Kept from the 2019 edition.", kDec3 - 1};
    c.entries["zz-last"] = {Status::in_tender, "é€ç 😀", kDec3};
    return c;
}

Checklist near_entry_limit() {
    Checklist c = realistic_checklist();
    for (std::size_t i = 0; c.entries.size() + 3 < kMaxChecklistEntries; ++i)
        c.entries["orphan-" + std::to_string(i)] = {Status::not_started, "", kDec3};
    return c;
}

// Notes of quotes and control characters, which the file escapes, fill it almost to kMaxChecklistFileBytes.
Checklist near_byte_limit() {
    Checklist c = realistic_checklist();
    std::string note;
    for (std::size_t i = 0; note.size() < kMaxNoteBytes; ++i) note += i % 2 ? '"' : '\x01';
    const std::size_t start = serialize_checklist(c).size();
    c.entries["full-0"] = {Status::in_tender, note, kDec3};
    const std::size_t per_entry = serialize_checklist(c).size() - start;
    for (std::size_t i = 1; start + (i + 1) * per_entry + 4096 < kMaxChecklistFileBytes; ++i)
        c.entries["full-" + std::to_string(i)] = {Status::in_tender, note, kDec3};
    return c;
}

// The two near-limit bases cost seconds per input (a pass over megabytes per merge, save and load), so
// they get 2 of 32 first-byte values, kept at their seeds' first bytes (2 and 3); the rest go to the
// small bases, where the search is fast. The limits themselves have boundary unit tests.
const Checklist& base(std::uint8_t choice) {
    static const std::vector<Checklist> bases{empty_checklist(), realistic_checklist(), near_entry_limit(), near_byte_limit()};
    const std::size_t c = choice % 32;
    return bases[c < bases.size() ? c : c % 2];
}

bool is_small(std::uint8_t choice) { return base(choice).entries.size() < 100; }

void check_loaded(const Checklist& c) {
    FUZZ_CHECK(is_valid_id(c.catalogue_id) && !c.catalogue_version.empty(), "it names its catalogue");
    FUZZ_CHECK(c.entries.size() <= kMaxChecklistEntries, "at most kMaxChecklistEntries entries");
    for (const auto& [id, e] : c.entries) {
        FUZZ_CHECK(is_valid_id(id), "entries are keyed by valid ids");
        FUZZ_CHECK(e.note.size() <= kMaxNoteBytes && valid_utf8(e.note), "notes are bounded UTF-8");
        FUZZ_CHECK(parse_timestamp(format_timestamp(e.changed_at_ms)) == e.changed_at_ms, "times survive saving");
    }
}

// What the app saves must load again, unchanged.
void check_saved(const Checklist& c) {
    const std::string saved = serialize_checklist(c);
    FUZZ_CHECK(saved.size() <= kMaxChecklistFileBytes, "a saved checklist fits the file limit");
    const ChecklistImport again = parse_checklist(saved);
    FUZZ_CHECK(again.checklist && again.checklist->entries == c.entries, "a saved checklist loads unchanged");
}

void check_merge(const Checklist& before, const Checklist& incoming) {
    Checklist merged = before;
    const MergeReport r = merge_checklist(merged, incoming, bundled());
    if (!r.refused.empty()) {
        FUZZ_CHECK(merged.entries == before.entries && r.added + r.updated + r.unchanged == 0, "a refused import changes nothing");
        // Only when the two together could pass a limit; a merged note grows by at most the marker line.
        const std::size_t most_bytes = serialize_checklist(before).size() + serialize_checklist(incoming).size() +
                                       (kEarlierNoteMarker.size() + 4) * incoming.entries.size();
        FUZZ_CHECK(before.entries.size() + incoming.entries.size() > kMaxChecklistEntries || most_bytes > kMaxChecklistFileBytes,
                   "an import is refused only when it could break a limit");
        return;
    }
    FUZZ_CHECK(r.added + r.updated + r.unchanged == incoming.entries.size(), "each incoming entry counted once");
    FUZZ_CHECK(merged.catalogue_id == before.catalogue_id, "the checklist keeps its catalogue");
    for (const auto& [id, theirs] : incoming.entries) {
        const ChecklistEntry* now = merged.find(id);
        FUZZ_CHECK(now, "every incoming practice is in the result");
        const ChecklistEntry* ours = before.find(id);
        if (ours && ours->status == theirs.status && ours->note == theirs.note) {
            FUZZ_CHECK(*now == *ours, "the same entry leaves ours as it was");
        } else if (ours) {
            const bool theirs_newer = theirs.changed_at_ms > ours->changed_at_ms;
            const ChecklistEntry& newer = theirs_newer ? theirs : *ours;
            const ChecklistEntry& older = theirs_newer ? *ours : theirs;
            FUZZ_CHECK(now->status == newer.status && now->changed_at_ms == newer.changed_at_ms, "the newer side wins, ours on a tie");
            FUZZ_CHECK(now->note.starts_with(newer.note), "the winner's note comes first");
            const bool shortened = std::count(r.notes_shortened.begin(), r.notes_shortened.end(), id) > 0;
            FUZZ_CHECK(shortened || now->note.find(older.note) != std::string::npos, "the older note is kept");
        } else {
            FUZZ_CHECK(*now == theirs, "a new entry is taken as it is");
        }
        const bool unknown = !bundled().find_practice(id);
        FUZZ_CHECK(unknown == std::count(r.unknown_practices.begin(), r.unknown_practices.end(), id), "unknown practices listed");
    }
    for (const auto& [id, ours] : before.entries) FUZZ_CHECK(merged.find(id), "no entry of ours is lost");
    check_loaded(merged);
    if (r.added + r.updated > 0) check_saved(merged);

    // Importing the same file again changes nothing.
    Checklist twice = merged;
    const MergeReport r2 = merge_checklist(twice, incoming, bundled());
    FUZZ_CHECK(r2.added == 0 && r2.updated == 0 && twice.entries == merged.entries, "merging twice is harmless");
}

// Two tabs (MergeTie::by_content): ours takes in theirs, theirs takes in the result, and then both
// hold the same checklist, so neither saves again and they stop exchanging.
void check_tabs_settle(const Checklist& ours, const Checklist& theirs) {
    Checklist a = ours;
    const MergeReport ra = merge_checklist(a, theirs, bundled(), MergeTie::by_content);
    if (!ra.refused.empty() || !ra.notes_shortened.empty()) return;  // a shortened note settles over a few rounds
    Checklist b = theirs;
    const MergeReport rb = merge_checklist(b, a, bundled(), MergeTie::by_content);
    if (!rb.refused.empty() || !rb.notes_shortened.empty()) return;
    FUZZ_CHECK(b.entries == a.entries, "two tabs agree after one exchange");
    const MergeReport again = merge_checklist(a, b, bundled(), MergeTie::by_content);
    FUZZ_CHECK(again.added + again.updated == 0, "and then stop saving");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const Checklist& before = base(data[0]);
    const ChecklistImport in = parse_checklist(fuzz::as_text(data + 1, size - 1));
    FUZZ_CHECK(in.checklist.has_value() == in.problems.empty(), "a checklist exactly when there is no problem");
    fuzz::check_problems(in.problems);
    if (!in.checklist) return 0;
    check_loaded(*in.checklist);
    check_saved(*in.checklist);
    check_merge(before, *in.checklist);
    if (is_small(data[0])) check_tabs_settle(before, *in.checklist);  // the limits have their own checks above
    return 0;
}

// The bases are built once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    base(0);
    return 0;
}
