#include "browser_shell.hpp"

#include <nlohmann/json.hpp>

#include "browser.hpp"
#include "engine/checklist_file.hpp"
#include "engine/file_name.hpp"
#include "engine/view_state.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

namespace procure::app {
namespace {
constexpr const char* kThemeKey = "hospital-procurement.theme";
}

void BrowserShell::persist(const Changes& changes, bool new_history_entry) {
    Session* s = session_();
    if (!s) return;
    if (changes.view) browser::set_fragment(encode_fragment(s->view()), new_history_entry);
    if (changes.checklist) save_checklist();
}

std::string BrowserShell::checklist_key() const {
    const Session* s = session_();
    return "hospital-procurement.checklist." + (s ? s->source().id : std::string("unknown"));
}

void BrowserShell::save_checklist() {
    Session* s = session_();
    if (!s) return;
    const auto result = browser::storage_set(checklist_key(), serialize_checklist(s->checklist()));
    if (result == browser::StoreResult::ok) return;
    const std::string& text = ui::tr("notice.storage_full");
    for (const ui::Notice& n : ui_.notices)
        if (n.text == text) return;
    ui_.notices.push_back({text, true});
}

std::int64_t BrowserShell::now_ms() { return static_cast<std::int64_t>(browser::now_ms()); }

void BrowserShell::copy_text(const std::string& text) { browser::copy_text(text); }

// Names can carry a catalogue's id, so each is made safe here, where every download passes.
void BrowserShell::download(const std::string& file_name, const std::string& mime_type, const std::string& content) {
    browser::download(safe_file_name(file_name), mime_type, content);
}

void BrowserShell::download_docx(const std::string& file_name, const DocxParts& parts) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [path, content] : parts) j[path] = content;
    browser::download_docx(safe_file_name(file_name), j.dump());
}

void BrowserShell::open_report(const std::string& html) { browser::open_report(html); }

void BrowserShell::pick_checklist_file() { browser::pick_file(); }

void BrowserShell::choose_language(const std::string& code) { browser::choose_language(code); }

void BrowserShell::leave_canvas() { browser::leave_canvas(); }

void BrowserShell::choose_theme(ui::ThemeChoice choice) {
    theme_ = choice;
    browser::storage_set(kThemeKey, choice == ui::ThemeChoice::light ? "light" : choice == ui::ThemeChoice::dark ? "dark" : "auto");
    apply_theme();
}

void BrowserShell::restore_theme_choice() {
    const auto stored = browser::storage_get(kThemeKey).value_or("auto");
    theme_ = stored == "light" ? ui::ThemeChoice::light : stored == "dark" ? ui::ThemeChoice::dark : ui::ThemeChoice::automatic;
}

void BrowserShell::apply_theme() {
    const bool dark = theme_ == ui::ThemeChoice::dark || (theme_ == ui::ThemeChoice::automatic && system_dark_);
    ui::apply_theme(dark ? ui::ThemeKind::dark : ui::ThemeKind::light);
}

std::string BrowserShell::share_link() const {
    const Session* s = session_();
    const std::string base = browser::page_url_without_fragment();
    if (!s) return base;
    const std::string fragment = encode_fragment(s->view());
    return fragment.empty() ? base : base + "#" + fragment;
}

}  // namespace procure::app
