// The whole window: header, notices, and the body laid out for the screen's width.
//   wide (>= 1100 px): filters | results | detail
//   medium:            filters | results, or the open practice in place of the results
//   phone (< 720 px):  one column; filters in a drawer; the open practice as its own page
#include <string>

#include <imgui.h>
#include <imgui_internal.h>  // SetKeyOwner: the app, not ImGui's navigation, answers Esc

#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {

const char* status_label(Status s) { return tr("status." + std::string(to_string(s))).c_str(); }

std::string facet_option_label(const Catalogue& c, FacetKind kind, const std::string& id) {
    const Term* t = nullptr;
    switch (kind) {
        case FacetKind::phase: t = c.find_phase(id); break;
        case FacetKind::asset: t = c.find_asset_type(id); break;
        case FacetKind::threat: t = c.find_threat(id); break;
        case FacetKind::status:
            if (auto s = status_from_string(id)) return status_label(*s);
            return id;
    }
    return t ? t->name : id;
}

int phase_index(const Catalogue& c, const std::string& phase_id) {
    for (std::size_t i = 0; i < c.phases.size(); ++i)
        if (c.phases[i].id == phase_id) return static_cast<int>(i);
    return 0;
}

namespace {

void handle_keys(Context& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // keys belong to the text field (the search box handles its own Esc)
    // "/" focuses search. Read as a typed character, so it works on every keyboard layout.
    for (ImWchar c : io.InputQueueCharacters)
        if (c == '/') ctx.ui.focus_search = true;
    // ImGui's own Esc would only move the keyboard focus out of the pane and lose the reader's place.
    // Claimed for the next frame; open popups (menus, the language list) keep ImGui's Esc.
    const ImGuiID escape_owner = ImGui::GetID("app.escape");
    const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, escape_owner) || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    // ImGui has already closed a menu by the time this runs; that Esc was the menu's. (The dialogs are
    // modal popups, which ImGui leaves open: the app closes them below.)
    static bool popup_was_open = false;
    const bool closed_popup = popup_was_open;
    popup_was_open = ctx.ui.dialog == Dialog::none && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!popup_was_open) ImGui::SetKeyOwner(ImGuiKey_Escape, escape_owner);
    if (escape && !closed_popup) {
        if (ctx.ui.dialog != Dialog::none) ctx.ui.dialog = Dialog::none;
        else if (ctx.ui.filter_drawer_open) {
            ctx.ui.filter_drawer_open = false;
            request_focus("drawer.open");
        } else if (const Practice* open = ctx.session.open_practice()) {
            request_focus("card." + open->id);
            ctx.changed(ctx.session.open(""));
        } else if (!ctx.session.view().query.text.empty()) {
            ctx.ui.search_buffer.clear();
            ctx.changed(ctx.session.set_text(""), false);
        } else {
            ctx.shell.leave_canvas();
        }
    }
}

void draw_body(Context& ctx, float height) {
    const ViewMode mode = ctx.session.view().view;
    const float width = ImGui::GetContentRegionAvail().x;
    // NavFlattened: Tab and the arrow keys move through all panes as one page (search, results, detail),
    // not only within the pane that has the focus.
    const ImGuiWindowFlags pane_flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened;

    if (mode == ViewMode::guide) {
        ImGui::BeginChild("guide", ImVec2(width, height), false, pane_flags);
        draw_guide(ctx);
        ImGui::EndChild();
        return;
    }
    const bool detail_open = ctx.session.open_practice() != nullptr;
    if (ctx.layout == LayoutKind::phone) {
        if (ctx.ui.filter_drawer_open) {
            ImGui::BeginChild("drawer", ImVec2(width, height), false, pane_flags);
            draw_facet_panel(ctx);
            ImGui::EndChild();
        } else if (detail_open) {
            ImGui::BeginChild("detail", ImVec2(width, height), false, pane_flags);
            draw_detail(ctx, true);
            ImGui::EndChild();
        } else {
            ImGui::BeginChild("results", ImVec2(width, height), false, pane_flags);
            if (mode == ViewMode::matrix) draw_matrix(ctx);
            else draw_results(ctx);
            ImGui::EndChild();
        }
        return;
    }

    const float gap = 12.0f;
    const float facets_width = ctx.layout == LayoutKind::wide ? 300.0f : 270.0f;
    ImGui::BeginChild("facets", ImVec2(facets_width, height), true, pane_flags);
    draw_facet_panel(ctx);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    const float rest = ImGui::GetContentRegionAvail().x;

    if (mode == ViewMode::matrix) {
        ImGui::BeginChild("matrix", ImVec2(rest, height), false, pane_flags);
        draw_matrix(ctx);
        ImGui::EndChild();
        return;
    }
    if (ctx.layout == LayoutKind::wide) {
        const float detail_width = rest * 0.5f;
        ImGui::BeginChild("results", ImVec2(rest - detail_width - gap, height), false, pane_flags);
        draw_results(ctx);
        ImGui::EndChild();
        ImGui::SameLine(0, gap);
        ImGui::BeginChild("detail", ImVec2(detail_width, height), true, pane_flags);
        draw_detail(ctx, false);
        ImGui::EndChild();
    } else {
        ImGui::BeginChild(detail_open ? "detail" : "results", ImVec2(rest, height), detail_open, pane_flags);
        if (detail_open) draw_detail(ctx, true);
        else draw_results(ctx);
        ImGui::EndChild();
    }
}

}  // namespace

void draw_app(Context& ctx) {
    begin_widget_registry();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float w = viewport->WorkSize.x;
    ctx.layout = w < 720.0f ? LayoutKind::phone : w < 1100.0f ? LayoutKind::medium : LayoutKind::wide;

    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ctx.layout == LayoutKind::phone ? ImVec2(12, 10) : ImVec2(20, 14));
    ImGui::Begin("Hospital Procurement Guide", nullptr, flags);
    ImGui::PopStyleVar();
    handle_keys(ctx);
    draw_header(ctx);
    draw_notices(ctx);
    const float height = ImGui::GetContentRegionAvail().y;
    draw_body(ctx, height);
    draw_dialogs(ctx);
    ImGui::End();
}

}  // namespace procure::ui
