#include "query_engine.hpp"

#include <algorithm>

namespace procure {
namespace {

// The practices a facet admits: the union of its selected options, or everything when none is selected.
struct FacetFilter {
    std::vector<std::size_t> selected;  // option indices
    PracticeSet admitted;
};

template <typename Ids>
FacetFilter make_filter(const std::vector<std::string>& option_ids, const std::vector<PracticeSet>& members,
                        const Ids& wanted, std::size_t n, std::vector<std::string>& unknown) {
    FacetFilter f;
    for (const std::string& id : wanted) {
        auto it = std::find(option_ids.begin(), option_ids.end(), id);
        if (it == option_ids.end()) {
            unknown.push_back(id);
            continue;
        }
        const auto index = static_cast<std::size_t>(it - option_ids.begin());
        if (std::find(f.selected.begin(), f.selected.end(), index) == f.selected.end()) f.selected.push_back(index);
    }
    f.admitted.reset(n, f.selected.empty());
    for (std::size_t index : f.selected) f.admitted |= members[index];
    return f;
}

// Counts for each option of one facet, given `others`: the results of every other constraint.
void count_options(const std::vector<std::string>& ids, const std::vector<PracticeSet>& members, const FacetFilter& f,
                   const PracticeSet& others, std::vector<FacetOption>& out) {
    out.clear();
    out.reserve(ids.size());
    PracticeSet scratch;
    for (std::size_t o = 0; o < ids.size(); ++o) {
        const bool selected = std::find(f.selected.begin(), f.selected.end(), o) != f.selected.end();
        FacetOption option{ids[o], 0, selected};
        if (!selected) {
            // Adding an option to a facet with none selected narrows it to that option; otherwise widens it.
            if (f.selected.empty()) {
                option.count = PracticeSet::count_and(others, members[o]);
            } else {
                scratch = f.admitted;
                scratch |= members[o];
                option.count = PracticeSet::count_and(others, scratch);
            }
        } else if (f.selected.size() == 1) {
            option.count = others.count();  // removing the only option lifts the facet
        } else {
            scratch.reset(others.size(), false);
            for (std::size_t s : f.selected)
                if (s != o) scratch |= members[s];
            option.count = PracticeSet::count_and(others, scratch);
        }
        out.push_back(std::move(option));
    }
}

}  // namespace

QueryEngine::QueryEngine(const Catalogue& catalogue) : catalogue_(catalogue), search_(catalogue) {
    const std::size_t n = catalogue.practices.size();
    auto build = [n, &catalogue](Facet& facet, const std::vector<Term>& terms, auto&& linked) {
        for (const Term& t : terms) {
            facet.ids.push_back(t.id);
            facet.members.emplace_back(n);
        }
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t o = 0; o < terms.size(); ++o)
                if (linked(catalogue.practices[p], terms[o].id)) facet.members[o].set(p);
    };
    build(phases_, catalogue.phases, [](const Practice& p, const std::string& id) { return p.phase == id; });
    build(assets_, catalogue.asset_types, [](const Practice& p, const std::string& id) {
        return std::any_of(p.assets.begin(), p.assets.end(), [&](const Link& l) { return l.id == id; });
    });
    build(threats_, catalogue.threats, [](const Practice& p, const std::string& id) {
        return std::any_of(p.threats.begin(), p.threats.end(), [&](const Link& l) { return l.id == id; });
    });
}

Results QueryEngine::run(const Query& query, const std::vector<Status>& status_by_practice) const {
    const std::size_t n = catalogue_.practices.size();
    Results results;

    // Status is a facet like the others, but its members change with the user's checklist.
    std::vector<std::string> status_ids;
    std::vector<PracticeSet> status_members;
    for (Status s : kAllStatuses) {
        status_ids.emplace_back(to_string(s));
        status_members.emplace_back(n);
    }
    for (std::size_t p = 0; p < n; ++p) {
        const Status s = p < status_by_practice.size() ? status_by_practice[p] : Status::not_started;
        status_members[static_cast<std::size_t>(s)].set(p);
    }
    std::vector<std::string> wanted_statuses;
    for (Status s : query.statuses) wanted_statuses.emplace_back(to_string(s));

    const FacetFilter phase = make_filter(phases_.ids, phases_.members, query.facets.phases, n, results.unknown_ids);
    const FacetFilter asset = make_filter(assets_.ids, assets_.members, query.facets.assets, n, results.unknown_ids);
    const FacetFilter threat = make_filter(threats_.ids, threats_.members, query.facets.threats, n, results.unknown_ids);
    const FacetFilter status = make_filter(status_ids, status_members, wanted_statuses, n, results.unknown_ids);

    results.search = parse_search_query(query.text);
    PracticeSet text(n, true);
    std::vector<std::uint16_t> scores;
    const bool searching = !results.search.terms.empty();
    if (searching) search_.match(results.search, text.words(), scores);

    // Each facet's counts use every constraint except its own.
    auto all_but = [&](const FacetFilter* skip) {
        PracticeSet s = text;
        for (const FacetFilter* f : {&phase, &asset, &threat, &status})
            if (f != skip) s &= f->admitted;
        return s;
    };
    count_options(phases_.ids, phases_.members, phase, all_but(&phase), results.facets.phases);
    count_options(assets_.ids, assets_.members, asset, all_but(&asset), results.facets.assets);
    count_options(threats_.ids, threats_.members, threat, all_but(&threat), results.facets.threats);
    count_options(status_ids, status_members, status, all_but(&status), results.facets.statuses);

    const PracticeSet matching = all_but(nullptr);
    results.items.reserve(matching.count());
    matching.for_each([&](std::size_t p) {
        results.items.push_back({p, searching && p < scores.size() ? scores[p] : std::uint16_t{0}});
    });
    if (searching)
        std::stable_sort(results.items.begin(), results.items.end(),
                         [](const ResultItem& a, const ResultItem& b) { return a.score > b.score; });
    return results;
}

}  // namespace procure
