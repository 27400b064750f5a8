// The filter panel: scenarios, then each facet's options with the count of results each would give.
// Options that would lead to no results are dimmed; each facet has its own Clear button.
#include <string>

#include <imgui.h>

#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

const char* facet_key(FacetKind kind) {
    switch (kind) {
        case FacetKind::phase: return "phase";
        case FacetKind::asset: return "asset";
        case FacetKind::threat: return "threat";
        case FacetKind::status: return "status";
    }
    return "phase";
}

void draw_facet(Context& ctx, FacetKind kind, const std::vector<FacetOption>& options) {
    const std::string key = facet_key(kind);
    ImGui::PushID(key.c_str());
    bool any_selected = false;
    for (const FacetOption& o : options) any_selected = any_selected || o.selected;

    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr("facet." + key).c_str());
    ImGui::PopFont();
    if (any_selected) {
        const std::string& clear = tr("facets.clear");
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(clear.c_str()).x - ImGui::GetStyle().FramePadding.x * 2 - 6);
        if (ImGui::SmallButton(clear.c_str())) ctx.changed(ctx.session.clear(kind));
        register_widget("facet." + key + ".clear");
    }

    const Catalogue& c = ctx.session.catalogue();
    for (const FacetOption& o : options) {
        const bool dead = o.count == 0 && !o.selected;
        // A checkbox draws its label on one line: long option names get their line breaks here.
        const float label_width = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().ItemInnerSpacing.x;
        const std::string label =
            wrap_to_width(facet_option_label(c, kind, o.id) + "  (" + std::to_string(o.count) + ")", label_width) + "###" + o.id;
        if (dead) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        bool checked = o.selected;
        if (ImGui::Checkbox(label.c_str(), &checked)) ctx.changed(ctx.session.toggle(kind, o.id));
        if (dead) ImGui::PopStyleColor();
        register_widget("facet." + key + "." + o.id);
    }
    ImGui::PopID();
}

void draw_scenarios(Context& ctx) {
    const Catalogue& c = ctx.session.catalogue();
    if (c.scenarios.empty()) return;
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr("scenarios.heading").c_str());
    ImGui::PopFont();
    for (const Scenario& s : c.scenarios) {
        const bool active = ctx.session.view().scenario == s.id;
        ImGui::PushID(s.id.c_str());
        if (wrapped_button("scenario", s.name, active)) ctx.changed(ctx.session.apply_scenario(s.id));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) ImGui::SetTooltip("%s", s.description.c_str());
        register_widget("scenario." + s.id);
        ImGui::PopID();
    }
}

// Share of each phase's practices that are verified or not applicable.
void draw_progress(Context& ctx) {
    const Catalogue& c = ctx.session.catalogue();
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr("progress.heading").c_str());
    ImGui::PopFont();
    for (std::size_t ph = 0; ph < c.phases.size(); ++ph) {
        int total = 0, done = 0;
        for (std::size_t i = 0; i < c.practices.size(); ++i) {
            if (c.practices[i].phase != c.phases[ph].id) continue;
            ++total;
            const Status s = ctx.session.status_of(i);
            if (s == Status::verified || s == Status::not_applicable) ++done;
        }
        if (!total) continue;
        ImGui::TextUnformatted(c.phases[ph].name.c_str());
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().phase[ph % 4]);
        const std::string overlay = trf("progress.phase", {{"done", std::to_string(done)}, {"total", std::to_string(total)}});
        ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(total), ImVec2(-1, 0), overlay.c_str());
        ImGui::PopStyleColor();
        register_widget("progress." + c.phases[ph].id);
    }
}

}  // namespace

void draw_facet_panel(Context& ctx) {
    if (ctx.layout == LayoutKind::phone) {
        focus_if_requested("drawer.close");
        if (ImGui::Button(tr("detail.back").c_str())) {
            ctx.ui.filter_drawer_open = false;
            if (ImGui::GetIO().NavVisible) request_focus("drawer.open");
        }
        register_widget("drawer.close");
    }
    draw_scenarios(ctx);
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    wrapped_text(tr("facets.semantics"));
    ImGui::PopStyleColor();
    const FacetCounts& f = ctx.session.results().facets;
    draw_facet(ctx, FacetKind::phase, f.phases);
    draw_facet(ctx, FacetKind::asset, f.assets);
    draw_facet(ctx, FacetKind::threat, f.threats);
    draw_facet(ctx, FacetKind::status, f.statuses);
    ImGui::Separator();
    draw_progress(ctx);
}

}  // namespace procure::ui
