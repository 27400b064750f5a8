// Word documents (DOCX) of the report and of the tender annex, for procurement officers who work in
// word processors. The engine writes the package's parts (WordprocessingML); the browser shell zips
// them with a kept library (fflate, web/docx.js), so no zip writer is hand-written here.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "export.hpp"

namespace procure {

enum class DocxKind { report, tender_annex };

// Path inside the package -> content, e.g. {"word/document.xml", "<?xml ...>"}.
using DocxParts = std::vector<std::pair<std::string, std::string>>;

DocxParts export_docx(const ExportInput& input, DocxKind kind);

// Text made safe for XML character data: & < > " escaped; characters XML 1.0 forbids dropped.
std::string xml_escape(std::string_view text);

}  // namespace procure
