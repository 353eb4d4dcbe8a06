// France's départements and régions, by their official codes, to say where signers come
// from in words ("69 Rhône", "Auvergne-Rhône-Alpes") rather than in numbers. Read from the
// lists Etalab publishes (npm @etalab/decoupage-administratif), compiled into the binary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rempart {

class Geography {
  public:
    // `departements` and `regions` are the two JSON lists: arrays of objects with "code" and
    // "nom", each département with its "region". Anything else is a bug of the build.
    static Result<Geography> parse(std::string_view departements, std::string_view regions);

    // "Rhône" for "69"; empty for a code it does not know.
    std::string_view departement_name(std::string_view code) const;
    // The région's name for a département's code ("Auvergne-Rhône-Alpes" for "69"); empty
    // for a code it does not know.
    std::string_view region_of(std::string_view departement) const;

    // Counts by département summed by région, largest first (ties by name); départements it
    // does not know are summed under `unknown`.
    std::vector<std::pair<std::string, std::int64_t>> by_region(
        const std::vector<std::pair<std::string, std::int64_t>>& by_departement,
        std::string_view unknown) const;

    std::size_t departements() const { return departement_names_.size(); }

  private:
    std::unordered_map<std::string, std::string> departement_names_;
    std::unordered_map<std::string, std::string> region_names_;        // by région code
    std::unordered_map<std::string, std::string> departement_region_;  // département → région
};

}  // namespace rempart
