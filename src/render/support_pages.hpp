// Renders the pages of a proposal's supporters: the proposal with the form to support it,
// and the button that confirms a support from its mail.
#pragma once

#include <string>
#include <vector>

#include "petitions/petition.hpp"
#include "render/pages.hpp"

namespace rempart::render {

struct SupportPageView {
    const Petition* petition = nullptr;  // the proposal, not yet public
    std::string token;                   // the support link's
    std::int64_t supporters = 0;
    std::int64_t needed = 0;
    // As typed, with each error beside its field ({field, message key}).
    std::string name;
    std::string email;
    bool accept_terms = false;
    std::vector<std::pair<std::string, std::string>> errors;
};
std::string render_support(const SiteView& view, Language language, const SupportPageView& page);

// GET /support/confirm/{token}: a button, since a GET confirms nothing (mail scanners).
std::string render_support_confirm(const SiteView& view, Language language,
                                   const std::string& title, const std::string& token);

}  // namespace rempart::render
