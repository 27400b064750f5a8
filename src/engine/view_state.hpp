// What the user is looking at, as a short link fragment they can bookmark, mail or type by hand:
// filters, search text, language, the open practice, the scenario and the view. Notes and statuses
// of the checklist are never part of it: a link is shared, a checklist is private work.
//
// Link format (the part after '#'), keys in this order, each at most once, every one optional:
//
//   q=encryption%20pumps        free text, percent-encoded UTF-8, at most 256 bytes
//   phase=plan,source           phase ids            } comma-separated ids, at most 64 per key,
//   type=medical_devices        type-of-procurement  } in the order given; duplicates are dropped
//   threat=malicious            threat ids           }
//   status=in_tender,verified   not_started | in_tender | verified | not_applicable
//   lang=de                     interface language
//   open=encryption             the practice shown in full
//   scenario=networked-imaging  the scenario the filters came from
//   view=matrix                 list (default) | matrix | guide
//   axis=threats                matrix columns: assets (default) | threats
//
// Encoding keeps A-Z a-z 0-9 - _ . ~ and writes every other byte as %XX (so a space is %20);
// decoding also reads '+' as a space and accepts raw UTF-8. The default state is the empty fragment.
// Decoding is total: hostile or broken input gives a safe state plus a plain-language list of what
// was ignored, and never more than kMaxFragmentBytes of input are read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "limits.hpp"
#include "query.hpp"

namespace procure {

enum class ViewMode : std::uint8_t { list, matrix, guide };

// Query and FacetSelection carry no comparison of their own; ViewState's needs one.
bool operator==(const FacetSelection& a, const FacetSelection& b);
bool operator==(const Query& a, const Query& b);

struct ViewState {
    Query query;                // facets (phases/assets/threats ids), statuses, free text
    std::string language;       // "" = not set
    std::string open_practice;  // practice id or ""
    std::string scenario;       // scenario id or ""
    ViewMode view = ViewMode::list;
    std::string matrix_axis;    // "" (the default, assets) or "threats"

    bool operator==(const ViewState&) const = default;
};

// Without the '#'; "" for the default state. Any state encodes to a well-formed fragment; one that
// decode_fragment gives back unchanged needs valid ids, no duplicates, UTF-8 text within the limits
// and an encoding no longer than kMaxFragmentBytes.
std::string encode_fragment(const ViewState& state);

struct DecodedView {
    ViewState state;
    std::vector<std::string> ignored;  // plain-language reasons, one per thing dropped
};

// Accepts an optional leading '#'.
DecodedView decode_fragment(std::string_view fragment);

// Drops ids the catalogue does not know (and a language not in `languages`, when that is not empty),
// returning a plain-language reason for each.
std::vector<std::string> sanitize_view_state(ViewState& state, const Catalogue& catalogue,
                                             const std::vector<std::string>& languages = {});

}  // namespace procure
