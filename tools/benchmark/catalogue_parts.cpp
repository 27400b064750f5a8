#include "catalogue_parts.hpp"

#include <algorithm>
#include <iterator>

#include "engine/catalogue_loader.hpp"

namespace bench {
namespace {

bool same_ids(const std::vector<procure::Term>& a, const std::vector<procure::Term>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) { return x.id == y.id; });
}

}  // namespace

procure::Limits large_catalogue_limits() {
    procure::Limits limits;
    limits.max_document_bytes = 256u * 1024 * 1024;
    limits.max_items = 100000;
    return limits;
}

bool CatalogueParts::add(std::string_view json_text) {
    const std::string file = "file " + std::to_string(files_ + 1) + ": ";
    procure::CatalogueLoad load = procure::load_catalogue(json_text, limits_);
    if (!load.catalogue) {
        for (const procure::Problem& p : load.problems) problems_.push_back(file + procure::format_problem(p));
        return false;
    }
    procure::Catalogue& part = *load.catalogue;
    if (merged_ && (part.id != merged_->id || !same_ids(part.phases, merged_->phases) ||
                    !same_ids(part.asset_types, merged_->asset_types) || !same_ids(part.threats, merged_->threats))) {
        problems_.push_back(file + "is not a part of catalogue \"" + merged_->id + "\": its id or taxonomies differ");
        return false;
    }
    for (const procure::Practice& p : part.practices) {
        if (ids_.count(p.id)) {
            problems_.push_back(file + "practice id \"" + p.id + "\" is also in an earlier file");
            return false;
        }
    }
    for (const procure::Practice& p : part.practices) ids_.insert(p.id);
    ++files_;
    if (!merged_) {
        merged_ = std::move(part);
        return true;
    }
    const std::size_t first = merged_->practices.size();
    merged_->practices.reserve(first + part.practices.size());
    std::move(part.practices.begin(), part.practices.end(), std::back_inserter(merged_->practices));
    for (std::size_t i = first; i < merged_->practices.size(); ++i) merged_->practices[i].number = static_cast<int>(i + 1);
    return true;
}

std::optional<procure::Catalogue> CatalogueParts::take() {
    std::optional<procure::Catalogue> out = std::move(merged_);
    merged_.reset();
    ids_.clear();
    files_ = 0;
    return out;
}

}  // namespace bench
