// The published part of the author's private page, for render/proposal_pages.
#pragma once

#include "render/detail/page_parts.hpp"
#include "render/proposal_pages.hpp"

namespace rempart::render::detail {

// The campaign's figures, news and forms into `data` (under "campaign").
void set_author_campaign(mu::data& data, const SiteView& view, Language language,
                         const Petition& petition, const AuthorCampaignView& campaign);

}  // namespace rempart::render::detail
