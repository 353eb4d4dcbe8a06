// The petitions as last read from the store, shared read-only by pages and the API.
#include "petitions/catalog.hpp"

namespace rempart {
namespace {

bool same_petition(const Petition& a, const Petition& b) {
    return a.id == b.id && a.slug == b.slug && a.title == b.title && a.summary == b.summary &&
           a.body_markdown == b.body_markdown && a.goal == b.goal && a.state == b.state &&
           a.created_at == b.created_at && a.signature_count == b.signature_count &&
           a.postcode_required == b.postcode_required && a.target_name == b.target_name &&
           a.target_function == b.target_function && a.ends_at == b.ends_at &&
           a.language == b.language && a.edited_at == b.edited_at &&
           a.signatures_by_region == b.signatures_by_region &&
           a.latest_signers == b.latest_signers && a.won_at == b.won_at && a.news == b.news &&
           // A refused petition's reason changes alone when an admin rewords it.
           a.public_reason == b.public_reason && a.public_reason_code == b.public_reason_code;
}

}  // namespace

const Petition* CatalogSnapshot::find_by_id(std::int64_t id) const {
    for (const auto& petition : petitions)
        if (petition.id == id) return &petition;
    return nullptr;
}

const Petition* CatalogSnapshot::find(std::string_view slug) const {
    const auto it = index_by_slug.find(std::string(slug));
    return it == index_by_slug.end() ? nullptr : &petitions[it->second];
}

std::uint64_t CatalogSnapshot::revision_of(const Petition& petition) const {
    const auto index = static_cast<std::size_t>(&petition - petitions.data());
    return index < revisions.size() ? revisions[index] : 0;
}

std::vector<const Petition*> CatalogSnapshot::open_petitions() const {
    std::vector<const Petition*> open;
    for (const auto& petition : petitions)
        if (petition.state == PetitionState::published) open.push_back(&petition);
    return open;
}

Catalog::Catalog() : current_(std::make_shared<CatalogSnapshot>()) {}

std::shared_ptr<const CatalogSnapshot> Catalog::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

bool Catalog::replace(std::vector<Petition> petitions) {
    std::lock_guard lock(mutex_);
    const auto& old = current_->petitions;
    const bool changed = old.size() != petitions.size() ||
                         !std::equal(old.begin(), old.end(), petitions.begin(), same_petition);
    if (!changed) return false;
    auto next = std::make_shared<CatalogSnapshot>();
    next->petitions = std::move(petitions);
    std::unordered_map<std::int64_t, std::size_t> old_by_id;
    for (std::size_t i = 0; i < old.size(); ++i) old_by_id.emplace(old[i].id, i);
    for (std::size_t i = 0; i < next->petitions.size(); ++i) {
        const auto& petition = next->petitions[i];
        next->index_by_slug.emplace(petition.slug, i);
        const auto before = old_by_id.find(petition.id);
        const bool unchanged =
            before != old_by_id.end() && same_petition(old[before->second], petition);
        next->revisions.push_back(unchanged ? current_->revisions[before->second]
                                            : ++last_revision_);
    }
    next->generation = current_->generation + 1;
    current_ = std::move(next);
    return true;
}

}  // namespace rempart
