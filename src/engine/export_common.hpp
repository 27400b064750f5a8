// What every export needs: the labels in force, the selected practices, their checklist entries and
// catalogue names looked up by id, and text clean-up that several formats share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export.hpp"

namespace procure::export_detail {

const ExportLabels& labels_of(const ExportInput& in);
const std::string& status_label(const ExportLabels& labels, Status s);

// The selected practices in display order; indices outside the catalogue are skipped.
std::vector<const Practice*> selected_practices(const ExportInput& in);
// nullptr when there is no checklist or it has no entry for the practice.
const ChecklistEntry* entry_of(const ExportInput& in, const Practice& p);

// Names in the catalogue's language; the id itself when the catalogue does not know it.
std::string phase_name(const Catalogue& c, const Practice& p);
std::vector<std::string> asset_names(const Catalogue& c, const Practice& p);
std::vector<std::string> threat_names(const Catalogue& c, const Practice& p);

std::string join(const std::vector<std::string>& items, std::string_view separator);
// One line: runs of whitespace and control characters (line breaks included) become one space.
std::string single_line(std::string_view text);
// Lines split at LF, CRLF or CR, each without trailing whitespace and with control characters
// (tab included) turned into spaces.
std::vector<std::string> text_lines(std::string_view text);
// Text for HTML element content and double- or single-quoted attribute values alike: & < > " ' become
// references, and C0 controls other than tab and line breaks (which a document has no use for) are dropped.
std::string html_escape(std::string_view text);
// An http(s) link that can be written as-is: no spaces, controls, quotes or angle brackets.
bool is_plain_web_link(std::string_view s);

}  // namespace procure::export_detail
