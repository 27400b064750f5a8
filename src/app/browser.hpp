// The app's calls into the page (web/shell.js). The only place in C++ that talks to JavaScript.
#pragma once

namespace procure::browser {

// Tells the page and the tests that the first frame with content is on screen.
void notify_ready();

}  // namespace procure::browser
