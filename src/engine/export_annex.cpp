// The tender annex: plain text that survives pasting into a word processor or a tender platform,
// so no Markdown and no line breaks inside a clause. Numbering runs on across practices because
// tenders cite requirements by a single number.
#include <string>

#include "export.hpp"
#include "export_common.hpp"

namespace procure {

using namespace export_detail;

std::string export_tender_annex(const ExportInput& in) {
    const ExportLabels& l = labels_of(in);
    const Catalogue& c = in.catalogue;
    std::string out = single_line(l.annex_title) + "\n\n";
    std::size_t number = 0;
    for (const Practice* p : selected_practices(in)) {
        out += single_line(l.practice) + " " + std::to_string(p->number) + " \xE2\x80\x94 " + single_line(p->title) + "\n";
        for (const std::string& clause : p->clauses) out += std::to_string(++number) + ". " + single_line(clause) + "\n";
        out += "\n";
    }
    if (number == 0) out += single_line(l.no_practices) + "\n\n";
    out += single_line(l.annex_note) + "\n\n";
    out += single_line(l.source + ": " + c.metadata.title + ", " + l.version + " " + c.version + ". " + c.metadata.licence) + "\n";
    return out;
}

}  // namespace procure
