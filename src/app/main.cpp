// The WebAssembly entry point: SDL2 window and WebGL2 context, Dear ImGui, and a frame scheduler
// that draws only when something changed (input, resize, data arriving). An idle tab draws nothing.
//
// The page (web/shell.js) hands data in through the exported app_* functions below.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <nlohmann/json.hpp>

#include "browser.hpp"
#include "engine/catalogue_loader.hpp"
#include "fonts.hpp"
#include "ui/catalogue_view.hpp"
#include "ui/session.hpp"
#include "ui/theme.hpp"

namespace {

using namespace procure;

// ImGui settles hover and layout over a couple of frames after an input event.
constexpr int kFramesAfterInput = 3;

struct App {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    app::FontAtlas fonts;
    ui::Session session;
    int frames_drawn = 0;
    int frames_wanted = 0;
    bool loop_running = false;
    bool ready_signalled = false;
    std::string state_json;  // buffer returned to JavaScript by app_state_json
};

App g_app;

void draw_frame() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);

    const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (g_app.fonts.update(ratio)) g_app.frames_wanted = std::max(g_app.frames_wanted, kFramesAfterInput);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ui::draw_catalogue_view(g_app.session, g_app.fonts.fonts());
    ImGui::Render();

    const ImGuiIO& io = ImGui::GetIO();
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++g_app.frames_drawn;

    if (!g_app.ready_signalled && (g_app.session.catalogue || !g_app.session.load_problems.empty())) {
        g_app.ready_signalled = true;
        browser::notify_ready();
    }
}

EM_BOOL on_animation_frame(double, void*) {
    draw_frame();
    if (--g_app.frames_wanted > 0) return EM_TRUE;
    g_app.loop_running = false;
    return EM_FALSE;  // stop: nothing to draw until the next event
}

void request_frames(int count) {
    g_app.frames_wanted = std::max(g_app.frames_wanted, count);
    if (g_app.loop_running) return;
    g_app.loop_running = true;
    emscripten_request_animation_frame_loop(on_animation_frame, nullptr);
}

// Every SDL event (mouse, touch, keys, text, window) wakes the scheduler, except the sentinel that
// SDL_PollEvent itself pushes on each call: waking on it would draw forever.
int SDLCALL on_sdl_event(void*, SDL_Event* event) {
    if (event->type == SDL_POLLSENTINEL) return 0;
    request_frames(kFramesAfterInput);
    return 0;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void app_load_font(int face, const std::uint8_t* data, std::size_t size) {
    g_app.fonts.set_face(face, data, size);
    request_frames(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void app_load_catalogue(const char* data, std::size_t size) {
    CatalogueLoad result = load_catalogue(std::string_view(data, size));
    g_app.session.catalogue = std::move(result.catalogue);
    g_app.session.load_problems = std::move(result.problems);
    request_frames(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void app_request_frame() { request_frames(kFramesAfterInput); }

EMSCRIPTEN_KEEPALIVE int app_frame_count() { return g_app.frames_drawn; }

// A snapshot for the page and the browser tests (window.procureApp.state()).
EMSCRIPTEN_KEEPALIVE const char* app_state_json() {
    nlohmann::json state;
    state["frames"] = g_app.frames_drawn;
    const ImGuiIO& io = ImGui::GetIO();
    state["display"] = {{"width", io.DisplaySize.x}, {"height", io.DisplaySize.y}, {"scale", io.DisplayFramebufferScale.x}};
    if (const auto& c = g_app.session.catalogue) {
        nlohmann::json ids = nlohmann::json::array();
        for (const Practice& p : c->practices) ids.push_back(p.id);
        state["catalogue"] = {{"id", c->id}, {"version", c->version}, {"practices", ids}};
    } else {
        state["catalogue"] = nullptr;
    }
    nlohmann::json problems = nlohmann::json::array();
    for (const Problem& p : g_app.session.load_problems) problems.push_back(format_problem(p));
    state["problems"] = problems;
    g_app.state_json = state.dump();
    return g_app.state_json.c_str();
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
    ui::apply_theme(ui::ThemeKind::light);
    ImGui_ImplSDL2_InitForOpenGL(g_app.window, g_app.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    SDL_AddEventWatch(on_sdl_event, nullptr);
    request_frames(kFramesAfterInput);
    return 0;  // the runtime stays alive; frames are driven by requestAnimationFrame
}
