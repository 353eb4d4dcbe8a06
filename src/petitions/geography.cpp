// France's départements and régions, by their official codes.
#include "petitions/geography.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "petitions/errors.hpp"

namespace rempart {
namespace {

// Each {"code": ..., "nom": ...} of a list, with `also` when asked for; false when the text
// is not such a list.
bool read_places(std::string_view text, std::string_view also,
                 std::vector<std::tuple<std::string, std::string, std::string>>& out) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(text, ec);
    if (ec || !value.is_array()) return false;
    for (const auto& item : value.as_array()) {
        if (!item.is_object()) return false;
        const auto& place = item.as_object();
        const auto* code = place.if_contains("code");
        const auto* name = place.if_contains("nom");
        if (code == nullptr || name == nullptr || !code->is_string() || !name->is_string())
            return false;
        std::string extra;
        if (!also.empty()) {
            const auto* value_also = place.if_contains(also);
            if (value_also == nullptr || !value_also->is_string()) return false;
            extra = std::string(value_also->as_string());
        }
        out.emplace_back(std::string(code->as_string()), std::string(name->as_string()),
                         std::move(extra));
    }
    return true;
}

}  // namespace

Result<Geography> Geography::parse(std::string_view departements, std::string_view regions) {
    std::vector<std::tuple<std::string, std::string, std::string>> read_departements;
    std::vector<std::tuple<std::string, std::string, std::string>> read_regions;
    if (!read_places(departements, "region", read_departements) ||
        !read_places(regions, "", read_regions) || read_departements.empty() ||
        read_regions.empty())
        return make_error(PetitionError::geography_invalid,
                          "the lists of départements and régions cannot be read");
    Geography geography;
    for (const auto& [code, name, unused] : read_regions)
        geography.region_names_.emplace(code, name);
    for (const auto& [code, name, region] : read_departements) {
        geography.departement_names_.emplace(code, name);
        geography.departement_region_.emplace(code, region);
    }
    return geography;
}

std::string_view Geography::departement_name(std::string_view code) const {
    const auto found = departement_names_.find(std::string(code));
    return found == departement_names_.end() ? std::string_view() : found->second;
}

std::string_view Geography::region_of(std::string_view departement) const {
    const auto found = departement_region_.find(std::string(departement));
    if (found == departement_region_.end()) return {};
    const auto region = region_names_.find(found->second);
    return region == region_names_.end() ? std::string_view() : region->second;
}

std::vector<std::pair<std::string, std::int64_t>> Geography::by_region(
    const std::vector<std::pair<std::string, std::int64_t>>& by_departement,
    std::string_view unknown) const {
    std::map<std::string, std::int64_t> sums;
    for (const auto& [code, count] : by_departement) {
        const auto region = region_of(code);
        sums[std::string(region.empty() ? unknown : region)] += count;
    }
    std::vector<std::pair<std::string, std::int64_t>> sorted(sums.begin(), sums.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return sorted;
}

}  // namespace rempart
