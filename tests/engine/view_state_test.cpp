// The link fragment: exact round trips for valid states, and safe, explained results for anything else.
#include "engine/view_state.hpp"

#include <algorithm>
#include <iterator>
#include <random>
#include <set>
#include <string>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "engine/catalogue_loader.hpp"
#include "test_files.hpp"

using namespace procure;
using Catch::Matchers::ContainsSubstring;

namespace {

const Catalogue& bundled() {
    static const Catalogue c = [] {
        auto r = load_catalogue(test::read_source_file(test::kBundledCatalogue));
        REQUIRE(r.catalogue);
        return *r.catalogue;
    }();
    return c;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Independent of the engine's own check, so a shared mistake cannot hide.
bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

template <typename T>
bool unique(const std::vector<T>& v) { return std::set<T>(v.begin(), v.end()).size() == v.size(); }

// What decode_fragment promises about every state it returns.
void check_safe(const DecodedView& d) {
    const ViewState& s = d.state;
    for (const auto* ids : {&s.query.facets.phases, &s.query.facets.assets, &s.query.facets.threats}) {
        CHECK(ids->size() <= kMaxFragmentListItems);
        CHECK(unique(*ids));
        for (const auto& id : *ids) CHECK(is_valid_id(id));
    }
    CHECK(unique(s.query.statuses));
    CHECK(s.query.text.size() <= kMaxFragmentTextBytes);
    CHECK(valid_utf8(s.query.text));
    CHECK((s.open_practice.empty() || is_valid_id(s.open_practice)));
    CHECK((s.scenario.empty() || is_valid_id(s.scenario)));
    CHECK((s.matrix_axis.empty() || s.matrix_axis == "threats"));
    CHECK(s.language.size() <= 35);
    for (const auto& reason : d.ignored) {
        CHECK(valid_utf8(reason));
        CHECK(reason.size() < 200);
    }
}

struct Generator {
    std::mt19937 rng;

    std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

    std::string id() {
        static const std::string first = "abcdefghijklmnopqrstuvwxyz0123456789";
        static const std::string rest = first + "-_";
        std::string s(1, first[below(first.size())]);
        const std::size_t len = below(20);
        for (std::size_t i = 0; i < len; ++i) s += rest[below(rest.size())];
        return s;
    }

    std::vector<std::string> ids() {
        std::vector<std::string> out;
        const std::size_t n = below(3) == 0 ? 0 : below(9);
        while (out.size() < n) {
            std::string s = id();
            if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
        }
        return out;
    }

    char32_t code_point() {
        switch (below(6)) {
        case 0: return static_cast<char32_t>(0x20 + below(0x5F));  // printable ASCII, '&', '=', '%', '+', '#' included
        case 1: return static_cast<char32_t>(0xC0 + below(0xC0));  // Latin-1 letters and Latin Extended-A
        case 2: return static_cast<char32_t>(0x391 + below(0x39));  // Greek
        case 3: return static_cast<char32_t>(0x410 + below(0x40));  // Cyrillic
        case 4: return static_cast<char32_t>(0x1F600 + below(0x50));  // emoji
        default: return U"\t\n ,+%&=#"[below(9)];
        }
    }

    std::string text() {
        std::string s;
        const std::size_t target = below(4) == 0 ? 0 : below(kMaxFragmentTextBytes + 1);
        while (true) {
            std::string next = s;
            append_utf8(next, code_point());
            if (next.size() > target) return s;
            s = std::move(next);
        }
    }

    ViewState state() {
        static const char* languages[] = {"", "de", "en", "pt-BR", "el", "sr-Latn"};
        ViewState s;
        s.query.text = text();
        s.query.facets.phases = ids();
        s.query.facets.assets = ids();
        s.query.facets.threats = ids();
        for (Status st : kAllStatuses)
            if (below(3) == 0) s.query.statuses.push_back(st);
        std::shuffle(s.query.statuses.begin(), s.query.statuses.end(), rng);
        s.language = languages[below(6)];
        s.open_practice = below(2) ? id() : "";
        s.scenario = below(2) ? id() : "";
        s.view = static_cast<ViewMode>(below(3));
        s.matrix_axis = below(2) ? "threats" : "";
        return s;
    }

    // Random bytes, or a soup of pieces that look like the format, so both noise and near misses are tried.
    std::string hostile() {
        static const char* pieces[] = {"q=", "phase=", "type=", "threat=", "status=", "lang=", "open=", "scenario=",
                                       "view=", "axis=", "&", "=", ",", "%", "%2", "%ZZ", "%C3%A9", "%C3%28", "%FF",
                                       "%00", "+", "#", "plan", "source", "<script>", "in_tender", "matrix", "threats",
                                       "\xC3", "\xE2\x82\xAC", " ", "de", "%26", "%2C", "Plan"};
        std::string s;
        const std::size_t n = below(40);
        for (std::size_t i = 0; i < n; ++i) {
            if (below(4) == 0) s += static_cast<char>(below(256));
            else if (below(5) == 0) s += id();
            else s += pieces[below(std::size(pieces))];
        }
        return s;
    }
};

}  // namespace

TEST_CASE("the documented example decodes to the state it describes and encodes back unchanged", "[view_state]") {
    const std::string link =
        "q=encryption%20pumps&phase=plan,source&type=medical_devices&threat=malicious&status=in_tender"
        "&lang=de&open=encryption&scenario=networked-imaging&view=matrix&axis=threats";
    ViewState expected;
    expected.query = Query{{{"plan", "source"}, {"medical_devices"}, {"malicious"}}, {Status::in_tender}, "encryption pumps"};
    expected.language = "de";
    expected.open_practice = "encryption";
    expected.scenario = "networked-imaging";
    expected.view = ViewMode::matrix;
    expected.matrix_axis = "threats";
    const DecodedView d = decode_fragment("#" + link);
    CHECK(d.ignored.empty());
    CHECK(d.state == expected);
    CHECK(encode_fragment(expected) == link);
}

TEST_CASE("the default state is the empty fragment, and defaults are left out", "[view_state]") {
    CHECK(encode_fragment(ViewState{}).empty());
    CHECK(decode_fragment("").state == ViewState{});
    CHECK(decode_fragment("#").state == ViewState{});
    const DecodedView d = decode_fragment("view=list&axis=assets");
    CHECK(d.ignored.empty());
    CHECK(d.state == ViewState{});
    ViewState s;
    s.matrix_axis = "assets";
    CHECK(encode_fragment(s).empty());
}

TEST_CASE("text is percent-encoded outside the unreserved set, and '+' decodes as a space", "[view_state]") {
    ViewState s;
    s.query.text = "a+b & c=d, 100% \"x\" ~_.-#";
    CHECK(encode_fragment(s) == "q=a%2Bb%20%26%20c%3Dd%2C%20100%25%20%22x%22%20~_.-%23");
    CHECK(decode_fragment("q=infusion+pump").state.query.text == "infusion pump");
    CHECK(decode_fragment("q=%c3%a9t%C3%A9").state.query.text == "\xC3\xA9t\xC3\xA9");
    CHECK(decode_fragment("q=\xC3\xA9t\xC3\xA9").state.query.text == "\xC3\xA9t\xC3\xA9");  // raw UTF-8 as typed
}

TEST_CASE("random valid states survive encode then decode exactly", "[view_state]") {
    Generator g{std::mt19937(20200224)};
    for (int i = 0; i < 3000; ++i) {
        const ViewState s = g.state();
        const std::string link = encode_fragment(s);
        INFO(link);
        REQUIRE(link.size() <= kMaxFragmentBytes);
        const DecodedView d = decode_fragment(link);
        CHECK(d.ignored.empty());
        REQUIRE(d.state == s);
        CHECK(decode_fragment("#" + link).state == s);
    }
}

TEST_CASE("random hostile fragments decode to a safe state that re-encodes to itself", "[view_state]") {
    Generator g{std::mt19937(7)};
    std::size_t checked = 0;
    for (int i = 0; i < 5000; ++i) {
        const std::string x = g.hostile();
        const DecodedView d = decode_fragment(x);
        check_safe(d);
        const std::string again = encode_fragment(d.state);
        // A state decoded from at most 2048 bytes can encode longer (raw UTF-8 text triples as %XX).
        if (again.size() > kMaxFragmentBytes) continue;
        ++checked;
        const DecodedView d2 = decode_fragment(again);
        CHECK(d2.ignored.empty());
        REQUIRE(d2.state == d.state);
    }
    CHECK(checked > 4900);
}

TEST_CASE("hand-written hostile fragments are ignored with a reason", "[view_state]") {
    SECTION("a broken percent-escape drops the value") {
        const DecodedView d = decode_fragment("#q=%ZZ");
        CHECK(d.state == ViewState{});
        REQUIRE(d.ignored.size() == 1);
        CHECK_THAT(d.ignored[0], ContainsSubstring("%-escape"));
        CHECK(decode_fragment("q=abc%").state.query.text.empty());
        CHECK(decode_fragment("q=abc%4").state.query.text.empty());
    }
    SECTION("markup is not an id") {
        const DecodedView d = decode_fragment("#phase=<script>,plan&open=%3Cimg%3E");
        CHECK(d.state.query.facets.phases == std::vector<std::string>{"plan"});
        CHECK(d.state.open_practice.empty());
        REQUIRE(d.ignored.size() == 2);
        CHECK_THAT(d.ignored[0], ContainsSubstring("\"<script>\" is not a valid phase id"));
    }
    SECTION("upper case and other invalid ids") {
        const DecodedView d = decode_fragment("phase=Plan,-x,_y,plan&scenario=A");
        CHECK(d.state.query.facets.phases == std::vector<std::string>{"plan"});
        CHECK(d.state.scenario.empty());
        CHECK(d.ignored.size() == 4);
    }
    SECTION("empty parts, names and values") {
        const DecodedView d = decode_fragment("&&&==");
        CHECK(d.state == ViewState{});
        REQUIRE(d.ignored.size() == 1);
        CHECK_THAT(d.ignored[0], ContainsSubstring("without a name"));
        const DecodedView e = decode_fragment("phase=&q&view=");
        CHECK(e.state == ViewState{});
        CHECK(e.ignored.size() == 3);
        CHECK(decode_fragment("phase=plan,,source,").state.query.facets.phases ==
              std::vector<std::string>{"plan", "source"});
    }
    SECTION("invalid UTF-8 in the text drops the text") {
        for (const char* bad : {"q=%C3%28", "q=%ED%A0%80", "q=%C0%AF", "q=%F4%90%80%80", "q=\xFF"}) {
            const DecodedView d = decode_fragment(bad);
            CHECK(d.state.query.text.empty());
            REQUIRE(d.ignored.size() == 1);
            CHECK_THAT(d.ignored[0], ContainsSubstring("UTF-8"));
        }
    }
    SECTION("repeated keys: the first wins") {
        const DecodedView d = decode_fragment("view=matrix&view=guide&q=a&q=b");
        CHECK(d.state.view == ViewMode::matrix);
        CHECK(d.state.query.text == "a");
        CHECK(d.ignored.size() == 2);
        CHECK_THAT(d.ignored[0], ContainsSubstring("more than once"));
    }
    SECTION("unknown keys and values") {
        const DecodedView d = decode_fragment("foo=1&status=done,verified&view=grid&axis=rows&lang=%3Cb%3E");
        CHECK(d.state.query.statuses == std::vector<Status>{Status::verified});
        CHECK(d.state.view == ViewMode::list);
        CHECK(d.state.matrix_axis.empty());
        CHECK(d.state.language.empty());
        CHECK(d.ignored.size() == 5);
    }
    SECTION("duplicates within a list are dropped silently, the first position kept") {
        const DecodedView d = decode_fragment("threat=human,malicious,human&status=verified,in_tender,verified");
        CHECK(d.ignored.empty());
        CHECK(d.state.query.facets.threats == std::vector<std::string>{"human", "malicious"});
        CHECK(d.state.query.statuses == std::vector<Status>{Status::verified, Status::in_tender});
    }
    SECTION("too many items in a facet") {
        std::string link = "type=";
        for (int i = 0; i < 100; ++i) link += "t" + std::to_string(i) + ",";
        const DecodedView d = decode_fragment(link);
        CHECK(d.state.query.facets.assets.size() == kMaxFragmentListItems);
        CHECK(d.state.query.facets.assets.back() == "t63");
        REQUIRE(d.ignored.size() == 1);
        CHECK_THAT(d.ignored[0], ContainsSubstring("more than 64"));
    }
    SECTION("over-long text is shortened at a character boundary") {
        std::string link = "q=";
        for (int i = 0; i < 200; ++i) link += "%CE%B1";  // 400 bytes of Greek alpha
        const DecodedView d = decode_fragment(link);
        CHECK(d.state.query.text.size() == 256);
        CHECK(valid_utf8(d.state.query.text));
        CHECK(d.ignored.size() == 1);
        link = "q=x";
        for (int i = 0; i < 200; ++i) link += "%CE%B1";
        CHECK(decode_fragment(link).state.query.text.size() == 255);
    }
    SECTION("a 10 KB fragment: only the first 2048 bytes are read, the cut setting dropped") {
        std::string link = "view=matrix&q=";
        link += std::string(10 * 1024, 'a');
        const DecodedView d = decode_fragment(link);
        CHECK(d.state.view == ViewMode::matrix);
        CHECK(d.state.query.text.empty());
        REQUIRE(d.ignored.size() == 1);
        CHECK_THAT(d.ignored[0], ContainsSubstring("2048"));
        std::string exact = "view=guide&" + std::string(kMaxFragmentBytes - 11, 'x') + "&view=matrix";
        CHECK(decode_fragment(exact).state.view == ViewMode::guide);
    }
    SECTION("hundreds of bad items give a bounded list of reasons") {
        std::string link = "phase=";
        for (int i = 0; i < 400; ++i) link += "X,";
        const DecodedView d = decode_fragment(link);
        check_safe(d);
        CHECK(d.ignored.size() == 21);
        CHECK_THAT(d.ignored.back(), ContainsSubstring("380 more"));
    }
    SECTION("reasons quote hostile bytes safely") {
        const DecodedView d = decode_fragment("%FF%00\xC3=1");
        check_safe(d);
        REQUIRE(d.ignored.size() == 1);
        CHECK_THAT(d.ignored[0], ContainsSubstring("%25FF%25"));
        CHECK_THAT(d.ignored[0], ContainsSubstring("%C3"));
    }
}

TEST_CASE("a state far beyond the limits encodes to a well-formed fragment that decodes safely", "[view_state]") {
    ViewState s;
    for (int i = 0; i < 100; ++i) s.query.facets.phases.push_back(std::string(60, 'p') + std::to_string(i));
    s.query.facets.threats = {"a&b=c", "<x>"};
    s.open_practice = "x&view=guide";
    const std::string link = encode_fragment(s);
    CHECK(link.find("open=x%26view%3Dguide") != std::string::npos);
    const DecodedView d = decode_fragment(link);
    check_safe(d);
    CHECK(d.state.view == ViewMode::list);
    CHECK(!d.ignored.empty());
}

TEST_CASE("sanitize drops what the catalogue does not know", "[view_state]") {
    const DecodedView d = decode_fragment(
        "phase=plan,later&type=medical_devices,toasters&threat=malicious,aliens&open=encryption&scenario=remote-care"
        "&lang=de");
    REQUIRE(d.ignored.empty());

    ViewState ok = d.state;
    const auto reasons = sanitize_view_state(ok, bundled(), {"en", "de"});
    CHECK(ok.query.facets.phases == std::vector<std::string>{"plan"});
    CHECK(ok.query.facets.assets == std::vector<std::string>{"medical_devices"});
    CHECK(ok.query.facets.threats == std::vector<std::string>{"malicious"});
    CHECK(ok.open_practice == "encryption");
    CHECK(ok.scenario == "remote-care");
    CHECK(ok.language == "de");
    REQUIRE(reasons.size() == 3);
    CHECK_THAT(reasons[0], ContainsSubstring("\"later\""));
    CHECK_THAT(reasons[1], ContainsSubstring("\"toasters\""));
    CHECK_THAT(reasons[2], ContainsSubstring("\"aliens\""));

    ViewState gone = d.state;
    gone.open_practice = "no-such-practice";
    gone.scenario = "no-such-scenario";
    const auto more = sanitize_view_state(gone, bundled(), {"en", "fr"});
    CHECK(gone.open_practice.empty());
    CHECK(gone.scenario.empty());
    CHECK(gone.language.empty());
    CHECK(more.size() == 6);

    ViewState any_language = d.state;
    sanitize_view_state(any_language, bundled());
    CHECK(any_language.language == "de");

    ViewState clean = ok;
    CHECK(sanitize_view_state(clean, bundled(), {"de"}).empty());
    CHECK(clean == ok);
}
