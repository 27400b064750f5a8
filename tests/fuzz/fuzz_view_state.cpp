// Link fragments on arbitrary bytes: decode, sanitize against the bundled catalogue, restore into a
// session. Decoding is total and safe (view_state.hpp), and encode∘decode reaches a fixed point: a
// decoded state re-encodes to a link that decodes back to it unchanged and without complaint, or,
// when that link would pass kMaxFragmentBytes, one more round trip settles on a link within it.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "engine/catalogue_loader.hpp"
#include "engine/session.hpp"
#include "engine/view_state.hpp"
#include "fuzz_support.hpp"

using namespace procure;
using procure::fuzz::valid_utf8;

namespace {

const Catalogue& bundled() {
    static const Catalogue c = fuzz::load_source_catalogue("assets/catalogues/enisa-hospitals-2020.json");
    return c;
}

template <typename T>
bool unique(const std::vector<T>& v) {
    return std::set<T>(v.begin(), v.end()).size() == v.size();
}

void check_reasons(const std::vector<std::string>& reasons) {
    for (const std::string& r : reasons) {
        FUZZ_CHECK(!r.empty() && r.size() < 200, "a reason is one short line");
        FUZZ_CHECK(valid_utf8(r), "a reason is valid UTF-8 whatever the link held");
    }
}

// What decode_fragment promises about every state it returns.
void check_safe(const DecodedView& d) {
    const ViewState& s = d.state;
    for (const auto* ids : {&s.query.facets.phases, &s.query.facets.assets, &s.query.facets.threats}) {
        FUZZ_CHECK(ids->size() <= kMaxFragmentListItems, "at most kMaxFragmentListItems ids per key");
        FUZZ_CHECK(unique(*ids), "no id twice");
        for (const std::string& id : *ids) FUZZ_CHECK(is_valid_id(id), "only valid ids");
    }
    FUZZ_CHECK(unique(s.query.statuses), "no status twice");
    FUZZ_CHECK(s.query.text.size() <= kMaxFragmentTextBytes, "bounded search text");
    FUZZ_CHECK(valid_utf8(s.query.text), "the search text is valid UTF-8");
    FUZZ_CHECK(s.open_practice.empty() || is_valid_id(s.open_practice), "the open practice is an id");
    FUZZ_CHECK(s.scenario.empty() || is_valid_id(s.scenario), "the scenario is an id");
    FUZZ_CHECK(s.matrix_axis.empty() || s.matrix_axis == "threats", "a known axis");
    FUZZ_CHECK(s.language.size() <= 35, "a language tag");
    FUZZ_CHECK(d.ignored.size() <= 21, "a bounded list of reasons");
    check_reasons(d.ignored);
}

void check_fixed_point(const ViewState& state) {
    const std::string link = encode_fragment(state);
    const DecodedView again = decode_fragment(link);
    check_safe(again);
    FUZZ_CHECK(decode_fragment("#" + link).state == again.state, "a leading '#' changes nothing");
    if (link.size() <= kMaxFragmentBytes) {
        FUZZ_CHECK(again.ignored.empty(), "a link the engine wrote decodes without complaint");
        FUZZ_CHECK(again.state == state, "encode then decode gives the state back");
        return;
    }
    // Too long to read whole: the settings that fit survive, and they are a fixed point.
    const std::string shorter = encode_fragment(again.state);
    FUZZ_CHECK(shorter.size() <= kMaxFragmentBytes, "one more round trip fits the limit");
    FUZZ_CHECK(link.starts_with(shorter), "the settings that fit are kept as they were");
    const DecodedView settled = decode_fragment(shorter);
    FUZZ_CHECK(settled.ignored.empty() && settled.state == again.state, "and they are a fixed point");
}

// Sanitizing keeps only what the catalogue knows, says why for the rest, and is idempotent.
void check_sanitize(ViewState state) {
    const std::vector<std::string> languages{"en", "de", "el", "pt-BR"};
    check_reasons(sanitize_view_state(state, bundled(), languages));
    const Catalogue& c = bundled();
    for (const std::string& id : state.query.facets.phases) FUZZ_CHECK(c.find_phase(id), "known phases");
    for (const std::string& id : state.query.facets.assets) FUZZ_CHECK(c.find_asset_type(id), "known types");
    for (const std::string& id : state.query.facets.threats) FUZZ_CHECK(c.find_threat(id), "known threats");
    FUZZ_CHECK(state.open_practice.empty() || c.find_practice(state.open_practice), "a known practice");
    FUZZ_CHECK(state.scenario.empty() || c.find_scenario(state.scenario), "a known scenario");
    FUZZ_CHECK(state.language.empty() || std::count(languages.begin(), languages.end(), state.language), "a known language");
    ViewState twice = state;
    FUZZ_CHECK(sanitize_view_state(twice, bundled(), languages).empty() && twice == state, "sanitizing is idempotent");
    check_fixed_point(state);
}

// The app restores a link into its session; every result then satisfies the filters.
void check_session(const ViewState& state) {
    static Session session(bundled());
    check_reasons(session.restore_view(state));
    const Catalogue& c = session.catalogue();
    const Query& q = session.view().query;
    for (const ResultItem& item : session.results().items) {
        FUZZ_CHECK(item.practice < c.practices.size(), "results are practices");
        const Practice& p = c.practices[item.practice];
        FUZZ_CHECK(q.facets.phases.empty() || std::count(q.facets.phases.begin(), q.facets.phases.end(), p.phase),
                   "a result is in a selected phase");
        const auto linked = [](const std::vector<Link>& links, const std::vector<std::string>& wanted) {
            return wanted.empty() || std::any_of(links.begin(), links.end(), [&](const Link& l) {
                       return std::count(wanted.begin(), wanted.end(), l.id) > 0;
                   });
        };
        FUZZ_CHECK(linked(p.assets, q.facets.assets) && linked(p.threats, q.facets.threats), "a result has a selected type and threat");
        FUZZ_CHECK(q.statuses.empty() || std::count(q.statuses.begin(), q.statuses.end(), Status::not_started),
                   "with an empty checklist only not_started matches");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const DecodedView d = decode_fragment(fuzz::as_text(data, size));
    check_safe(d);
    check_fixed_point(d.state);
    check_sanitize(d.state);
    check_session(d.state);
    return 0;
}
