// One practice in full: why it matters, tender clauses, evidence, links with their provenance,
// references, and the user's checklist status and note (saved on every change).
#include <ctime>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "note_editor.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

std::string format_time(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
    return buffer;
}

void draw_links(const Catalogue& c, const std::vector<Link>& links, bool assets) {
    bool editorial = false;
    std::string text;
    for (const Link& l : links) {
        const Term* t = assets ? c.find_asset_type(l.id) : c.find_threat(l.id);
        text += (text.empty() ? "" : " \xC2\xB7 ") + (t ? t->name : l.id);
        if (l.provenance != Provenance::official && l.provenance != Provenance::confirmed) {
            text += " (" + tr("provenance." + std::string(to_string(l.provenance))) + ")";
            editorial = true;
        }
    }
    wrapped_text(text);
    if (editorial) {
        ImGui::PushFont(fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
        wrapped_text(tr("detail.editorial_links"));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
}

void draw_checklist(Context& ctx, const Practice& p, std::size_t index) {
    section_heading(tr("detail.checklist"));
    const Status current = ctx.session.status_of(index);
    for (Status s : kAllStatuses) {
        if (s != kAllStatuses[0]) same_line_if_fits(button_width(status_label(s)));
        ImGui::PushID(static_cast<int>(s));
        const bool on = s == current;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, palette().status[static_cast<int>(s)]);
        if (on) ImGui::PushStyleColor(ImGuiCol_Text, palette().surface);
        if (ImGui::Button(status_label(s))) ctx.changed(ctx.session.set_status(p.id, s, ctx.shell.now_ms()));
        if (on) ImGui::PopStyleColor(2);
        focus_ring();
        register_widget("detail.status." + std::string(to_string(s)));
        ImGui::PopID();
    }

    // The editor works on a buffer; every edit is saved at once, so a crash or reload loses nothing.
    if (ctx.ui.note_practice != p.id) {
        ctx.ui.note_practice = p.id;
        const ChecklistEntry* e = ctx.session.entry_of(index);
        ctx.ui.note_buffer = e ? e->note : std::string();
    }
    ImGui::TextUnformatted(tr("detail.note").c_str());
    const float height = ImGui::GetTextLineHeight() * 6;
    if (note_editor("##note", ctx.ui.note_buffer, ImVec2(-1, height), ctx.ui.notices))
        ctx.changed(ctx.session.set_note(p.id, ctx.ui.note_buffer, ctx.shell.now_ms()));
    register_widget("detail.note");
    if (ctx.ui.note_buffer.empty() && !ImGui::IsItemActive()) {
        const ImVec2 at = ImGui::GetItemRectMin();
        const float wrap = ImGui::GetItemRectSize().x - 20;  // the hint wraps inside the box, as typed text does
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + 10, at.y + 6),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), tr("detail.note_hint").c_str(), nullptr, wrap);
    }
    const ChecklistEntry* e = ctx.session.entry_of(index);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::TextUnformatted(e && e->changed_at_ms ? trf("detail.changed", {{"when", format_time(e->changed_at_ms)}}).c_str()
                                                 : tr("detail.never_changed").c_str());
    ImGui::PopStyleColor();
}

}  // namespace

void draw_detail(Context& ctx, bool as_page) {
    const Practice* open = ctx.session.open_practice();
    if (!open) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
        wrapped_text(tr("detail.none"));
        ImGui::PopStyleColor();
        return;
    }
    const Practice& p = *open;
    const Catalogue& c = ctx.session.catalogue();
    const std::size_t index = *ctx.session.practice_index(p.id);
    const auto& search = ctx.session.results().search;
    const std::vector<Highlight> marks =
        search.terms.empty() ? std::vector<Highlight>{} : ctx.session.engine().search_index().highlights(index, search);

    focus_if_requested("detail.close");
    if (ImGui::Button((as_page ? tr("detail.back") : tr("detail.close")).c_str())) {
        if (ImGui::GetIO().NavVisible) request_focus("card." + p.id);
        ctx.changed(ctx.session.open(""));
    }
    register_widget("detail.close");

    const int ph = phase_index(c, p.phase);
    badge(trf("card.practice", {{"number", std::to_string(p.number)}}), palette().phase[ph % 4]);
    ImGui::SameLine();
    badge(trf("detail.phase", {{"phase", c.phases[static_cast<std::size_t>(ph)].name}}), palette().phase[ph % 4]);
    ImGui::PushFont(fonts().heading);
    wrapped_text(p.title, highlight_ranges(marks, TextField::title));
    ImGui::PopFont();
    if (p.phase_provenance == Provenance::likely || p.phase_provenance == Provenance::editorial) {
        ImGui::PushFont(fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
        wrapped_text(tr("detail.phase_likely"));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::PushFont(fonts().bold);
    wrapped_text(p.summary, highlight_ranges(marks, TextField::summary));
    ImGui::PopFont();

    section_heading(tr("detail.why"));
    wrapped_text(p.why, highlight_ranges(marks, TextField::why));

    section_heading(tr("detail.how"));
    std::string all_clauses;
    for (std::size_t i = 0; i < p.clauses.size(); ++i) {
        const std::string number = std::to_string(i + 1) + ".";
        ImGui::TextUnformatted(number.c_str());
        ImGui::SameLine(36);
        ImGui::BeginGroup();
        wrapped_text(p.clauses[i], highlight_ranges(marks, TextField::clause, static_cast<std::uint16_t>(i)));
        ImGui::EndGroup();
        all_clauses += number + " " + p.clauses[i] + "\n";
    }
    if (ImGui::Button(tr("detail.copy_clauses").c_str())) {
        ctx.shell.copy_text(all_clauses);
        ctx.ui.copied_item = "detail.copy_clauses";
        ctx.ui.copied_until = ImGui::GetTime() + 2.0;
    }
    register_widget("detail.copy_clauses");
    if (ctx.ui.copied_item == "detail.copy_clauses" && ImGui::GetTime() < ctx.ui.copied_until) {
        ImGui::SameLine();
        ImGui::TextUnformatted(tr("export.copied").c_str());
    }

    section_heading(tr("detail.evidence"));
    for (std::size_t i = 0; i < p.evidence.size(); ++i) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        wrapped_text(p.evidence[i], highlight_ranges(marks, TextField::evidence, static_cast<std::uint16_t>(i)));
        ImGui::EndGroup();
    }

    draw_checklist(ctx, p, index);

    section_heading(tr("detail.applies"));
    draw_links(c, p.assets, true);
    section_heading(tr("detail.threats"));
    draw_links(c, p.threats, false);

    if (!p.references.empty()) {
        section_heading(tr("detail.references"));
        for (const std::string& id : p.references) {
            const Reference* r = c.find_reference(id);
            if (!r) continue;
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::BeginGroup();
            ImGui::PushFont(fonts().bold);
            wrapped_text(r->identifier.empty() ? r->title : r->title + " \xE2\x80\x94 " + r->identifier);
            ImGui::PopFont();
            wrapped_text(r->description);
            ImGui::EndGroup();
        }
    }
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace procure::ui
