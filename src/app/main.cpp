// The WebAssembly entry point: SDL2 window and WebGL2 context, Dear ImGui, and a frame scheduler
// that draws only when something changed (input, resize, data arriving). An idle tab draws nothing.
//
// The page (web/shell.js) hands data in through the exported app_* functions below; the app calls
// back through browser.hpp.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>  // InputEventsQueue: ImGui spreads fast input over several frames
#include <nlohmann/json.hpp>

#include "browser.hpp"
#include "browser_shell.hpp"
#include "engine/catalogue_loader.hpp"
#include "engine/checklist_file.hpp"
#include "engine/json_document.hpp"
#include "engine/languages.hpp"
#include "engine/session.hpp"
#include "engine/translation.hpp"
#include "engine/view_state.hpp"
#include "fonts.hpp"
#include "ui/mirror.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace {

using namespace procure;

// ImGui settles hover and layout over a couple of frames after an input event.
constexpr int kFramesAfterInput = 3;

struct App {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    app::FontAtlas fonts;
    std::optional<Session> session;
    Problems load_problems;  // why the catalogue could not be loaded, shown instead of the app
    ui::UiState ui;
    app::BrowserShell shell{ui, [] { return session_ptr(); }};
    LanguageRegistry languages;
    std::map<std::string, Overlay> ui_overlays, content_overlays;  // by language code
    std::vector<std::string> broken_translations;                  // problems of unreadable files, to report
    float text_scale = 1.0f;                                       // the reader's font size preference
    std::string mirror_sent;                                       // the last model given to the HTML mirror
    int frames_drawn = 0;
    // Time per frame, for the interaction-cost figures: building the UI (ImGui + views + engine), and
    // submitting it to WebGL (which, with a software renderer, waits for the previous frame's pixels).
    double build_ms_total = 0, submit_ms_total = 0;
    int frames_wanted = 0;
    bool loop_running = false;
    bool ready_signalled = false;
    bool text_input_active = false;
    float touch_travel = 0;  // how far the current touch has moved, in CSS pixels
    bool language_applied = false;  // the interface strings have arrived: the layout is final
    std::vector<std::pair<std::function<std::string()>, bool>> pending_notices;  // see notify()
    std::string out;  // buffer returned to JavaScript

    static Session* session_ptr();
};

App g_app;
Session* App::session_ptr() { return g_app.session ? &*g_app.session : nullptr; }

void draw_load_problems() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("problems", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushFont(ui::fonts().heading);
    ui::wrapped_text(ui::tr("notice.catalogue_failed"));
    ImGui::PopFont();
    for (const Problem& p : g_app.load_problems) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        ui::wrapped_text(format_problem(p));
        ImGui::EndGroup();
    }
    ImGui::End();
}

// A dialog that opens or changes takes a few frames: one hidden frame to measure itself, then its
// first visible one. Drawing must go on until then, or it would wait for the next input to appear.
bool windows_settling() {
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (window->Active && (window->Appearing || window->HiddenFramesCannotSkipItems > 0 || window->HiddenFramesCanSkipItems > 0))
            return true;
    return false;
}

// Keeps the accessible HTML mirror in step with what the frame showed; sent only when it changed.
void update_mirror() {
    if (!g_app.session || !g_app.language_applied) return;
    ui::Context ctx{*g_app.session, g_app.ui, g_app.shell};
    std::string model = ui::mirror_model(ctx);
    if (model == g_app.mirror_sent) return;
    browser::update_mirror(model);
    g_app.mirror_sent = std::move(model);
}

void draw_frame() {
    const double started = emscripten_get_now();
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        // ImGui scrolls with the wheel only: a finger dragging up or down scrolls like a wheel, so lists
        // and panes follow the finger on phones.
        // Once the finger has moved, the touch is a scroll, not a tap: the item under it must not fire.
        if (event.type == SDL_FINGERDOWN) g_app.touch_travel = 0;
        if (event.type == SDL_FINGERMOTION) {
            const float pixels = event.tfinger.dy * ImGui::GetIO().DisplaySize.y;
            ImGui::GetIO().AddMouseWheelEvent(0.0f, pixels / (5.0f * ui::kBodyFontPixels));
            g_app.touch_travel += pixels < 0 ? -pixels : pixels;
            if (g_app.touch_travel > 8.0f) ImGui::ClearActiveID();
        }
        ImGui_ImplSDL2_ProcessEvent(&event);
    }

    const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    g_app.text_scale = browser::text_scale();
    if (g_app.fonts.update(ratio, g_app.text_scale)) {
        ui::set_fonts(g_app.fonts.fonts());
        g_app.frames_wanted = std::max(g_app.frames_wanted, kFramesAfterInput);
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    const ui::Dialog dialog_before = g_app.ui.dialog;
    if (g_app.session) {
        ui::Context ctx{*g_app.session, g_app.ui, g_app.shell};
        ui::draw_app(ctx);
    } else if (!g_app.load_problems.empty()) {
        draw_load_problems();
    }
    ImGui::Render();
    if (g_app.ui.dialog != dialog_before || windows_settling()) g_app.frames_wanted = std::max(g_app.frames_wanted, 3);
    update_mirror();
    const double built = emscripten_get_now();
    g_app.build_ms_total += built - started;

    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput != g_app.text_input_active) {
        g_app.text_input_active = io.WantTextInput;
        browser::set_text_input_active(io.WantTextInput);
    }
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++g_app.frames_drawn;
    g_app.submit_ms_total += emscripten_get_now() - built;

    if (!g_app.ready_signalled && g_app.language_applied && (g_app.session || !g_app.load_problems.empty())) {
        g_app.ready_signalled = true;
        browser::notify_ready();
    }
}

void on_timer(void*);

EM_BOOL on_animation_frame(double, void*) {
    draw_frame();
    // ImGui handles at most one press and release of a key per frame, so fast typing leaves events
    // queued: keep drawing until the queue is empty.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty() || ui::reveal_pending())
        g_app.frames_wanted = std::max(g_app.frames_wanted, 2);
    if (--g_app.frames_wanted > 0) return EM_TRUE;
    g_app.loop_running = false;
    // A timed message ("Copied") must disappear on time even when nothing else happens.
    const double remaining = g_app.ui.copied_until - ImGui::GetTime();
    if (remaining > 0) emscripten_set_timeout(on_timer, remaining * 1000.0 + 20.0, nullptr);
    return EM_FALSE;  // stop: nothing to draw until the next event
}

void request_frames(int count) {
    g_app.frames_wanted = std::max(g_app.frames_wanted, count);
    if (g_app.loop_running) return;
    g_app.loop_running = true;
    emscripten_request_animation_frame_loop(on_animation_frame, nullptr);
}

void on_timer(void*) { request_frames(2); }

// Every SDL event (mouse, touch, keys, text, window) wakes the scheduler, except the sentinel that
// SDL_PollEvent itself pushes on each call: waking on it would draw forever.
int SDLCALL on_sdl_event(void*, SDL_Event* event) {
    if (event->type == SDL_POLLSENTINEL) return 0;
    request_frames(kFramesAfterInput);
    return 0;
}

void notify(std::string text, bool warning) { g_app.ui.notices.push_back({std::move(text), warning}); }

// Notices raised at start-up, while the catalogue and the saved checklist are read, come before the
// interface strings: they wait for them, so they are never shown as bare keys.
void notify(std::function<std::string()> text, bool warning) {
    if (g_app.language_applied) notify(text(), warning);
    else g_app.pending_notices.emplace_back(std::move(text), warning);
}

// The checklist saved in this browser. Unreadable data is set aside under a backup key, never discarded.
void restore_checklist() {
    const std::string key = g_app.shell.checklist_key();
    const auto stored = browser::storage_get(key);
    if (!stored || stored->empty()) return;
    ChecklistImport parsed = parse_checklist(*stored);
    if (parsed.checklist) {
        g_app.session->load_checklist(std::move(*parsed.checklist));
        return;
    }
    browser::storage_set(key + ".unreadable-" + std::to_string(static_cast<long long>(browser::now_ms())), *stored);
    browser::storage_remove(key);
    notify([] { return ui::tr("notice.storage_corrupt"); }, true);
}

// Notes of practices a newer catalogue renamed or removed stay in the checklist (and its file); say so.
void report_orphaned_notes() {
    const std::vector<std::string> orphans = g_app.session->orphaned_notes();
    if (orphans.empty()) return;
    // Each with the start of its note, so the reader sees which work this is.
    std::string ids;
    for (const std::string& id : orphans) {
        ids += (ids.empty() ? "" : "; ") + id;
        const std::string& full = g_app.session->checklist().find(id)->note;
        std::size_t cut = std::min<std::size_t>(full.size(), 80);
        while (cut > 0 && cut < full.size() && (static_cast<unsigned char>(full[cut]) & 0xC0) == 0x80) --cut;  // whole characters
        std::string note = full.substr(0, cut);
        for (char& c : note)
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        if (!note.empty()) ids += ": \u201C" + note + (cut < full.size() ? "\u2026" : "") + "\u201D";
    }
    notify([count = orphans.size(), ids] { return ui::trf("checklist.orphans", {{"count", std::to_string(count)}}) + " (" + ids + ")"; },
           true);
}

void restore_fragment(const std::string& fragment) {
    if (!g_app.session) return;
    DecodedView decoded = decode_fragment(fragment);
    std::vector<std::string> dropped = g_app.session->restore_view(decoded.state);
    dropped.insert(dropped.begin(), decoded.ignored.begin(), decoded.ignored.end());
    g_app.ui.search_buffer = g_app.session->view().query.text;
    if (!dropped.empty()) {
        std::string what;
        for (const auto& d : dropped) what += (what.empty() ? "" : "; ") + d;
        notify([what] { return ui::trf("notice.link_ignored", {{"what", what}}); }, true);
    }
}

std::vector<const Overlay*> chain_for(const std::string& code, const std::map<std::string, Overlay>& overlays) {
    std::vector<std::string> codes = g_app.languages.fallback_chain(code);
    if (codes.empty() || codes.back() != "en") codes.push_back("en");
    std::vector<const Overlay*> chain;
    for (const std::string& c : codes)
        if (auto it = overlays.find(c); it != overlays.end()) chain.push_back(&it->second);
    return chain;
}

// The characters of the texts on offer (interface strings, the catalogue in the current language and
// every language's own name) that the font cannot draw. Tests require none, in every language.
std::string missing_glyphs() {
    const ImFont* font = g_app.fonts.fonts().body;
    if (!font) return {};
    std::set<unsigned int> missing;
    auto scan = [&](std::string_view text) {
        const char* p = text.data();
        const char* end = p + text.size();
        while (p < end) {
            unsigned int c = 0;
            const int length = ImTextCharFromUtf8(&c, p, end);
            if (length <= 0) break;
            p += length;
            if (c >= 0x20 && (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))) missing.insert(c);
        }
    };
    if (auto en = g_app.ui_overlays.find("en"); en != g_app.ui_overlays.end())
        for (const auto& entry : en->second.strings) scan(ui::tr(entry.first));
    if (const Session* s = App::session_ptr()) for_each_text(s->catalogue(), [&](const std::string&, const std::string& text) { scan(text); });
    for (const std::string& name : g_app.ui.language_names) scan(name);
    std::string out;
    for (unsigned int c : missing) {
        char buffer[5] = {};
        ImTextCharToUtf8(buffer, c);
        out += buffer;
    }
    return out;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void app_load_font(int face, const std::uint8_t* data, std::size_t size) {
    g_app.fonts.set_face(face, data, size);
    request_frames(kFramesAfterInput);
}

// The registry of languages (i18n/languages.json); the menu lists them by native name.
EMSCRIPTEN_KEEPALIVE void app_set_languages(const char* data, std::size_t size) {
    LanguageRegistryLoad r = load_language_registry(std::string_view(data, size));
    if (!r.registry) return;
    g_app.languages = std::move(*r.registry);
    g_app.ui.languages.clear();
    g_app.ui.language_names.clear();
    for (const Language& l : g_app.languages.languages) {
        g_app.ui.languages.push_back(l.code);
        g_app.ui.language_names.push_back(l.native_name);
    }
}

// An overlay file: kind 0 = interface strings (i18n/ui), 1 = catalogue content (i18n/content).
EMSCRIPTEN_KEEPALIVE int app_load_overlay(int kind, const char* data, std::size_t size) {
    OverlayLoad r = load_overlay(std::string_view(data, size));
    if (!r.overlay) {
        // The language still works: every text it lacks falls back to English.
        // Reported once the language is applied, when its interface strings are there to say so.
        g_app.broken_translations.push_back(r.problems.empty() ? std::string() : format_problem(r.problems.front()));
        return 0;
    }
    auto& target = kind == 0 ? g_app.ui_overlays : g_app.content_overlays;
    target[r.overlay->language] = std::move(*r.overlay);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void app_apply_language(const char* code) {
    const std::string lang(code);
    ui::set_strings(chain_for(lang, g_app.ui_overlays));
    if (g_app.session) g_app.session->set_language(lang, chain_for(lang, g_app.content_overlays));
    for (const std::string& why : g_app.broken_translations) notify(ui::trf("notice.translation_broken", {{"why", why}}), true);
    g_app.broken_translations.clear();
    g_app.language_applied = true;
    for (auto& [text, warning] : g_app.pending_notices) notify(text(), warning);
    g_app.pending_notices.clear();
    request_frames(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void app_load_catalogue(const char* data, std::size_t size) {
    CatalogueLoad result = load_catalogue(std::string_view(data, size));
    g_app.load_problems = std::move(result.problems);
    if (result.catalogue) {
        g_app.session.emplace(std::move(*result.catalogue));
        restore_checklist();
        restore_fragment(browser::fragment());
        report_orphaned_notes();
    }
    request_frames(kFramesAfterInput);
}

// Asked before the catalogue is copied into the app's memory: 1 when it is within the document size
// limit, else 0, and the app shows the problem in place of the catalogue.
EMSCRIPTEN_KEEPALIVE int app_accepts_catalogue(double bytes) {
    const std::size_t limit = Limits{}.max_document_bytes;
    if (bytes <= static_cast<double>(limit)) return 1;
    g_app.load_problems = {Problem{"", document_size_message(static_cast<std::size_t>(bytes), limit)}};
    request_frames(kFramesAfterInput);
    return 0;
}

// Back/forward or an edited address: the fragment is the view.
EMSCRIPTEN_KEEPALIVE void app_on_fragment(const char* fragment) {
    restore_fragment(fragment);
    request_frames(kFramesAfterInput);
}

// Asked before a picked file is read into memory: 1 when it is small enough, else 0 and the user is told why.
EMSCRIPTEN_KEEPALIVE int app_accepts_file(double bytes) {
    const std::string why = file_size_problem(static_cast<std::size_t>(bytes));
    if (why.empty()) return 1;
    notify(ui::trf("notice.import_failed", {{"why", why}}), true);
    request_frames(kFramesAfterInput);
    return 0;
}

// Another tab saved its checklist (the page's `storage` event). Merged, not taken over: each tab may
// hold changes the other has not seen. The newer change of a practice wins and a losing note is kept
// under it; the merged checklist is saved only when it differs, so two tabs settle after one exchange.
EMSCRIPTEN_KEEPALIVE void app_on_storage_changed(const char* key, const char* value) {
    if (!g_app.session || key != g_app.shell.checklist_key()) return;
    ChecklistImport theirs = parse_checklist(value);
    if (!theirs.checklist) return;  // the other tab reports its own unreadable data
    const std::string& editing = g_app.ui.note_practice;
    const ChecklistEntry* before = g_app.session->checklist().find(editing);
    const std::string note_before = before ? before->note : std::string();
    const MergeReport report = g_app.session->import_checklist(*theirs.checklist, MergeTie::by_content);
    if (!report.refused.empty()) notify(ui::trf("notice.import_failed", {{"why", report.refused}}), true);
    if (report.added + report.updated == 0) return;
    // The note editor shows the merged note. A text box being typed in keeps its own copy of the text,
    // which would overwrite the merge with the next key: it lets go of the keyboard instead.
    const ChecklistEntry* after = g_app.session->checklist().find(editing);
    if ((after ? after->note : std::string()) != note_before) ImGui::ClearActiveID();
    g_app.ui.note_practice.clear();
    if (!report.conflicts.empty())
        notify(ui::trf("notice.other_tab", {{"count", std::to_string(report.conflicts.size())}}), true);
    g_app.shell.save_checklist();
    request_frames(kFramesAfterInput);
}

// A checklist file the user opened.
EMSCRIPTEN_KEEPALIVE void app_on_file(const char* data, std::size_t size) {
    if (!g_app.session) return;
    ChecklistImport parsed = parse_checklist(std::string_view(data, size));
    if (!parsed.checklist) {
        std::string why;
        for (const Problem& p : parsed.problems) why += (why.empty() ? "" : "; ") + format_problem(p);
        notify(ui::trf("notice.import_failed", {{"why", why}}), true);
    } else {
        const MergeReport report = g_app.session->import_checklist(*parsed.checklist);
        notify(ui::trf("notice.import_done", {{"added", std::to_string(report.added)},
                                              {"updated", std::to_string(report.updated)},
                                              {"conflicts", std::to_string(report.conflicts.size())}}),
               !report.conflicts.empty());
        g_app.shell.save_checklist();
    }
    request_frames(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void app_set_system_theme(int dark, int reduced_motion) {
    static bool choice_restored = false;  // the page calls this first once the module is ready
    if (!choice_restored) {
        g_app.shell.restore_theme_choice();
        choice_restored = true;
    }
    g_app.shell.set_system_dark(dark != 0);
    g_app.ui.reduced_motion = reduced_motion != 0;
    g_app.shell.apply_theme();
    request_frames(kFramesAfterInput);
}

// An intent from the accessible HTML mirror (web/mirror.js): the same Session changes as a click.
EMSCRIPTEN_KEEPALIVE int app_mirror_intent(const char* json) {
    if (!g_app.session) return 0;
    ui::Context ctx{*g_app.session, g_app.ui, g_app.shell};
    const bool applied = ui::apply_mirror_intent(ctx, json);
    request_frames(kFramesAfterInput);
    return applied ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void app_request_frame() { request_frames(kFramesAfterInput); }

// Text from the page's hidden text field: typed, composed (dead keys, IME), pasted or from a phone keyboard.
EMSCRIPTEN_KEEPALIVE void app_text_input(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    request_frames(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void app_reveal_widget(const char* name) {
    ui::reveal_widget(name);
    request_frames(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE int app_frame_count() { return g_app.frames_drawn; }

// Widget rectangles in CSS pixels, by name (src/ui/widgets.hpp), for tests and automation.
EMSCRIPTEN_KEEPALIVE const char* app_widgets_json() {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [name, r] : ui::widget_registry()) j[name] = {{"x", r.x}, {"y", r.y}, {"width", r.z}, {"height", r.w}};
    g_app.out = j.dump();
    return g_app.out.c_str();
}

// A snapshot for the page and the browser tests (window.procureApp.state()).
EMSCRIPTEN_KEEPALIVE const char* app_state_json() {
    nlohmann::json state;
    state["frames"] = g_app.frames_drawn;
    state["frameMs"] = {{"build", g_app.build_ms_total}, {"submit", g_app.submit_ms_total}};
    const ImGuiIO& io = ImGui::GetIO();
    state["display"] = {{"width", io.DisplaySize.x}, {"height", io.DisplaySize.y}, {"scale", io.DisplayFramebufferScale.x}};
    state["theme"] = ui::current_theme() == ui::ThemeKind::dark ? "dark" : "light";
    state["reducedMotion"] = g_app.ui.reduced_motion;
    state["textInputActive"] = io.WantTextInput;
    state["focusedWidget"] = ui::focused_widget();
    state["textScale"] = g_app.text_scale;
    nlohmann::json contrast = nlohmann::json::array();
    for (const ui::ColourPair& pair : ui::text_colour_pairs())
        contrast.push_back({{"name", pair.name}, {"text", pair.text}, {"background", pair.background}});
    state["colourPairs"] = contrast;
    nlohmann::json notices = nlohmann::json::array();
    for (const auto& n : g_app.ui.notices) notices.push_back(n.text);
    state["notices"] = notices;
    nlohmann::json problems = nlohmann::json::array();
    for (const Problem& p : g_app.load_problems) problems.push_back(format_problem(p));
    state["problems"] = problems;
    state["catalogue"] = nullptr;
    if (const Session* s = App::session_ptr()) {
        const Catalogue& c = s->catalogue();
        nlohmann::json ids = nlohmann::json::array(), results = nlohmann::json::array();
        for (const Practice& p : c.practices) ids.push_back(p.id);
        for (const ResultItem& r : s->results().items) results.push_back(c.practices[r.practice].id);
        state["catalogue"] = {{"id", c.id}, {"version", c.version}, {"language", c.language}, {"practices", ids}};
        state["results"] = results;
        state["fragment"] = encode_fragment(s->view());
        state["openPractice"] = s->view().open_practice;
        state["search"] = s->view().query.text;
        nlohmann::json checklist = nlohmann::json::object();
        for (const auto& [id, e] : s->checklist().entries)
            checklist[id] = {{"status", std::string(to_string(e.status))}, {"note", e.note}, {"changedAt", e.changed_at_ms}};
        state["checklist"] = checklist;
        state["dialog"] = static_cast<int>(g_app.ui.dialog);
        state["language"] = s->view().language.empty() ? "en" : s->view().language;
        state["missingGlyphs"] = missing_glyphs();
        state["clippedText"] = ui::clipped_text();
    }
    g_app.out = state.dump();
    return g_app.out.c_str();
}

}  // extern "C"

int main() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        emscripten_log(EM_LOG_ERROR, "SDL_Init failed: %s", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // RESIZABLE + ALLOW_HIGHDPI: SDL follows the canvas's CSS size and sizes the backing store to
    // CSS size x devicePixelRatio, also when zoom changes the ratio.
    g_app.window = SDL_CreateWindow("Hospital Procurement Guide", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                    SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_app.window) {
        emscripten_log(EM_LOG_ERROR, "SDL_CreateWindow failed: %s", SDL_GetError());
        return 1;
    }
    g_app.gl = SDL_GL_CreateContext(g_app.window);
    if (!g_app.gl) {
        emscripten_log(EM_LOG_ERROR, "WebGL2 context failed: %s", SDL_GetError());
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not the user's to lose
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle tab drawing
    g_app.shell.apply_theme();
    ImGui_ImplSDL2_InitForOpenGL(g_app.window, g_app.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // SDL's clipboard is internal on the web; copies from text fields go to the system clipboard too.
    io.SetClipboardTextFn = [](void*, const char* text) {
        SDL_SetClipboardText(text);
        browser::copy_text(text);
    };

    SDL_AddEventWatch(on_sdl_event, nullptr);
    request_frames(kFramesAfterInput);
    return 0;  // the runtime stays alive; frames are driven by requestAnimationFrame
}
