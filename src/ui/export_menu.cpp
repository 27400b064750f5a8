// The export menu: the shown practices with the user's checklist, as files, a printable report,
// text for the clipboard, and the checklist file itself.
#include <ctime>
#include <string>

#include <imgui.h>

#include "engine/checklist_file.hpp"
#include "engine/export.hpp"
#include "engine/export_docx.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

std::string iso_time(std::int64_t ms, bool date_only) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, date_only ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string filter_summary(const Session& s) {
    const Catalogue& c = s.catalogue();
    const Query& q = s.view().query;
    std::string out;
    auto group = [&](const char* key, FacetKind kind, const std::vector<std::string>& ids) {
        if (ids.empty()) return;
        out += (out.empty() ? "" : "; ") + tr(key) + ": ";
        for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + facet_option_label(c, kind, ids[i]);
    };
    group("facet.phase", FacetKind::phase, q.facets.phases);
    group("facet.asset", FacetKind::asset, q.facets.assets);
    group("facet.threat", FacetKind::threat, q.facets.threats);
    std::vector<std::string> statuses;
    for (Status st : q.statuses) statuses.emplace_back(to_string(st));
    group("facet.status", FacetKind::status, statuses);
    if (!q.text.empty()) out += (out.empty() ? "" : "; ") + std::string("\"") + q.text + "\"";
    return out;
}

bool item(const char* key, const char* widget) {
    // The dialog state decides when the popup closes, so an item never closes it behind our back.
    const bool clicked = wrapped_selectable(widget, tr(key));
    register_widget(widget);
    return clicked;
}

// A menu item that copies to the clipboard and says so in its label for two seconds.
bool copy_item(Context& ctx, const char* key) {
    const bool confirming = ctx.ui.copied_item == key && ImGui::GetTime() < ctx.ui.copied_until;
    const std::string label = tr(key) + (confirming ? "  \u00b7  " + tr("export.copied") : "");
    const bool clicked = wrapped_selectable(key, label);
    register_widget(key);
    if (clicked) {
        ctx.ui.copied_item = key;
        ctx.ui.copied_until = ImGui::GetTime() + 2.0;
    }
    return clicked;
}

}  // namespace

void draw_export_menu(Context& ctx) {
    const Session& s = ctx.session;
    const std::int64_t now = ctx.shell.now_ms();
    ExportInput input{s.catalogue(), {}, &s.checklist(), iso_time(now, false), filter_summary(s), ctx.shell.share_link()};
    for (const ResultItem& r : s.results().items) input.practices.push_back(r.practice);
    const std::string stem = "hospital-procurement-" + iso_time(now, true);

    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    wrapped_text(trf("export.selection", {{"count", std::to_string(input.practices.size())}}));
    ImGui::PopStyleColor();

    if (item("export.report", "export.report")) ctx.shell.open_report(export_html_report(input));
    if (item("export.docx_report", "export.docx_report")) ctx.shell.download_docx(stem + "-report.docx", export_docx(input, DocxKind::report));
    if (item("export.docx_annex", "export.docx_annex")) ctx.shell.download_docx(stem + "-tender-annex.docx", export_docx(input, DocxKind::tender_annex));
    if (item("export.csv", "export.csv")) ctx.shell.download(stem + ".csv", "text/csv;charset=utf-8", export_csv(input));
    if (item("export.markdown", "export.markdown")) ctx.shell.download(stem + ".md", "text/markdown;charset=utf-8", export_markdown(input));
    if (item("export.annex", "export.annex")) ctx.shell.download(stem + "-tender-annex.txt", "text/plain;charset=utf-8", export_tender_annex(input));
    if (item("export.json", "export.json")) ctx.shell.download(stem + ".json", "application/json", export_json(input));
    if (item("export.oscal_catalog", "export.oscal_catalog"))
        ctx.shell.download(s.catalogue().id + "-oscal-catalog.json", "application/json",
                           export_oscal_catalog(s.catalogue(), input.generated_at, s.catalogue().id));
    if (item("export.oscal_profile", "export.oscal_profile"))
        ctx.shell.download(stem + "-oscal-profile.json", "application/json",
                           export_oscal_profile(input, s.catalogue().id + "-oscal-catalog.json", stem));
    ImGui::Separator();
    // The confirmation goes into the copied item's own label, so nothing below it moves when it appears
    // or expires (a click aimed at the next item must land on it).
    if (copy_item(ctx, "export.copy_annex")) ctx.shell.copy_text(export_tender_annex(input));
    if (copy_item(ctx, "export.copy_link")) ctx.shell.copy_text(ctx.shell.share_link());
    ImGui::Separator();
    if (item("checklist.export", "checklist.export"))
        ctx.shell.download(stem + "-checklist.json", "application/json", serialize_checklist(s.checklist()));
    if (item("checklist.import", "checklist.import")) {
        ctx.shell.pick_checklist_file();
        ctx.ui.dialog = Dialog::none;
    }
    if (item("checklist.reset", "checklist.reset")) ctx.ui.dialog = Dialog::reset_checklist;
}

}  // namespace procure::ui
