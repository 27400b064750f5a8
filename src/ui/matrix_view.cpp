// The matrix: practices x types of procurement (or x threats), rows grouped by phase. Rows in the
// current results are highlighted, the row's checklist status is its colour, and a click on a cell
// opens the practice.
#include <string>

#include <imgui.h>

#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

bool links_to(const std::vector<Link>& links, const std::string& id) {
    for (const Link& l : links)
        if (l.id == id) return true;
    return false;
}

}  // namespace

void draw_matrix(Context& ctx) {
    const Catalogue& c = ctx.session.catalogue();
    const bool by_threat = ctx.session.view().matrix_axis == "threats";
    const std::vector<Term>& columns = by_threat ? c.threats : c.asset_types;

    if (ImGui::RadioButton(tr("matrix.axis_assets").c_str(), !by_threat)) ctx.changed(ctx.session.set_matrix_axis(""));
    register_widget("matrix.axis.assets");
    const float threats_width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr("matrix.axis_threats").c_str()).x;
    same_line_if_fits(threats_width);
    if (ImGui::RadioButton(tr("matrix.axis_threats").c_str(), by_threat)) ctx.changed(ctx.session.set_matrix_axis("threats"));
    register_widget("matrix.axis.threats");
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    wrapped_text(tr("matrix.legend"));
    ImGui::PopStyleColor();

    std::vector<bool> in_results(c.practices.size(), false);
    for (const ResultItem& r : ctx.session.results().items) in_results[r.practice] = true;
    const bool filtered = !ctx.session.view().query.empty();

    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg | ImGuiTableFlags_HighlightHoveredColumn;
    const int column_count = static_cast<int>(columns.size()) + 1;
    if (!ImGui::BeginTable("matrix", column_count, flags, ImVec2(0, 0))) return;
    const float title_width = ctx.layout == LayoutKind::phone ? 170.0f : 330.0f;
    ImGui::TableSetupColumn(tr("tab.practices").c_str(), ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_WidthFixed, title_width);
    for (const Term& t : columns)
        ImGui::TableSetupColumn(t.name.c_str(), ImGuiTableColumnFlags_AngledHeader | ImGuiTableColumnFlags_WidthFixed, 34.0f);
    ImGui::TableSetupScrollFreeze(1, 2);
    ImGui::TableAngledHeadersRow();
    ImGui::TableHeadersRow();

    for (std::size_t ph = 0; ph < c.phases.size(); ++ph) {
        const Term& phase = c.phases[ph];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushFont(fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().phase[ph % 4]);
        ImGui::TextUnformatted(phase.name.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        for (std::size_t i = 0; i < c.practices.size(); ++i) {
            const Practice& p = c.practices[i];
            if (p.phase != phase.id) continue;
            ImGui::PushID(p.id.c_str());
            ImGui::TableNextRow();
            const bool hit = in_results[i];
            if (filtered && hit) {
                ImVec4 h = ImGui::ColorConvertU32ToFloat4(palette().highlight);
                h.w = 0.35f;
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::ColorConvertFloat4ToU32(h));
            }
            const Status status = ctx.session.status_of(i);
            const ImU32 status_colour = palette().status[static_cast<int>(status)];
            ImGui::TableSetColumnIndex(0);
            // The status colour as a bar at the row's start; the label says it in words for colour-blind users.
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + 5, at.y + ImGui::GetTextLineHeight()),
                                                      status == Status::not_started ? palette().border : status_colour, 2.0f);
            ImGui::SetCursorScreenPos(ImVec2(at.x + 10, at.y));
            if (filtered && !hit) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
            // Long titles end in "…" in the fixed title column; the tooltip shows them in full.
            const std::string label = ellipsize(std::to_string(p.number) + ". " + p.title, ImGui::GetContentRegionAvail().x) + "###row";
            if (ImGui::Selectable(label.c_str(), ctx.session.view().open_practice == p.id)) {
                ctx.session.set_view_mode(ViewMode::list);
                ctx.changed(ctx.session.open(p.id));
            }
            if (filtered && !hit) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s", p.title.c_str(), status_label(status));
            register_widget("matrix.row." + p.id);
            for (std::size_t col = 0; col < columns.size(); ++col) {
                ImGui::TableSetColumnIndex(static_cast<int>(col) + 1);
                const bool linked = links_to(by_threat ? p.threats : p.assets, columns[col].id);
                ImGui::PushID(static_cast<int>(col));
                if (ImGui::Selectable("##cell", false, 0, ImVec2(24, 0)) && linked) {
                    ctx.session.set_view_mode(ViewMode::list);
                    ctx.changed(ctx.session.open(p.id));
                }
                if (linked) {  // a dot drawn, not a glyph: no font needs to carry it
                    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), 5.5f,
                                                                status == Status::not_started ? palette().text : status_colour);
                }
                if (linked && ImGui::IsItemHovered()) ImGui::SetTooltip("%s \xC3\x97 %s", p.title.c_str(), columns[col].name.c_str());
                register_widget("matrix.cell." + p.id + "." + columns[col].id);
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace procure::ui
