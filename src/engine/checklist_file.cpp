#include "checklist_file.hpp"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "catalogue_loader.hpp"
#include "json_document.hpp"
#include "object_reader.hpp"

namespace procure {
namespace {

using nlohmann::json;

// --- Time stamps -------------------------------------------------------------------------------
// The engine has no clock and <chrono>'s calendar support is missing from the standard libraries we
// build with, so the civil-date arithmetic (H. Hinnant's days-from-civil) is done here.

constexpr std::int64_t kMsPerDay = 86'400'000;

constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct CivilDate {
    std::int64_t year;
    unsigned month, day;
};

constexpr CivilDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

constexpr std::int64_t kEarliestMs = days_from_civil(0, 1, 1) * kMsPerDay;
constexpr std::int64_t kLatestMs = (days_from_civil(9999, 12, 31) + 1) * kMsPerDay - 1;

constexpr bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned days_in_month(std::int64_t y, unsigned m) {
    constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

void append_digits(std::string& out, std::int64_t value, int width) {
    std::string digits(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0 && value > 0; --i, value /= 10)
        digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    out += digits;
}

// Reads `width` decimal digits at `pos`; -1 when any is not a digit.
std::int64_t read_digits(std::string_view s, std::size_t pos, std::size_t width) {
    std::int64_t n = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        n = n * 10 + (s[i] - '0');
    }
    return n;
}

// --- Reading -----------------------------------------------------------------------------------

const char* const kTimestampHint = "a UTC time with milliseconds such as \"2026-12-03T10:15:00.000Z\"";

class ChecklistReader {
public:
    explicit ChecklistReader(Problems& problems) : problems_(problems) {}

    void read(const json& root, Checklist& c) {
        if (!root.is_object()) {
            report("", "expected a checklist file (a JSON object), found " + describe_type(root));
            return;
        }
        // Decide what the file is before checking its fields: a catalogue or a newer checklist
        // would otherwise drown the one useful message in unknown-field noise.
        if (!is_checklist(root) || !supported_version(root)) return;
        ObjectReader top(root, "", problems_, {"format", "format_version", "catalogue", "entries"});
        if (const json* cat = top.member("catalogue", true)) {
            ObjectReader cr(*cat, "/catalogue", problems_, {"id", "version"});
            c.catalogue_id = cr.required_text("id");
            if (!is_blank(c.catalogue_id) && !is_valid_id(c.catalogue_id))
                cr.report("/catalogue/id", "\"" + c.catalogue_id + "\" is not a valid catalogue id");
            c.catalogue_version = cr.required_text("version");
        }
        if (const json* entries = top.member("entries", true)) read_entries(*entries, c);
    }

private:
    void report(std::string pointer, std::string message) { problems_.push_back({std::move(pointer), std::move(message)}); }

    bool is_checklist(const json& root) {
        auto it = root.find("format");
        if (it != root.end() && it->is_string() && it->get_ref<const std::string&>() == kChecklistFormatName) return true;
        report(it == root.end() ? "" : "/format",
               "this is not a checklist file: expected \"format\": \"" + std::string(kChecklistFormatName) + "\"");
        return false;
    }

    bool supported_version(const json& root) {
        auto it = root.find("format_version");
        if (it == root.end()) {
            report("/format_version", "required field \"format_version\" is missing");
            return false;
        }
        if (!it->is_number_integer()) {
            report("/format_version", "expected a whole number, found " + describe_type(*it));
            return false;
        }
        // nlohmann keeps non-negative integers unsigned; a signed one here is negative.
        const unsigned long long n = it->is_number_unsigned() ? it->get<unsigned long long>() : 0;
        if (n > static_cast<unsigned long long>(kChecklistFormatVersion)) {
            report("/format_version", "this checklist was made by a newer version of the tool (file format " + it->dump() +
                                          ", this version reads " + std::to_string(kChecklistFormatVersion) +
                                          "); open it with a newer release");
            return false;
        }
        if (n < 1) {
            report("/format_version", "must be " + std::to_string(kChecklistFormatVersion));
            return false;
        }
        return true;
    }

    void read_entries(const json& entries, Checklist& c) {
        if (!entries.is_object()) {
            report("/entries", "expected an object keyed by practice id, found " + describe_type(entries));
            return;
        }
        for (const auto& item : entries.items()) {
            const std::string pointer = "/entries/" + pointer_token(item.key());
            if (!is_valid_id(item.key()))
                report(pointer, "\"" + item.key() + "\" is not a valid practice id: use 1-64 lower-case letters, digits, "
                                "'-' or '_', starting with a letter or digit");
            ChecklistEntry entry;
            if (read_entry(item.value(), pointer, entry)) c.entries.emplace(item.key(), std::move(entry));
        }
    }

    bool read_entry(const json& value, const std::string& pointer, ChecklistEntry& e) {
        const std::size_t before = problems_.size();
        ObjectReader r(value, pointer, problems_, {"status", "note", "changed_at"});
        if (!r.is_object()) return false;
        const std::string status = r.required_text("status");
        if (auto s = status_from_string(status)) e.status = *s;
        else if (!is_blank(status))
            r.report(r.pointer_to("status"), "unknown status \"" + status + "\"; use not_started, in_tender, verified or not_applicable");
        e.note = r.optional_text("note");
        // parse_json already refuses longer texts; this keeps the bound if its limits ever change.
        if (e.note.size() > kMaxNoteBytes)
            r.report(r.pointer_to("note"), "the note is " + std::to_string(e.note.size()) + " bytes long; the limit is " +
                                               std::to_string(kMaxNoteBytes));
        const std::string changed_at = r.required_text("changed_at");
        if (auto ms = parse_timestamp(changed_at)) e.changed_at_ms = *ms;
        else if (!is_blank(changed_at))
            r.report(r.pointer_to("changed_at"), "\"" + changed_at + "\" is not " + kTimestampHint);
        return problems_.size() == before;
    }

    Problems& problems_;
};

// --- Merging -----------------------------------------------------------------------------------

// Cuts at a UTF-8 boundary so a shortened note is still valid text.
std::string utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return std::string(s.substr(0, end));
}

// False when the winner lacks something of the loser: its status, or a note the winner's does not
// already contain. A note that was only added to is therefore not a conflict.
bool covers(const ChecklistEntry& winner, const ChecklistEntry& loser) {
    return loser.status == winner.status && winner.note.find(loser.note) != std::string::npos;
}

// For MergeTie::by_content: the same answer whichever side asks, so two tabs settle on one entry.
bool wins_tie(const ChecklistEntry& a, const ChecklistEntry& b) {
    const bool a_covers = covers(a, b), b_covers = covers(b, a);
    if (a_covers != b_covers) return a_covers;
    return std::tie(a.note, a.status) > std::tie(b.note, b.status);
}

// Appends the losing note; returns false when it had to be shortened to respect kMaxNoteBytes.
bool keep_earlier_note(std::string& winner, const std::string& loser) {
    if (loser.empty() || winner.find(loser) != std::string::npos) return true;
    std::string block = winner.empty() ? "" : "\n";
    block += kEarlierNoteMarker;
    block += '\n';
    if (winner.size() + block.size() + loser.size() <= kMaxNoteBytes) {
        winner += block + loser;
        return true;
    }
    const std::string_view ellipsis = "\xE2\x80\xA6";  // …
    const std::size_t used = winner.size() + block.size() + ellipsis.size();
    if (used < kMaxNoteBytes) winner += block + utf8_prefix(loser, kMaxNoteBytes - used) + std::string(ellipsis);
    return false;
}

}  // namespace

std::string format_timestamp(std::int64_t ms) {
    ms = std::clamp(ms, kEarliestMs, kLatestMs);
    // Floor division: times before 1970 still land on the right day.
    std::int64_t days = ms / kMsPerDay;
    std::int64_t in_day = ms % kMsPerDay;
    if (in_day < 0) {
        in_day += kMsPerDay;
        --days;
    }
    const CivilDate date = civil_from_days(days);
    std::string out;
    out.reserve(24);
    append_digits(out, date.year, 4);
    out += '-';
    append_digits(out, date.month, 2);
    out += '-';
    append_digits(out, date.day, 2);
    out += 'T';
    append_digits(out, in_day / 3'600'000, 2);
    out += ':';
    append_digits(out, in_day / 60'000 % 60, 2);
    out += ':';
    append_digits(out, in_day / 1000 % 60, 2);
    out += '.';
    append_digits(out, in_day % 1000, 3);
    out += 'Z';
    return out;
}

std::optional<std::int64_t> parse_timestamp(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS.mmmZ
    if (s.size() != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' ||
        s[23] != 'Z')
        return std::nullopt;
    const std::int64_t year = read_digits(s, 0, 4), month = read_digits(s, 5, 2), day = read_digits(s, 8, 2);
    const std::int64_t hour = read_digits(s, 11, 2), minute = read_digits(s, 14, 2), second = read_digits(s, 17, 2);
    const std::int64_t milli = read_digits(s, 20, 3);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
        second < 0 || second > 59 || milli < 0)
        return std::nullopt;
    const auto m = static_cast<unsigned>(month), d = static_cast<unsigned>(day);
    if (d > days_in_month(year, m)) return std::nullopt;
    return days_from_civil(year, m, d) * kMsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
}

std::string serialize_checklist(const Checklist& c) {
    // ordered_json keeps the documented key order; entries come sorted from the std::map.
    nlohmann::ordered_json doc;
    doc["format"] = std::string(kChecklistFormatName);
    doc["format_version"] = kChecklistFormatVersion;
    doc["catalogue"] = {{"id", c.catalogue_id}, {"version", c.catalogue_version}};
    doc["entries"] = nlohmann::ordered_json::object();
    for (const auto& [id, e] : c.entries) {
        doc["entries"][id] = {{"status", to_string(e.status)}, {"note", e.note}, {"changed_at", format_timestamp(e.changed_at_ms)}};
    }
    // `replace` instead of the default `strict`: invalid UTF-8 in a note must not abort the save.
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string file_size_problem(std::size_t bytes) {
    return bytes <= kMaxChecklistFileBytes ? std::string() : document_size_message(bytes, kMaxChecklistFileBytes);
}

ChecklistImport parse_checklist(std::string_view json_text) {
    ChecklistImport result;
    ParsedJson parsed = parse_json(json_text, kChecklistJsonLimits);
    if (parsed.error) {
        result.problems.push_back(*parsed.error);
        return result;
    }
    Checklist checklist;
    ChecklistReader(result.problems).read(parsed.value, checklist);
    if (result.problems.empty()) result.checklist = std::move(checklist);
    return result;
}

MergeReport merge_checklist(Checklist& into, const Checklist& incoming, const Catalogue& catalogue, MergeTie tie) {
    MergeReport report;
    Checklist merged = into;
    for (const auto& [id, theirs] : incoming.entries) {
        if (!catalogue.find_practice(id)) report.unknown_practices.push_back(id);
        auto it = merged.entries.find(id);
        if (it == merged.entries.end()) {
            merged.entries.emplace(id, theirs);
            ++report.added;
            continue;
        }
        ChecklistEntry& ours = it->second;
        if (ours.status == theirs.status && ours.note == theirs.note) {
            ++report.unchanged;
            continue;
        }
        const bool theirs_wins = theirs.changed_at_ms > ours.changed_at_ms ||
                                 (theirs.changed_at_ms == ours.changed_at_ms && tie == MergeTie::by_content && wins_tie(theirs, ours));
        ChecklistEntry winner = theirs_wins ? theirs : ours;
        const ChecklistEntry& loser = theirs_wins ? ours : theirs;
        if (!covers(winner, loser)) report.conflicts.push_back(id);
        if (!keep_earlier_note(winner.note, loser.note)) report.notes_shortened.push_back(id);
        if (winner == ours) {
            ++report.unchanged;
        } else {
            ours = std::move(winner);
            ++report.updated;
        }
    }
    if (report.added + report.updated == 0) return report;
    std::string refused;
    if (merged.entries.size() > kMaxChecklistEntries) {
        refused = "the checklist would hold " + std::to_string(merged.entries.size()) + " entries; the limit is " +
                  std::to_string(kMaxChecklistEntries);
    } else if (const std::size_t bytes = serialize_checklist(merged).size(); bytes > kMaxChecklistFileBytes) {
        refused = "the checklist would take " + std::to_string(bytes) + " bytes saved; the limit is " +
                  std::to_string(kMaxChecklistFileBytes) + " bytes";
    }
    if (refused.empty()) {
        into = std::move(merged);
        return report;
    }
    MergeReport nothing;
    nothing.refused = std::move(refused);
    return nothing;
}

std::vector<std::string> orphaned_entries(const Checklist& c, const Catalogue& catalogue) {
    std::vector<std::string> out;
    for (const auto& [id, entry] : c.entries)
        if (!catalogue.find_practice(id)) out.push_back(id);
    return out;
}

}  // namespace procure
