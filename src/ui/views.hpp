// The views of the interface. Each draws part of the Session and turns clicks and keys into intents.
#pragma once

#include "engine/session.hpp"
#include "shell.hpp"
#include "ui_state.hpp"

namespace procure::ui {

enum class LayoutKind { phone, medium, wide };

struct Context {
    Session& session;
    UiState& ui;
    Shell& shell;
    LayoutKind layout = LayoutKind::wide;

    // Applies an intent's changes: URL and storage through the shell.
    void changed(const Changes& c, bool new_history_entry = true) { shell.persist(c, new_history_entry); }
};

void draw_app(Context& ctx);  // the whole window

void draw_header(Context& ctx);
void draw_notices(Context& ctx);
void draw_facet_panel(Context& ctx);
void draw_results(Context& ctx);
void draw_detail(Context& ctx, bool as_page);
void draw_matrix(Context& ctx);
void draw_guide(Context& ctx);
void draw_dialogs(Context& ctx);
void draw_export_menu(Context& ctx);

// Labels shared by several views.
const char* status_label(Status s);
std::string facet_option_label(const Catalogue& c, FacetKind kind, const std::string& id);
int phase_index(const Catalogue& c, const std::string& phase_id);

}  // namespace procure::ui
