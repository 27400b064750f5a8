// The query engine against a brute-force reference on the real catalogue: every combination of up to two
// phases, up to two types of procurement and up to one threat, with and without a status filter.
#include "engine/query_engine.hpp"

#include <algorithm>
#include <functional>

#include <catch2/catch_test_macros.hpp>

#include "engine/catalogue_loader.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {

const Catalogue& real() {
    static const Catalogue c = *load_catalogue(test::read_source_file(test::kBundledCatalogue)).catalogue;
    return c;
}

template <typename T>
bool contains(const std::vector<T>& v, const T& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool linked(const std::vector<Link>& links, const std::string& id) {
    return std::any_of(links.begin(), links.end(), [&](const Link& l) { return l.id == id; });
}

// The semantics, written as plainly as possible: OR within a facet, AND across facets.
bool admits(const Practice& p, Status status, const Query& q) {
    auto facet = [](const std::vector<std::string>& sel, auto&& has) {
        return sel.empty() || std::any_of(sel.begin(), sel.end(), has);
    };
    return facet(q.facets.phases, [&](const std::string& id) { return p.phase == id; }) &&
           facet(q.facets.assets, [&](const std::string& id) { return linked(p.assets, id); }) &&
           facet(q.facets.threats, [&](const std::string& id) { return linked(p.threats, id); }) &&
           (q.statuses.empty() || contains(q.statuses, status));
}

std::vector<std::size_t> reference(const Catalogue& c, const std::vector<Status>& st, const Query& q) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < c.practices.size(); ++i)
        if (admits(c.practices[i], st[i], q)) out.push_back(i);
    return out;
}

template <typename T>
void toggle(std::vector<T>& v, const T& x) {
    auto it = std::find(v.begin(), v.end(), x);
    if (it == v.end()) v.push_back(x);
    else v.erase(it);
}

// Subsets of size 0..k, in a fixed order.
std::vector<std::vector<std::string>> subsets(const std::vector<Term>& terms, std::size_t k) {
    std::vector<std::vector<std::string>> out{{}};
    for (std::size_t i = 0; i < terms.size(); ++i) {
        out.push_back({terms[i].id});
        if (k >= 2)
            for (std::size_t j = i + 1; j < terms.size(); ++j) out.push_back({terms[i].id, terms[j].id});
    }
    return out;
}

void check_against_reference(const QueryEngine& engine, const std::vector<Status>& st, const Query& q) {
    const Catalogue& c = engine.catalogue();
    const Results r = engine.run(q, st);
    std::vector<std::size_t> got;
    for (const ResultItem& item : r.items) got.push_back(item.practice);
    REQUIRE(got == reference(c, st, q));

    auto check_facet = [&](const std::vector<FacetOption>& options, auto&& toggled) {
        for (const FacetOption& option : options) {
            Query t = q;
            toggled(t, option.id);
            REQUIRE(option.count == reference(c, st, t).size());
        }
    };
    check_facet(r.facets.phases, [](Query& t, const std::string& id) { toggle(t.facets.phases, id); });
    check_facet(r.facets.assets, [](Query& t, const std::string& id) { toggle(t.facets.assets, id); });
    check_facet(r.facets.threats, [](Query& t, const std::string& id) { toggle(t.facets.threats, id); });
    check_facet(r.facets.statuses, [](Query& t, const std::string& id) { toggle(t.statuses, *status_from_string(id)); });
    for (const FacetOption& o : r.facets.phases) REQUIRE(o.selected == contains(q.facets.phases, o.id));
}

}  // namespace

TEST_CASE("every facet combination matches the reference semantics, with counts for every option", "[query]") {
    const Catalogue& c = real();
    const QueryEngine engine(c);
    std::vector<Status> st(c.practices.size(), Status::not_started);
    for (std::size_t i = 0; i < st.size(); ++i) st[i] = kAllStatuses[i % 4];

    std::size_t combinations = 0;
    for (const auto& phases : subsets(c.phases, 2))
        for (const auto& assets : subsets(c.asset_types, 2))
            for (const auto& threats : subsets(c.threats, 1))
                for (const auto& statuses : std::vector<std::vector<Status>>{{}, {Status::in_tender}, {Status::verified, Status::not_applicable}}) {
                    Query q;
                    q.facets = {phases, assets, threats};
                    q.statuses = statuses;
                    check_against_reference(engine, st, q);
                    ++combinations;
                }
    CHECK(combinations == 11 * 56 * 6 * 3);
}

TEST_CASE("without filters every practice is a result, in catalogue order", "[query]") {
    const QueryEngine engine(real());
    const Results r = engine.run({}, std::vector<Status>(real().practices.size()));
    REQUIRE(r.items.size() == 28);
    for (std::size_t i = 0; i < 28; ++i) CHECK(r.items[i].practice == i);
    CHECK(r.facets.phases.size() == 4);
    CHECK(r.facets.statuses.size() == 4);
    CHECK(r.facets.statuses[0].count == 28);  // "not started" is everyone's status
}

TEST_CASE("unknown ids are ignored and reported", "[query]") {
    const QueryEngine engine(real());
    Query q;
    q.facets.assets = {"spaceships", "cloud_services"};
    const Results r = engine.run(q, std::vector<Status>(real().practices.size()));
    CHECK(r.unknown_ids == std::vector<std::string>{"spaceships"});
    Query only_cloud;
    only_cloud.facets.assets = {"cloud_services"};
    CHECK(r.items.size() == engine.run(only_cloud, std::vector<Status>(28)).items.size());
}

TEST_CASE("search ranks title matches first and is stable otherwise", "[query]") {
    const QueryEngine engine(real());
    Query q;
    q.text = "encryption";
    const Results r = engine.run(q, std::vector<Status>(28));
    REQUIRE_FALSE(r.items.empty());
    CHECK(real().practices[r.items[0].practice].id == "encryption");
    for (std::size_t i = 1; i < r.items.size(); ++i) {
        CHECK(r.items[i - 1].score >= r.items[i].score);
        if (r.items[i - 1].score == r.items[i].score) CHECK(r.items[i - 1].practice < r.items[i].practice);
    }
    // The text constraint applies to facet counts too.
    std::size_t cloud = 0;
    for (const auto& o : r.facets.assets)
        if (o.id == "cloud_services") cloud = o.count;
    CHECK(cloud <= r.items.size());
}
