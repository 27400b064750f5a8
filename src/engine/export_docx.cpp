#include "export_docx.hpp"

#include "checklist.hpp"

namespace procure {
namespace {

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

constexpr const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

// Paragraphs with direct formatting: a package without styles.xml opens everywhere the same way.
class DocumentWriter {
public:
    void paragraph(std::string_view text, int half_points = 22, bool bold = false, int space_before = 0, int indent = 0) {
        xml_ += "<w:p><w:pPr><w:spacing w:before=\"" + std::to_string(space_before) + "\" w:after=\"80\"/>";
        if (indent) xml_ += "<w:ind w:left=\"" + std::to_string(indent) + "\" w:hanging=\"360\"/>";
        xml_ += "</w:pPr><w:r><w:rPr>";
        if (bold) xml_ += "<w:b/>";
        xml_ += "<w:sz w:val=\"" + std::to_string(half_points) + "\"/></w:rPr>";
        // Line breaks inside a text (notes) become <w:br/>.
        std::size_t start = 0;
        while (true) {
            const std::size_t nl = text.find('\n', start);
            xml_ += "<w:t xml:space=\"preserve\">" + xml_escape(text.substr(start, nl == std::string_view::npos ? nl : nl - start)) + "</w:t>";
            if (nl == std::string_view::npos) break;
            xml_ += "<w:br/>";
            start = nl + 1;
        }
        xml_ += "</w:r></w:p>";
    }
    void title(std::string_view t) { paragraph(t, 36, true, 0); }
    void heading(std::string_view t) { paragraph(t, 28, true, 240); }
    void subheading(std::string_view t) { paragraph(t, 22, true, 120); }
    void item(std::string_view marker, std::string_view t) { paragraph(std::string(marker) + "\t" + std::string(t), 22, false, 0, 360); }

    std::string document() const {
        return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
               R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
               xml_ + R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>)";
    }

private:
    std::string xml_;
};

std::string term_names(const Catalogue& c, const std::vector<Link>& links, bool assets) {
    std::string out;
    for (const Link& l : links) {
        const Term* t = assets ? c.find_asset_type(l.id) : c.find_threat(l.id);
        out += (out.empty() ? "" : ", ") + (t ? t->name : l.id);
        if (l.provenance == Provenance::editorial) out += " (editorial)";
    }
    return out;
}

std::string_view status_words(Status s) {
    switch (s) {
        case Status::not_started: return "Not started";
        case Status::in_tender: return "In tender";
        case Status::verified: return "Verified";
        case Status::not_applicable: return "Not applicable";
    }
    return "";
}

void write_report(const ExportInput& in, DocumentWriter& w) {
    const Catalogue& c = in.catalogue;
    w.title(c.metadata.title);
    w.paragraph("Generated " + in.generated_at + ". Catalogue " + c.id + " " + c.version + ".");
    if (!in.filter_summary.empty()) w.paragraph("Filters: " + in.filter_summary);
    if (!in.share_link.empty()) w.paragraph("Link to this view: " + in.share_link);
    for (std::size_t index : in.practices) {
        if (index >= c.practices.size()) continue;
        const Practice& p = c.practices[index];
        const Term* phase = c.find_phase(p.phase);
        w.heading(std::to_string(p.number) + ". " + p.title);
        w.paragraph("Phase: " + (phase ? phase->name : p.phase));
        w.paragraph(p.summary, 22, true);
        w.subheading("Why it matters");
        w.paragraph(p.why);
        w.subheading("Requirement clauses");
        for (std::size_t i = 0; i < p.clauses.size(); ++i) w.item(std::to_string(i + 1) + ".", p.clauses[i]);
        w.subheading("Evidence to ask the supplier for");
        for (const std::string& e : p.evidence) w.item("\xE2\x80\xA2", e);
        w.paragraph("Types of procurement: " + term_names(c, p.assets, true));
        w.paragraph("Threats: " + term_names(c, p.threats, false));
        if (in.checklist) {
            const ChecklistEntry* e = in.checklist->find(p.id);
            w.subheading("Checklist");
            w.paragraph("Status: " + std::string(status_words(e ? e->status : Status::not_started)));
            if (e && !e->note.empty()) w.paragraph("Note: " + e->note);
        }
    }
    w.paragraph(c.metadata.notice, 18, false, 240);
}

void write_annex(const ExportInput& in, DocumentWriter& w) {
    const Catalogue& c = in.catalogue;
    w.title("Annex: cybersecurity requirements");
    w.paragraph("The Supplier shall meet the following requirements. Source: " + c.metadata.title + " (" + c.id + " " + c.version + ").");
    int n = 0;
    for (std::size_t index : in.practices) {
        if (index >= c.practices.size()) continue;
        const Practice& p = c.practices[index];
        w.subheading("Practice " + std::to_string(p.number) + " \xE2\x80\x94 " + p.title);
        for (const std::string& clause : p.clauses) w.item(std::to_string(++n) + ".", clause);
    }
    w.paragraph("These clauses are suggestions to adapt to the purchase, its risks and national procurement law.", 18, false, 240);
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') continue;  // not allowed in XML 1.0
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += ch;
        }
    }
    return out;
}

DocxParts export_docx(const ExportInput& input, DocxKind kind) {
    DocumentWriter w;
    if (kind == DocxKind::report) write_report(input, w);
    else write_annex(input, w);
    return {{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRootRels}, {"word/document.xml", w.document()}};
}

}  // namespace procure
