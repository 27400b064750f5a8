#include "checklist.hpp"

namespace procure {

const ChecklistEntry* Checklist::find(std::string_view practice_id) const {
    auto it = entries.find(practice_id);
    return it == entries.end() ? nullptr : &it->second;
}

Status Checklist::status_of(std::string_view practice_id) const {
    const ChecklistEntry* entry = find(practice_id);
    return entry ? entry->status : Status::not_started;
}

}  // namespace procure
