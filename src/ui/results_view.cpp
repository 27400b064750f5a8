// The search box, the active-filter chips, the result count and the result cards (or an empty state
// that says which filter to relax).
#include <string>

#include <imgui.h>
#include <imgui_internal.h>  // ActivateItemByID: "/" puts the caret in the search box
#include <imgui_stdlib.h>

#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

void draw_search_box(Context& ctx) {
    if (ctx.ui.focus_search) {
        ImGui::ActivateItemByID(ImGui::GetID("##search"));
        ctx.ui.focus_search = false;
    }
    ImGui::SetNextItemWidth(-1);
    const float hint_width = ImGui::CalcItemWidth() - ImGui::GetStyle().FramePadding.x * 2;
    const std::string hint = hint_to_fit(tr("search.hint"), hint_width);
    const bool edited = ImGui::InputTextWithHint("##search", hint.c_str(), &ctx.ui.search_buffer);
    register_widget("search");
    if (ctx.ui.search_buffer.empty()) note_if_clipped(hint, ImGui::CalcTextSize(hint.c_str()).x, hint_width);
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_Escape) && !ctx.ui.search_buffer.empty()) {
        ctx.ui.search_buffer.clear();
        ctx.changed(ctx.session.set_text(""), false);
    } else if (edited) {
        ctx.changed(ctx.session.set_text(ctx.ui.search_buffer), false);  // typing replaces the history entry
    }
}

struct ActiveFilter {
    FacetKind kind;
    std::string id;
};

std::vector<ActiveFilter> active_filters(const Session& s) {
    std::vector<ActiveFilter> out;
    const Query& q = s.view().query;
    for (const auto& id : q.facets.phases) out.push_back({FacetKind::phase, id});
    for (const auto& id : q.facets.assets) out.push_back({FacetKind::asset, id});
    for (const auto& id : q.facets.threats) out.push_back({FacetKind::threat, id});
    for (Status st : q.statuses) out.push_back({FacetKind::status, std::string(to_string(st))});
    return out;
}

void draw_chips(Context& ctx) {
    const auto filters = active_filters(ctx.session);
    const Catalogue& c = ctx.session.catalogue();
    const float right = ImGui::GetContentRegionMax().x;
    for (std::size_t i = 0; i < filters.size(); ++i) {
        const std::string label = facet_option_label(c, filters[i].kind, filters[i].id);
        const float width = ImGui::CalcTextSize(label.c_str()).x + 40;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        if (chip(("chip" + std::to_string(i)).c_str(), label, true)) ctx.changed(ctx.session.toggle(filters[i].kind, filters[i].id));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("chip.remove").c_str());
        register_widget("chip." + filters[i].id);
    }
    if (!filters.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("facets.clear_all").c_str())) ctx.changed(ctx.session.clear_all());
        register_widget("chips.clear_all");
    }
}

void draw_count(Context& ctx) {
    const Results& r = ctx.session.results();
    const std::string count = trf("results.count", {{"shown", std::to_string(r.items.size())},
                                                    {"total", std::to_string(ctx.session.catalogue().practices.size())}});
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(count.c_str());
    ImGui::PopFont();
    register_widget("results.count");
    if (ctx.layout == LayoutKind::phone) {
        const int active = static_cast<int>(active_filters(ctx.session).size());
        const std::string label = tr("header.filters") + (active ? " (" + std::to_string(active) + ")" : "") + "###filters";
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(label.c_str()).x - 24);
        focus_if_requested("drawer.open");
        if (ImGui::Button(label.c_str())) {
            ctx.ui.filter_drawer_open = true;
            if (ImGui::GetIO().NavVisible) request_focus("drawer.close");
        }
        register_widget("drawer.open");
    }
    if (!r.search.ignored.empty()) {
        std::string what;
        for (const auto& s : r.search.ignored) what += (what.empty() ? "" : "; ") + s;
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
        wrapped_text(trf("results.ignored", {{"what", what}}));
        ImGui::PopStyleColor();
    }
}

// Says which single change would bring results back, using the facet counts.
void draw_empty_state(Context& ctx) {
    ImGui::Dummy(ImVec2(0, 12));
    ImGui::PushFont(fonts().bold);
    wrapped_text(tr("results.empty_title"));
    ImGui::PopFont();
    wrapped_text(tr("results.empty_hint"));
    const Session& s = ctx.session;
    const Catalogue& c = s.catalogue();
    const FacetCounts& f = s.results().facets;
    auto offer = [&](FacetKind kind, const std::vector<FacetOption>& options) {
        for (const FacetOption& o : options) {
            if (!o.selected) continue;
            const std::string label = trf("results.remove", {{"name", facet_option_label(c, kind, o.id)}}) + "  (" +
                                      std::to_string(o.count) + ")##relax" + o.id;
            if (ImGui::Button(label.c_str())) ctx.changed(ctx.session.toggle(kind, o.id));
            register_widget("empty.remove." + o.id);
        }
    };
    offer(FacetKind::phase, f.phases);
    offer(FacetKind::asset, f.assets);
    offer(FacetKind::threat, f.threats);
    offer(FacetKind::status, f.statuses);
    if (!s.view().query.text.empty()) {
        if (ImGui::Button((trf("results.clear_search", {{"text", s.view().query.text}}) + "##relax-text").c_str())) {
            ctx.ui.search_buffer.clear();
            ctx.changed(ctx.session.set_text(""));
        }
        register_widget("empty.clear_search");
    }
}

void draw_card(Context& ctx, const ResultItem& item) {
    const Catalogue& c = ctx.session.catalogue();
    const Practice& p = c.practices[item.practice];
    const bool searching = !ctx.session.results().search.terms.empty();
    const std::vector<Highlight> marks =
        searching ? ctx.session.engine().search_index().highlights(item.practice, ctx.session.results().search) : std::vector<Highlight>{};
    const bool selected = ctx.session.view().open_practice == p.id;

    ImGui::PushID(p.id.c_str());
    const float pad = 14.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x - 4;
    const float inner = width - pad * 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);

    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad * 0.8f));
    ImGui::BeginGroup();
    const int ph = phase_index(c, p.phase);
    badge(std::to_string(p.number), palette().phase[ph % 4]);
    ImGui::SameLine();
    badge(c.phases[static_cast<std::size_t>(ph)].name, palette().phase[ph % 4]);
    const Status status = ctx.session.status_of(item.practice);
    if (status != Status::not_started) {
        ImGui::SameLine();
        badge(status_label(status), palette().status[static_cast<int>(status)]);
    }
    ImGui::PushFont(fonts().bold);
    wrapped_text(p.title, highlight_ranges(marks, TextField::title), 0, inner);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    wrapped_text(p.summary, highlight_ranges(marks, TextField::summary), 0, inner);
    ImGui::PopStyleColor();
    // Links as compact text: a card stays short; the detail pane lists them in full with provenance.
    auto names = [](const std::vector<Link>& links, auto&& find) {
        std::string out;
        for (const Link& l : links)
            if (const Term* t = find(l.id)) out += (out.empty() ? "" : " \xC2\xB7 ") + t->name;
        return out;
    };
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    wrapped_text(names(p.assets, [&](const std::string& id) { return c.find_asset_type(id); }), {}, 0, inner);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    wrapped_text(tr("detail.threats") + ": " + names(p.threats, [&](const std::string& id) { return c.find_threat(id); }), {}, 0, inner);
    ImGui::PopStyleColor(2);
    ImGui::PopFont();
    ImGui::EndGroup();

    const float bottom = ImGui::GetItemRectMax().y + pad * 0.8f;
    const ImVec2 end(start.x + width, bottom);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, palette().surface, 8.0f);
    dl->AddRect(start, end, selected ? palette().accent : palette().border, 8.0f, 0, selected ? 2.0f : 1.0f);
    dl->ChannelsMerge();

    ImGui::SetCursorScreenPos(start);
    focus_if_requested("card." + p.id);
    if (ImGui::InvisibleButton("card", ImVec2(width, bottom - start.y))) {
        ctx.changed(ctx.session.open(p.id));
        if (ImGui::GetIO().NavVisible) request_focus("detail.close");  // opened with Enter or Space, not a click
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring();
    register_widget("card." + p.id);
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::PopID();
}

}  // namespace

void draw_results(Context& ctx) {
    draw_search_box(ctx);
    draw_chips(ctx);
    draw_count(ctx);
    const Results& r = ctx.session.results();
    ImGui::BeginChild("cards", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    if (r.items.empty()) draw_empty_state(ctx);
    for (const ResultItem& item : r.items) draw_card(ctx, item);
    ImGui::EndChild();
}

}  // namespace procure::ui
