// The petitions as last read from the store, shared read-only by pages and the API.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "petitions/petition.hpp"

namespace rempart {

// An immutable view of every petition; replaced whole when the store changes, so a
// request holds a consistent picture for as long as it keeps its pointer.
struct CatalogSnapshot {
    std::vector<Petition> petitions;       // newest first
    std::vector<std::uint64_t> revisions;  // each petition's, in the same order
    std::unordered_map<std::string, std::size_t> index_by_slug;
    std::uint64_t generation = 0;  // moves when any petition changes

    // Moves only when what a visitor sees of this petition changes (its count included):
    // its page is rendered again then, and not when another petition is signed.
    std::uint64_t revision_of(const Petition& petition) const;

    const Petition* find(std::string_view slug) const;
    const Petition* find_by_id(std::int64_t id) const;
    // Published petitions, newest first: the home page's list.
    std::vector<const Petition*> open_petitions() const;
};

class Catalog {
  public:
    Catalog();
    std::shared_ptr<const CatalogSnapshot> current() const;
    // Replaces the snapshot; returns true when anything a visitor can see changed.
    bool replace(std::vector<Petition> petitions);

  private:
    mutable std::mutex mutex_;
    std::shared_ptr<const CatalogSnapshot> current_;
    std::uint64_t last_revision_ = 0;
};

}  // namespace rempart
